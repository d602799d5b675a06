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
  /** Set by layout: the column's shrunk size, shared by its amounts. */
  readonly fontSize?: number;
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

/**
 * How a table narrower than its template's page fits (portrait pages): fixed
 * widths scale down (code columns excepted: a code never wraps), and a flex column takes at most `maxFlex` pt per unit of
 * flex, so long names wrap as they do in real portrait tables; what the flex
 * columns leave goes back to the fixed ones.
 */
export interface WidthFit {
  readonly fixedScale: number;
  readonly maxFlex: number;
}

/** Fixed widths as given; flex columns share what is left of `available`. */
export function resolveWidths(
  columns: readonly { readonly width?: number; readonly flex?: number; readonly kind?: string }[],
  available: number,
  fit?: WidthFit,
): number[] {
  const scaleOf = (c: { readonly kind?: string }): number => (c.kind === "code" ? 1 : (fit?.fixedScale ?? 1));
  const fixed = columns.reduce((s, c) => s + (c.width ?? 0) * scaleOf(c), 0);
  const flexTotal = columns.reduce((s, c) => s + (c.width === undefined ? (c.flex ?? 1) : 0), 0);
  const spare = Math.max(0, available - fixed);
  const cap = fit?.maxFlex;
  if (cap === undefined || flexTotal === 0 || spare / flexTotal <= cap) {
    return columns.map((c) => (c.width !== undefined ? c.width * scaleOf(c) : (spare * (c.flex ?? 1)) / flexTotal));
  }
  // The flex columns are capped: what they leave goes back to the fixed ones.
  const grow = fixed > 0 ? 1 + (spare - cap * flexTotal) / fixed : 1;
  return columns.map((c) => (c.width !== undefined ? c.width * scaleOf(c) * grow : cap * (c.flex ?? 1)));
}
