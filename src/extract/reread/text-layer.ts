// Identity-guided re-reading of text layers. Where a table read from a text
// layer breaks an identity, the figures its cells involve are looked for again
// among the glyphs printed in each cell's row band: a figure drawn across a
// ruling (given whole to this cell, the piece another cell took taken back),
// two figures stacked in one cell (a row ruling not drawn: each is a reading),
// a figure drawn as two runs either side of a line (joined). A reading is kept
// only when it leaves fewer identities broken (search.ts); every reading is a
// figure printed on the page, never one worked out.
import type { Cell, Finding, Table } from "../../../schemas/canonical.js";
import type { PageModel, TextRun } from "../../source/model.js";
import { charStart } from "../../layout/run-chars.js";
import { parseAmount, toWan } from "../../recognize/amount.js";
import { brokenIdentities, cellKey, keepBetterReadings, suspectCells, type CellChange, type CellKey, type Reading, type Suspect } from "./search.js";

/** A figure as printed: its text and where its glyphs lie. */
interface Token {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
}

const FIGURE_CHAR = /[\d,，.\-－()%]/;
/** Two pieces of one figure drawn as two runs: no wider apart than this share of the size. */
const TOUCHING = 0.15;

/** The figures of a run: its longest stretches of figure characters that hold a digit. */
function figureTokens(run: TextRun): Token[] {
  const out: Token[] = [];
  const { text } = run;
  const y = (run.y0 + run.y1) / 2;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inside = i < text.length && FIGURE_CHAR.test(text[i]!);
    if (inside && start < 0) start = i;
    if (!inside && start >= 0) {
      const piece = text.slice(start, i);
      if (/\d/.test(piece)) out.push({ text: piece, x0: charStart(run, start), x1: charStart(run, i), y, size: run.size });
      start = -1;
    }
  }
  return out;
}

/** The figures printed between y0 and y1 (by their runs' middles), pieces that touch on one line joined. */
function figuresInBand(runs: readonly TextRun[], y0: number, y1: number): Token[] {
  const tokens = runs
    .filter((r) => !r.vertical && (r.y0 + r.y1) / 2 >= y0 && (r.y0 + r.y1) / 2 <= y1)
    .flatMap(figureTokens)
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const joined: Token[] = [];
  for (const t of tokens) {
    const prev = joined[joined.length - 1];
    if (prev && Math.abs(prev.y - t.y) < t.size * 0.3 && t.x0 - prev.x1 <= t.size * TOUCHING && t.x0 >= prev.x1 - t.size * TOUCHING) {
      joined[joined.length - 1] = { ...prev, text: prev.text + t.text, x1: t.x1 };
      // The pieces stay readings too: the join may be two figures side by side.
      joined.push(t);
      continue;
    }
    joined.push(t);
  }
  return joined;
}

const overlap = (a0: number, a1: number, b0: number, b1: number): number => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Other readings of one cell from the glyphs in its row band, the likeliest (most of it inside the cell) first. */
function readingsOf(s: Suspect, runs: readonly TextRun[]): Reading[] {
  const { cell, table } = s;
  const [x0, y0, x1, y1] = cell.bbox!;
  const unit = table.printed_unit ?? "万元";
  const rowCells = table.cells.filter((c) => c.row === cell.row && c.page === cell.page && c.bbox !== undefined && c !== cell);
  const seen = new Set<number | null>([cell.value]);
  const out: { reading: Reading; inside: number }[] = [];
  for (const t of figuresInBand(runs, y0, y1)) {
    const inside = overlap(t.x0, t.x1, x0, x1);
    if (inside <= 0) continue;
    const parsed = parseAmount(t.text);
    if (!parsed.ok || parsed.value === null) continue;
    const value = toWan(parsed.value, unit);
    if (seen.has(value)) continue;
    seen.add(value);
    const changes = new Map<CellKey, CellChange>([[cellKey(table.id, cell.row, cell.col), { value, text: t.text }]]);
    // A neighbour that took part of this figure (the ruling ran through it) gives it back.
    for (const n of rowCells) {
      const [nx0, , nx1] = n.bbox!;
      if (n.text && n.text.trim() !== "" && overlap(t.x0, t.x1, nx0, nx1) > 0 && t.text.includes(n.text.replace(/\s+/g, ""))) changes.set(cellKey(table.id, n.row, n.col), { value: null, text: "" });
    }
    out.push({ reading: changes, inside: inside / Math.max(t.x1 - t.x0, 1e-6) });
  }
  return out.sort((a, b) => b.inside - a.inside).map((o) => o.reading);
}

/**
 * Tables read from text layers, with the figures of broken identities read
 * again from the glyphs around their cells where that leaves fewer broken.
 */
export function rereadTextLayer(tables: readonly Table[], pages: readonly PageModel[], textPages: ReadonlySet<number>, validate: (tables: readonly Table[]) => Finding[]): Table[] {
  const broken = brokenIdentities(validate(tables));
  if (broken.length === 0) return [...tables];
  const eligible = (c: Cell): boolean => c.bbox !== undefined && c.page !== undefined && textPages.has(c.page);
  const readings = new Map<CellKey, Reading[]>();
  for (const [key, s] of suspectCells(tables, broken, eligible)) {
    const page = pages[s.cell.page! - 1];
    const options = page ? readingsOf(s, page.runs) : [];
    if (options.length > 0) readings.set(key, options);
  }
  return readings.size === 0 ? [...tables] : keepBetterReadings(tables, readings, validate);
}
