// A truth file as the scorer reads it: the canonical report the generator
// meant, plus what it did on purpose (variant, injected faults, document kind).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { DocumentKind, Report } from "../../schemas/canonical.js";
import { ScanRecord } from "../corpus/scan/params.js";
import type { Degradation } from "../corpus/truth.js";
import { SEED_VARIANT, Variant } from "../corpus/variant.js";

export const Fault = z.object({
  rule: z.string(),
  table: z.string(),
  row: z.string().nullable(),
  col: z.string().nullable().optional(),
  /** error: a finding beyond rounding is expected; rounding: only a within-rounding gap. */
  kind: z.enum(["error", "rounding"]),
  /** The figure as printed (a narrative fault is told by it: claim ids are the generator's own). */
  actual: z.number().nullable().optional(),
});
export type Fault = z.infer<typeof Fault>;

export const TruthFile = Report.extend({
  variant: Variant.partial().optional(),
  faults: z.array(Fault).optional(),
  expected_kind: DocumentKind.optional(),
  /** Titles of the tables outside the nine the report prints (机关运行经费, 政府采购). */
  extra_titles: z.array(z.string()).optional(),
  /** A scanned copy (corpus/scans/): how it was scanned; absent or null for a text-layer PDF. */
  scan: ScanRecord.nullable().optional(),
  /** A copy whose fonts lost their ToUnicode maps (corpus/scans/). */
  garbled: z.boolean().optional(),
  // Findings a correct checker reports (the seed's truth), with the fields the scorer needs.
  findings: z.array(z.object({ table: z.string().nullable(), row: z.string().nullable(), severity: z.enum(["error", "warning", "info"]) }).loose()),
});
export type TruthFile = z.infer<typeof TruthFile>;

/** Where a finding is expected: a table cell's row, or a narrative figure. */
export interface Expected {
  readonly table: string;
  readonly row: string | null;
  readonly actual: number | null;
  /** Other places a finding may name and still catch it (an independent truth's `accept`: the row, or its 款). */
  readonly accept?: readonly { readonly table: string; readonly row: string | null }[];
}

export interface Truth {
  readonly path: string;
  readonly report: TruthFile;
  readonly variant: Variant;
  /** How the PDF was degraded from a text-layer one: scanned, fonts garbled, or neither. */
  readonly degradation: Degradation;
  readonly expectedKind: z.infer<typeof DocumentKind>;
  /** Faults whose finding must be an error, from `faults` and from error-severity truth findings. */
  readonly errors: readonly Expected[];
  /** Rounding seams: each must show as a within-rounding finding, never as an error. */
  readonly seams: readonly Expected[];
}

/** Folders skipped below the one searched: the scan corpus needs --ocr, so it is scored only when named (--corpus corpus/scans). */
const SKIPPED_BELOW = new Set(["scans", "series"]);

export async function findTruthFiles(dir: string): Promise<string[]> {
  const walk = async (d: string): Promise<string[]> => {
    const out: string[] = [];
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_BELOW.has(entry.name)) out.push(...(await walk(p)));
      } else if (entry.name.endsWith(".truth.json")) out.push(p);
    }
    return out;
  };
  return (await walk(dir)).sort();
}

export async function loadTruth(file: string): Promise<Truth> {
  const parsed = TruthFile.safeParse(JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`Expected a truth file, got ${file}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  const report = parsed.data;
  // A generated truth lists its faults and restates them as findings; the seed's truth has findings only.
  const expected = (kind: "error" | "rounding"): Expected[] =>
    report.faults
      ? report.faults.filter((f) => f.kind === kind).map((f) => ({ table: f.table, row: f.row, actual: f.actual ?? null }))
      : report.findings
          .filter((f) => (kind === "error" ? f.severity === "error" : f.severity === "info"))
          .map((f) => ({ table: f.table ?? "", row: f.row, actual: typeof f["actual"] === "number" ? f["actual"] : null }));
  const errors = expected("error");
  const seams = expected("rounding");
  return {
    path: file,
    report,
    variant: { ...SEED_VARIANT, ...report.variant },
    degradation: { scan: report.scan ?? null, garbled: report.garbled ?? false },
    expectedKind: report.expected_kind ?? report.kind ?? "final",
    errors,
    seams,
  };
}
