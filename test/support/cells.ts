// How many of a truth table's cells a stored report holds exactly (to the
// cent): what the OCR tests measure.
import type { TruthFile } from "../../src/eval/truth.js";
import type { Report } from "../../schemas/canonical.js";

type TruthTable = TruthFile["tables"][number];

export function exactCells(want: TruthTable, report: Report): number {
  const got = new Map((report.tables.find((t) => t.id === want.id)?.cells ?? []).map((c) => [`${c.row}|${c.col}`, c.value]));
  return want.cells.filter((c) => {
    const g = got.get(`${c.row}|${c.col}`);
    return g !== undefined && (g === c.value || (g !== null && c.value !== null && Math.abs(g - c.value) < 0.005));
  }).length;
}
