// The eval table: one line per group, percentages with one decimal.
import type { GroupFigures } from "./aggregate.js";

// Two decimals, so that 9 cells missed in 36,499 do not print as 100.0%.
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

export function formatTable(rows: readonly GroupFigures[]): string {
  const head = ["group", "reports", "kind", "tables P", "tables R", "cells", "spurious", "names", "meta", "extras", "errors found", "false alarms", "OCR-marked", "seams"];
  const body = rows.map((r) => [
    r.group,
    String(r.reports),
    `${r.kindOk}/${r.reports}`,
    pct(r.tablePrecision),
    pct(r.tableRecall),
    `${pct(r.cellAccuracy)} of ${r.cellsTruth}`,
    String(r.cellsSpurious),
    pct(r.nameAccuracy),
    `${r.metaOk}/${r.reports}`,
    `${r.extrasFound}/${r.extrasExpected}`,
    `${r.faultsFound}/${r.faultsExpected}`,
    String(r.falseAlarms),
    String(r.ocrMarked),
    `${r.seamsFound}/${r.seamsExpected}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

export function summaryLine(all: GroupFigures): string {
  return (
    `eval: ${all.reports} reports; kind ${all.kindOk}/${all.reports}; tables P ${pct(all.tablePrecision)} R ${pct(all.tableRecall)}; ` +
    `cells ${pct(all.cellAccuracy)} of ${all.cellsTruth} (${all.cellsSpurious} spurious); names ${pct(all.nameAccuracy)}; ` +
    `meta ${all.metaOk}/${all.reports}; extra tables ${all.extrasFound}/${all.extrasExpected}; errors found ${all.faultsFound}/${all.faultsExpected}; false alarms ${all.falseAlarms}${all.ocrMarked > 0 ? ` (+${all.ocrMarked} marked as read by OCR)` : ""}; rounding seams ${all.seamsFound}/${all.seamsExpected}`
  );
}

/** One group on one line, in the summary's words: the breakdowns printed before it. */
export function groupLine(label: string, g: GroupFigures): string {
  return (
    `${label}: ${g.reports} reports; kind ${g.kindOk}/${g.reports}; tables P ${pct(g.tablePrecision)} R ${pct(g.tableRecall)}; ` +
    `cells ${pct(g.cellAccuracy)} of ${g.cellsTruth} (${g.cellsSpurious} spurious); names ${pct(g.nameAccuracy)}; meta ${g.metaOk}/${g.reports}; ` +
    `errors found ${g.faultsFound}/${g.faultsExpected}; false alarms ${g.falseAlarms}`
  );
}
