// Report scores -> figures per group (all, per producer, per font, per degradation, per variant value).
import type { Degradation } from "../corpus/truth.js";
import { DEFAULT_FONT, type Variant } from "../corpus/variant.js";
import type { ReportScore } from "./score.js";

export interface GroupFigures {
  readonly group: string;
  readonly reports: number;
  readonly kindOk: number;
  readonly tablePrecision: number;
  readonly tableRecall: number;
  readonly cellAccuracy: number;
  readonly cellsTruth: number;
  readonly cellsSpurious: number;
  readonly nameAccuracy: number;
  /** Reports whose unit, year and printed unit are all right. */
  readonly metaOk: number;
  readonly faultsExpected: number;
  readonly faultsFound: number;
  readonly falseAlarms: number;
  readonly ocrMarked: number;
  readonly seamsExpected: number;
  readonly seamsFound: number;
  readonly extrasExpected: number;
  readonly extrasFound: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function figures(group: string, scores: readonly ReportScore[]): GroupFigures {
  const sum = (f: (s: ReportScore) => number): number => scores.reduce((n, s) => n + f(s), 0);
  return {
    group,
    reports: scores.length,
    kindOk: sum((s) => Number(s.kindOk)),
    tablePrecision: ratio(sum((s) => s.tables.correct), sum((s) => s.tables.found)),
    tableRecall: ratio(sum((s) => s.tables.correct), sum((s) => s.tables.truth)),
    cellAccuracy: ratio(sum((s) => s.cells.exact), sum((s) => s.cells.truth)),
    cellsTruth: sum((s) => s.cells.truth),
    cellsSpurious: sum((s) => s.cells.spurious),
    nameAccuracy: ratio(sum((s) => s.names.exact), sum((s) => s.names.truth)),
    metaOk: sum((s) => Number(s.meta.unit && s.meta.year && s.meta.printedUnit)),
    faultsExpected: sum((s) => s.faults.expected),
    faultsFound: sum((s) => s.faults.found),
    falseAlarms: sum((s) => s.falseAlarms),
    ocrMarked: sum((s) => s.ocrMarked),
    seamsExpected: sum((s) => s.seams.expected),
    seamsFound: sum((s) => s.seams.found),
    extrasExpected: sum((s) => s.extras.expected),
    extrasFound: sum((s) => s.extras.found),
  };
}

/**
 * The groups a degraded report is in: `scan.dpi=200`, `scan.noise=gaussian`,
 * `scan.skew=1-2°` (by size, either sign) for a scan; `garbled=true`. None
 * for a text-layer PDF, so a text corpus's table is what it always was.
 */
export function degradationGroups(d: Degradation | undefined): string[] {
  const out: string[] = [];
  if (d?.scan) {
    out.push(`scan.dpi=${d.scan.dpi}`, `scan.noise=${d.scan.noise.kind}`);
    out.push(`scan.skew=${Math.abs(d.scan.skew) < 1 ? "<1°" : "1-2°"}`);
  }
  if (d?.garbled) out.push("garbled=true");
  return out;
}

/** "all", then one group per producer, per font, then per degradation, then one per variant field value. */
export function groupFigures(scored: readonly { score: ReportScore; variant: Variant; degradation?: Degradation }[]): GroupFigures[] {
  const groups = new Map<string, ReportScore[]>([["all", scored.map((s) => s.score)]]);
  const add = (name: string, score: ReportScore): void => void groups.set(name, [...(groups.get(name) ?? []), score]);
  for (const { score, variant, degradation } of scored) {
    for (const [field, value] of Object.entries(variant)) if (field !== "font") add(`${field}=${String(value)}`, score);
    // A report that names no font is set in the one pdfkit and Writer use.
    add(`font=${variant.font ?? DEFAULT_FONT}`, score);
    for (const name of degradationGroups(degradation)) add(name, score);
  }
  const degraded = (g: string): boolean => g.startsWith("scan.") || g.startsWith("garbled=");
  const order = (g: string): string =>
    g === "all" ? "0" : g.startsWith("producer=") ? `1${g}` : g.startsWith("font=") ? `2${g}` : degraded(g) ? `3${g}` : `4${g}`;
  return [...groups.entries()].sort((a, b) => order(a[0]).localeCompare(order(b[0]))).map(([g, s]) => figures(g, s));
}
