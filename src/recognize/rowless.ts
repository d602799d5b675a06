// Ruled tables that draw no line between their body rows (many Word tables:
// column lines and a frame only) hold the whole body in one ruled row, the
// figures of every line stacked in its cells. Such a grid is read again by
// alignment (layout/aligned.ts) within its own ruled columns, so that each
// printed line is a row and a wrapped name stays one name.
import { alignedGrid } from "../layout/aligned.js";
import type { Grid } from "../layout/grid.js";
import { runsToLines } from "../layout/lines.js";
import { looksLikeAmount } from "./amount.js";
import { isBodyRow } from "./grid-table.js";
import { compact } from "./text.js";

/** A classification code on a line of its own (201, 20103, 2010301). */
const CODE = /^\d{3}(\d{2}){0,2}$/;

/** A cell holding two figures or codes on lines of their own: rows between which the grid drew no line. */
function stacksRows(grid: Grid): boolean {
  return grid.cells.some((c) => c.lines.filter((l) => looksLikeAmount(l.text) || CODE.test(compact(l.text))).length >= 2);
}

/** The grid, or, where it drew no line between body rows, the same table read line by line in its columns. */
export function rowsByLine(grid: Grid): Grid {
  if (!stacksRows(grid)) return grid;
  const lines = runsToLines(grid.cells.flatMap((c) => c.lines.flatMap((l) => l.runs)));
  return alignedGrid(grid.page, lines, isBodyRow, grid.xs) ?? grid;
}
