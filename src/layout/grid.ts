// Edges -> ruled grids. Each connected group of edges is one table frame; its
// edge positions cut it into elementary cells, and elementary cells with no
// ruling between them are one (merged) cell. The chain, pdfplumber-style:
// edgesToComponents -> componentToLattice -> latticeToCells -> place text.
import type { TextRun } from "../source/model.js";
import type { Edge } from "./edges.js";
import { clusterPositions, overlap } from "./geometry.js";
import { joinLines, runsToLines, type TextLine } from "./lines.js";
import { charStart, sliceRun } from "./run-chars.js";

export interface GridCell {
  /** Elementary row/column span, end exclusive. */
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly lines: TextLine[];
  text: string;
}

export interface Grid {
  readonly page: number;
  /** Column boundaries (x) and row boundaries (y), ascending. */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly cells: GridCell[];
  /** cellAt[r][c]: index into cells of the cell covering elementary (r, c). */
  readonly cellAt: readonly (readonly number[])[];
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const TOUCH = 2.5;
/** A boundary counts as ruled if edges cover this share of it. */
const COVERED = 0.6;

export function edgesToComponents(edges: readonly Edge[]): Edge[][] {
  const parent = edges.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const hs = edges.map((e, i) => [e, i] as const).filter(([e]) => e.orient === "h");
  const vs = edges.map((e, i) => [e, i] as const).filter(([e]) => e.orient === "v");
  for (const [h, hi] of hs) {
    for (const [v, vi] of vs) {
      if (v.at >= h.from - TOUCH && v.at <= h.to + TOUCH && h.at >= v.from - TOUCH && h.at <= v.to + TOUCH) {
        parent[find(hi)] = find(vi);
      }
    }
  }
  const groups = new Map<number, Edge[]>();
  edges.forEach((e, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), e]);
  });
  return [...groups.values()];
}

function covered(edges: readonly Edge[], at: number, from: number, to: number): boolean {
  const len = to - from;
  if (len <= 0) return false;
  let sum = 0;
  for (const e of edges) if (Math.abs(e.at - at) <= TOUCH) sum += overlap(e.from, e.to, from, to);
  return sum >= len * COVERED;
}

/** Builds the grid of one edge component, or null if it is not a table frame. */
export function componentToGrid(page: number, component: readonly Edge[]): Grid | null {
  const h = component.filter((e) => e.orient === "h");
  const v = component.filter((e) => e.orient === "v");
  if (h.length < 2 || v.length < 2) return null;
  const xs = clusterPositions(v.map((e) => e.at), TOUCH);
  const ys = clusterPositions(h.map((e) => e.at), TOUCH);
  if (xs.length < 2 || ys.length < 2) return null;
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  // Union elementary cells across boundaries that carry no ruling.
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc - 1; c++) {
      if (!covered(v, xs[c + 1]!, ys[r]!, ys[r + 1]!)) union(r * nc + c, r * nc + c + 1);
    }
  }
  for (let r = 0; r < nr - 1; r++) {
    for (let c = 0; c < nc; c++) {
      if (!covered(h, ys[r + 1]!, xs[c]!, xs[c + 1]!)) union(r * nc + c, (r + 1) * nc + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const root = find(r * nc + c);
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1 });
      else {
        s.r0 = Math.min(s.r0, r);
        s.r1 = Math.max(s.r1, r + 1);
        s.c0 = Math.min(s.c0, c);
        s.c1 = Math.max(s.c1, c + 1);
      }
    }
  }
  // A frame with a single cell is a box around text, not a table.
  if (spans.size < 2) return null;
  const cells: GridCell[] = [...spans.values()]
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
    .map((s) => ({ ...s, x0: xs[s.c0]!, x1: xs[s.c1]!, y0: ys[s.r0]!, y1: ys[s.r1]!, lines: [], text: "" }));
  // Spans of a non-rectangular union overlap; the first cell (reading order) owns the overlap.
  const cellAt: number[][] = Array.from({ length: nr }, () => new Array<number>(nc).fill(-1));
  cells.forEach((s, idx) => {
    for (let r = s.r0; r < s.r1; r++) for (let c = s.c0; c < s.c1; c++) if (cellAt[r]![c] === -1) cellAt[r]![c] = idx;
  });
  return { page, xs, ys, cells, cellAt, x0: xs[0]!, x1: xs[nc]!, y0: ys[0]!, y1: ys[nr]! };
}

function indexIn(bounds: readonly number[], v: number): number {
  for (let i = 0; i < bounds.length - 1; i++) if (v >= bounds[i]! && v < bounds[i + 1]!) return i;
  return -1;
}

/**
 * Places runs into the grid's cells. A run that crosses a ruled boundary (one
 * text item covering two cells) is split where its glyphs lie. Returns the runs
 * that fall outside the grid.
 */
export function placeRuns(grid: Grid, runs: readonly TextRun[]): TextRun[] {
  const outside: TextRun[] = [];
  const inCell = new Map<number, TextRun[]>();
  for (const run of runs) {
    if (run.vertical) {
      outside.push(run);
      continue;
    }
    const cy = (run.y0 + run.y1) / 2;
    const r = indexIn(grid.ys, cy);
    const cx = (run.x0 + run.x1) / 2;
    if (r < 0 || cx < grid.x0 - 1 || cx > grid.x1 + 1) {
      outside.push(run);
      continue;
    }
    splitAcrossColumns(grid, r, run, (idx, piece) => {
      const list = inCell.get(idx);
      if (list) list.push(piece);
      else inCell.set(idx, [piece]);
    });
  }
  for (const [idx, cellRuns] of inCell) {
    const cell = grid.cells[idx]!;
    cell.lines.push(...runsToLines(cellRuns));
    cell.text = joinLines(cell.lines);
  }
  return outside;
}

/** Characters of a figure ("8,350.14", "-12.5", "12%"): digits , . - %. */
const isFigureChar = (code: number): boolean => (code >= 48 && code <= 57) || code === 44 || code === 46 || code === 45 || code === 37;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * A run crossing a ruled boundary, in the cells its characters lie in (by each
 * character's centre). Spreadsheet exports draw a right-aligned figure flush
 * against the ruling or over it, and a label may start right after the line:
 * the label keeps its text, and a figure goes whole to the cell holding most of
 * its characters. A figure cut in halves is left cut: that is two figures whose
 * glyphs the producer drew as one (advance widths wider than the glyphs).
 */
function splitAcrossColumns(grid: Grid, r: number, run: TextRun, put: (cell: number, piece: TextRun) => void): void {
  const row = grid.cellAt[r]!;
  const cellOf = (x: number): number => {
    const c = indexIn(grid.xs, x);
    return c < 0 ? -1 : row[c]!;
  };
  const n = run.text.length;
  if (n < 2) {
    const cell = cellOf((run.x0 + run.x1) / 2);
    if (cell >= 0) put(cell, run);
    return;
  }
  const centre = (i: number): number => (charStart(run, i) + charStart(run, i + 1)) / 2;
  // Most runs lie in one cell: every column between the first and last character's is that cell.
  const first = indexIn(grid.xs, centre(0));
  const last = indexIn(grid.xs, centre(n - 1));
  if (first >= 0 && last >= first) {
    let one = true;
    for (let c = first + 1; c <= last && one; c++) one = row[c] === row[first];
    if (one) {
      put(row[first]!, run);
      return;
    }
  }
  const owners = new Int32Array(n);
  for (let i = 0; i < n; i++) owners[i] = cellOf(centre(i));
  const { text } = run;
  for (let i = 0; i < n; ) {
    if (!isFigureChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let digits = false;
    for (; j < n && isFigureChar(text.charCodeAt(j)); j++) digits ||= isDigit(text.charCodeAt(j));
    if (digits && owners[i] !== owners[j - 1]) {
      const most = majority(owners, i, j);
      if (most !== null) owners.fill(most, i, j);
    }
    i = j;
  }
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || owners[i] !== owners[start]) {
      const piece = owners[start]! >= 0 ? sliceRun(run, start, i) : null;
      if (piece) put(owners[start]!, piece);
      start = i;
    }
  }
}

/** The value more than half of owners[from, to) hold, or null. */
function majority(owners: Int32Array, from: number, to: number): number | null {
  // Boyer–Moore vote, then a count to confirm.
  let candidate = owners[from]!;
  let votes = 0;
  for (let i = from; i < to; i++) {
    if (votes === 0) candidate = owners[i]!;
    votes += owners[i] === candidate ? 1 : -1;
  }
  let count = 0;
  for (let i = from; i < to; i++) if (owners[i] === candidate) count++;
  return count * 2 > to - from ? candidate : null;
}

/**
 * The grid cut on finer column boundaries `xs` that include all of its own
 * (within `tolerance`, same outer edges): a table continued on a page where
 * no row splits a merged column (科目编码 over 类|款|项) draws fewer rulings.
 * Null when the grid's boundaries are not among `xs`.
 */
export function onColumns(grid: Grid, xs: readonly number[], tolerance: number): Grid | null {
  const near = (x: number): number => xs.findIndex((v) => Math.abs(v - x) <= tolerance);
  const at = grid.xs.map(near);
  if (at[0] !== 0 || at[at.length - 1] !== xs.length - 1 || at.some((i, k) => k > 0 && i <= at[k - 1]!)) return null;
  // The grid's own column holding each fine column.
  const own: number[] = [];
  for (let k = 0; k < at.length - 1; k++) for (let j = at[k]!; j < at[k + 1]!; j++) own.push(k);
  const cells = grid.cells.map((c) => ({ ...c, c0: at[c.c0]!, c1: at[c.c1]!, x0: xs[at[c.c0]!]!, x1: xs[at[c.c1]!]! }));
  const cellAt = grid.cellAt.map((row) => own.map((k) => row[k]!));
  return { ...grid, xs, cells, cellAt, x0: xs[0]!, x1: xs[xs.length - 1]! };
}
