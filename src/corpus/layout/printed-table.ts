// A table as it will be printed, before measuring: a grid of text cells with
// spans. Composers (standard tables, narrative grids) produce it; table-grid
// measures and places it; the renderer draws it.
import type { CellAlign } from "../templates/types.js";

export interface CellRef {
  readonly row: string;
  readonly col: string;
}

export interface GridCell {
  readonly text: string;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  readonly align: CellAlign;
  /** The canonical cell this prints, if any. */
  readonly ref?: CellRef;
  /** Amounts shrink their font to fit instead of wrapping. */
  readonly shrink?: boolean;
}

export interface GridRow {
  readonly cells: readonly GridCell[];
  readonly minHeight: number;
  /** Canonical row keys printed on this line (several for side-by-side layouts). */
  readonly keys: readonly string[];
}

export interface PrintedTable {
  readonly widths: readonly number[];
  readonly fontSize: number;
  readonly header: readonly GridRow[];
  readonly body: readonly GridRow[];
}

export function cell(text: string, col: number, align: CellAlign, more: Partial<GridCell> = {}): GridCell {
  return { text, col, colSpan: 1, rowSpan: 1, align, ...more };
}

/** Fixed widths as given; flex columns share what is left of `available`. */
export function resolveWidths(
  columns: readonly { readonly width?: number; readonly flex?: number }[],
  available: number,
): number[] {
  const fixed = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const flexTotal = columns.reduce((s, c) => s + (c.width === undefined ? (c.flex ?? 1) : 0), 0);
  const spare = Math.max(0, available - fixed);
  return columns.map((c) => c.width ?? (flexTotal > 0 ? (spare * (c.flex ?? 1)) / flexTotal : 0));
}
