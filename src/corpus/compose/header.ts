// Header rows from the template's spans, placed like an HTML table: each
// cell takes the next column not covered by a row-span from above.
import type { Column } from "../../../schemas/canonical.js";
import type { GridCell, GridRow } from "../layout/printed-table.js";
import type { ColumnSpec, HeaderCellSpec, NumberCellSpec } from "../templates/types.js";

export function placeHeader(specs: readonly (readonly HeaderCellSpec[])[], ncols: number, rowHeight: number): GridRow[] {
  const covered: boolean[][] = specs.map(() => new Array<boolean>(ncols).fill(false));
  return specs.map((rowSpecs, r) => {
    const cells: GridCell[] = [];
    let col = 0;
    for (const spec of rowSpecs) {
      while (col < ncols && covered[r]?.[col]) col++;
      const colSpan = spec.colSpan ?? 1;
      const rowSpan = spec.rowSpan ?? 1;
      if (col + colSpan > ncols) throw new Error(`Expected header cell "${spec.text}" to fit ${ncols} columns`);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          const row = covered[r + dr];
          if (row) row[col + dc] = true;
        }
      }
      cells.push({ text: spec.text, col, colSpan, rowSpan, align: spec.align ?? "center" });
      col += colSpan;
    }
    return { cells, minHeight: rowHeight, keys: [] };
  });
}

/** The 栏次 row: "#" cells take the printed numbers in order. */
export function numberRow(specs: readonly NumberCellSpec[], numbers: readonly string[], rowHeight: number): GridRow {
  const queue = [...numbers];
  const filled: HeaderCellSpec[] = specs.map((s) => {
    if (s !== "#") return s;
    const n = queue.shift();
    if (n === undefined) throw new Error(`Expected ${specs.filter((x) => x === "#").length} 栏次 numbers, got ${numbers.length}`);
    return { text: n };
  });
  if (queue.length > 0) throw new Error(`Expected ${numbers.length - queue.length} 栏次 numbers, got ${numbers.length}`);
  const [row] = placeHeader([filled], specs.reduce((n, s) => n + (s === "#" ? 1 : (s.colSpan ?? 1)), 0), rowHeight);
  if (!row) throw new Error("Expected a 栏次 row");
  return row;
}

/**
 * Canonical columns with their printed header names: the texts above each
 * amount column joined with " / "; a key printed in several blocks (T1's
 * 收入 and 支出 金额) joins its distinct paths with " | ".
 */
export function columnNames(header: readonly GridRow[], columns: readonly ColumnSpec[]): Column[] {
  const paths = new Map<string, string[]>();
  columns.forEach((c, i) => {
    if (!c.key) return;
    const parts = header
      .flatMap((row) => row.cells.filter((cell) => cell.col <= i && i < cell.col + cell.colSpan))
      .map((cell) => cell.text)
      .filter((t) => t !== "");
    const path = parts.join(" / ");
    const list = paths.get(c.key) ?? [];
    if (!list.includes(path)) list.push(path);
    paths.set(c.key, list);
  });
  return [...paths].map(([key, list]) => ({ key, name: list.join(" | ") }));
}
