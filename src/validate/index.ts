// Validation of one report: structure, then every identity of
// ../shared/spec/identities.md declared in rules/ (within tables, along the
// code hierarchy, across tables), then the narrative against the tables.
// Findings are plain data (schemas/canonical.ts Finding); a gap within
// rounding is an info finding, never an error.
import type { Finding, Table, YearChange } from "../../schemas/canonical.js";
import { evaluate } from "./evaluate.js";
import { expand } from "./expand.js";
import { Figures } from "./figures.js";
import { extractClaims, narrativeFindings, yearChanges } from "./narrative/index.js";
import { ACROSS } from "./rules/across.js";
import { HIERARCHY } from "./rules/hierarchy.js";
import { WITHIN } from "./rules/within.js";
import { structureFindings } from "./structure.js";
import { markOcrFindings } from "./ocr-marks.js";

export const RULES = [...WITHIN, ...HIERARCHY, ...ACROSS];

export interface ValidationInput {
  readonly tables: readonly Table[];
  readonly year: number | null;
  readonly printed_unit: string | null;
  readonly narrative: readonly { page: number; text: string }[];
  /** Pages read by OCR: findings on their figures are marked as such. */
  readonly ocrPages?: ReadonlySet<number>;
}

export interface Validation {
  readonly findings: Finding[];
  /** The narrative's year-on-year statements, checked against last year's report once it is stored. */
  readonly changes: YearChange[];
}

export function checkReport(input: ValidationInput): Validation {
  const fig = new Figures(input.tables, input.printed_unit);
  const identities = expand(RULES, fig)
    .map((c) => evaluate(c, fig))
    .filter((f): f is Finding => f !== null);
  const claims = extractClaims(input.narrative, input.tables);
  const findings = [...structureFindings(input.tables, input.year, fig), ...identities, ...narrativeFindings(input.tables, input.narrative, claims)];
  return { findings: markOcrFindings(findings, input.tables, input.ocrPages ?? new Set()), changes: yearChanges(claims, input.tables) };
}

export function validateReport(input: ValidationInput): Finding[] {
  return checkReport(input).findings;
}
