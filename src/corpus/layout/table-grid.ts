// Measures a printed table and places every cell: wrapped lines, row
// heights (row-spanning header cells stretch the rows they cover), x/y/w/h.
// The header is one block; each body row is a block of its own, so the
// paginator can stack blocks onto pages.
import type { CellAlign } from "../templates/types.js";
import type { CellRef, GridCell, GridRow, PrintedTable } from "./printed-table.js";
import { wrapText } from "./text-wrap.js";

export type FontMeasure = (text: string, size: number) => number;

export interface GridMetrics {
  readonly measure: FontMeasure;
  readonly padX: number;
  readonly padY: number;
  /** Line height as a multiple of the font size. */
  readonly lineFactor: number;
  readonly minFontSize: number;
}

export interface PlacedCell {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly lines: readonly string[];
  readonly align: CellAlign;
  readonly fontSize: number;
  readonly lineHeight: number;
  readonly ref?: CellRef;
}

export interface PlacedBlock {
  readonly height: number;
  readonly cells: readonly PlacedCell[];
  readonly keys: readonly string[];
}

export interface PlacedTable {
  readonly width: number;
  readonly header: PlacedBlock;
  readonly body: readonly PlacedBlock[];
}

interface Fitted {
  readonly lines: string[];
  readonly fontSize: number;
}

function fit(c: GridCell, width: number, size: number, m: GridMetrics): Fitted {
  const inner = width - 2 * m.padX;
  if (c.shrink) {
    let s = c.fontSize ?? size;
    while (s > m.minFontSize && m.measure(c.text, s) > inner) s -= 0.25;
    return { lines: [c.text], fontSize: s };
  }
  return { lines: wrapText(c.text, inner, (t) => m.measure(t, size)), fontSize: size };
}

function needed(f: Fitted, m: GridMetrics): number {
  return f.lines.length * f.fontSize * m.lineFactor + 2 * m.padY;
}

function offsets(widths: readonly number[]): number[] {
  const xs = [0];
  for (const w of widths) xs.push((xs[xs.length - 1] ?? 0) + w);
  return xs;
}

function spanWidth(xs: readonly number[], c: GridCell): number {
  return (xs[c.col + c.colSpan] ?? 0) - (xs[c.col] ?? 0);
}

/** Places rows that may span each other (the header) as one block. */
export function placeRows(rows: readonly GridRow[], t: PrintedTable, m: GridMetrics): PlacedBlock {
  const xs = offsets(t.widths);
  const fitted = rows.map((r) => r.cells.map((c) => fit(c, spanWidth(xs, c), t.fontSize, m)));
  const heights = rows.map((r, i) =>
    Math.max(r.minHeight, ...r.cells.map((c, j) => (c.rowSpan === 1 ? needed(fitted[i]![j]!, m) : 0))),
  );
  rows.forEach((r, i) =>
    r.cells.forEach((c, j) => {
      if (c.rowSpan === 1) return;
      const last = Math.min(rows.length, i + c.rowSpan) - 1;
      const have = heights.slice(i, last + 1).reduce((s, h) => s + h, 0);
      const need = needed(fitted[i]![j]!, m);
      if (need > have) heights[last] = (heights[last] ?? 0) + need - have;
    }),
  );
  const ys = offsets(heights);
  const cells = rows.flatMap((r, i) =>
    r.cells.map((c, j): PlacedCell => {
      const f = fitted[i]![j]!;
      const y = ys[i] ?? 0;
      const h = (ys[Math.min(rows.length, i + c.rowSpan)] ?? 0) - y;
      const base = { x: xs[c.col] ?? 0, y, w: spanWidth(xs, c), h, lines: f.lines, align: c.align, fontSize: f.fontSize, lineHeight: f.fontSize * m.lineFactor };
      return c.ref ? { ...base, ref: c.ref } : base;
    }),
  );
  return { height: ys[rows.length] ?? 0, cells, keys: rows.flatMap((r) => r.keys) };
}

/**
 * The font size every shrinking cell of a column takes: the smallest any of
 * them needs, as a spreadsheet sets a column's font, rather than cell by cell.
 */
function columnShrink(t: PrintedTable, m: GridMetrics): Map<number, number> {
  const xs = offsets(t.widths);
  const sizes = new Map<number, number>();
  for (const row of t.body) {
    for (const c of row.cells) {
      if (!c.shrink || c.colSpan !== 1) continue;
      const s = fit(c, spanWidth(xs, c), t.fontSize, m).fontSize;
      sizes.set(c.col, Math.min(sizes.get(c.col) ?? t.fontSize, s));
    }
  }
  return sizes;
}

export function placeTable(t: PrintedTable, m: GridMetrics): PlacedTable {
  const shrink = columnShrink(t, m);
  const sized = (row: GridRow): GridRow => ({
    ...row,
    cells: row.cells.map((c) => {
      const size = c.shrink ? shrink.get(c.col) : undefined;
      return size !== undefined && size < t.fontSize ? { ...c, fontSize: size } : c;
    }),
  });
  return {
    width: t.widths.reduce((s, w) => s + w, 0),
    header: placeRows(t.header, t, m),
    body: t.body.map((row) => placeRows([sized(row)], t, m)),
  };
}
