// A 行次 column in the coded tables (variant.line_numbers), as the forms
// some publishers print: right after the names, headed 行次 over all header
// rows, numbering the body lines 1, 2, … in print order (an empty cell in
// the 栏次 row). Works on the composed grid, after the code columns, so every
// code style gets it.
import { cell, type GridCell, type GridRow } from "../layout/printed-table.js";
import type { ColumnSpec } from "../templates/types.js";
import type { CodedGrid } from "./codes.js";

const LINE_WIDTH = 28;

export function addLineNumbers(grid: CodedGrid): CodedGrid {
  const nameAt = grid.columns.findIndex((c) => c.kind === "name");
  if (nameAt < 0) throw new Error("Expected a name column to put 行次 after");
  const at = nameAt + 1;
  const shift = (c: GridCell): GridCell => (c.col >= at ? { ...c, col: c.col + 1 } : c);
  const crossing = grid.header.flatMap((r) => r.cells).find((c) => c.col < at && c.col + c.colSpan > at);
  if (crossing) throw new Error(`Expected no header cell over the 行次 column, got "${crossing.text}"`);
  const columns: ColumnSpec[] = [...grid.columns.slice(0, at), { kind: "line", width: LINE_WIDTH }, ...grid.columns.slice(at)];
  const header: GridRow[] = grid.header.map((r, i) => ({
    ...r,
    cells: [...r.cells.map(shift), ...(i === 0 ? [cell("行次", at, "center", { rowSpan: grid.header.length })] : [])].sort((a, b) => a.col - b.col),
  }));
  const numberRow = grid.numberRow ? { ...grid.numberRow, cells: [...grid.numberRow.cells.map(shift), cell("", at, "center")].sort((a, b) => a.col - b.col) } : undefined;
  const body = grid.body.map((r, i) => ({ ...r, cells: [...r.cells.map(shift), cell(String(i + 1), at, "center")].sort((a, b) => a.col - b.col) }));
  return { columns, header, ...(numberRow ? { numberRow } : {}), body };
}
