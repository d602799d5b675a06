// Cell by cell where whole-page reading goes wrong: a ruled table's header
// cells hold two or three short wrapped lines in a small font, which one pass
// over the page reads as one line, glyphs interleaved (事业/收入 → 事入业收),
// and on a noisy scan turns into look-alikes (因公出国 → 三一). A cell holding
// a doubtful Chinese word, or more than one line of ink, is cut out between
// its rulings, split into its lines, and each read magnified on its own.
// Where no rulings bound the word (an unruled table) its cell is its block of
// ink (blocks.ts). A block the page reading left without any word (tesseract
// drops a row of figures beside a label wrapped on two lines) is read too.
import type { Segment } from "../source/model.js";
import { recognize, type OcrWord } from "./pool.js";
import { magnified } from "./crop.js";
import { CELL_INSET, cellInside, inkRuns, rowInk, type Ink, type PixelRect } from "./ink.js";
import { inkBlocks } from "./blocks.js";
import { glyphSize } from "./words.js";

/** A Chinese word read with less confidence than this (0–100) sends its cell to be read again. */
const DOUBTFUL = 75;
const ZOOM = 1.5;
/** A cell's inside narrower or lower than this (pixels) holds no glyph to read. */
const MIN_CELL = 8;
/** A word boxed taller than this many glyphs spans two lines of ink. */
const TALL = 1.5;
/**
 * An unruled cell's text ends at a white gap this many glyphs wide (the next
 * column; a list number's "、" leaves most of a glyph of white before the label)…
 */
const COLUMN_WHITE = 1;
/** …or, up and down, at white this many glyphs tall between lines (a header's wrapped lines stand closer, table rows further). */
const ROW_WHITE = 0.3;
/** A block more lines tall than this is a paragraph, no cell: the page reading of it stands. */
const MAX_CELL_LINES = 4;
/** How sure (0–100) a reading of ink the page reading left without a word must be… */
const UNREAD_FLOOR = 50;
/** …unless it is one word of no Chinese: a figure, which the digits pass reads again from the whole block. */
const UNREAD_FIGURE_FLOOR = 15;
/** A block whose words span less than this share of its width was mostly left unread. */
const READ_SHARE = 0.6;
/** White kept around an ink block, in pixels, for cellInside to take off. */
const BLOCK_MARGIN = CELL_INSET + 1;
/** How much less sure (0–100) a wrapped cell's line-by-line reading may be than the page's and still win… */
const WRAPPED_MARGIN = 15;
/** …and a confidence at which it always wins. */
const SURE_ENOUGH = 60;

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const cjk = (t: string): boolean => /[\u3400-\u9fff]/.test(t);
const glyphs = (ws: readonly OcrWord[]): number => ws.reduce((n, w) => n + [...w.text].length, 0);
/** The share of a block's ink width (its margin off) that words span. */
function covered(ws: readonly OcrWord[], b: Box): number {
  const [x0, x1] = [b.x0 + BLOCK_MARGIN, b.x1 - BLOCK_MARGIN];
  const spans = ws.map((w) => [Math.max(x0, w.x0), Math.min(x1, w.x1)] as const).filter(([a, z]) => z > a).sort((p, q) => p[0] - q[0]);
  let [sum, end] = [0, x0];
  for (const [a, z] of spans) {
    if (z <= end) continue;
    sum += z - Math.max(a, end);
    end = z;
  }
  return x1 > x0 ? sum / (x1 - x0) : 1;
}
const mean = (ws: readonly OcrWord[]): number => (ws.length === 0 ? 0 : ws.reduce((n, w) => n + w.confidence, 0) / ws.length);

/** The rectangle between the rulings nearest a point (pixels), or null outside a ruled table. */
function cellAt(x: number, y: number, segments: readonly Segment[], scale: number): Box | null {
  let [x0, x1, y0, y1] = [-Infinity, Infinity, -Infinity, Infinity];
  for (const g of segments) {
    const [ax, ay, bx, by] = [g.x0 * scale, g.y0 * scale, g.x1 * scale, g.y1 * scale];
    if (g.x0 === g.x1 && ay <= y && by >= y) {
      if (ax < x) x0 = Math.max(x0, ax);
      else x1 = Math.min(x1, ax);
    } else if (g.y0 === g.y1 && ax <= x && bx >= x) {
      if (ay < y) y0 = Math.max(y0, ay);
      else y1 = Math.min(y1, ay);
    }
  }
  return [x0, x1, y0, y1].every(Number.isFinite) ? { x0, y0, x1, y1 } : null;
}

/**
 * The page's ink blocks that may be a cell's text (blocks.ts): not taller than
 * a few lines, not smaller than a decimal point, with a margin of white for
 * cellInside to take off.
 */
function cellBlocks(ink: Ink, glyph: number): Box[] {
  const m = BLOCK_MARGIN;
  return inkBlocks(ink, Math.round((COLUMN_WHITE * glyph) / 2), Math.round((ROW_WHITE * glyph) / 2))
    .filter((b) => b.y1 - b.y0 <= MAX_CELL_LINES * 1.5 * glyph && Math.max(b.x1 - b.x0, b.y1 - b.y0) >= 0.3 * glyph)
    .map((b) => ({ x0: b.x0 - m, y0: b.y0 - m, x1: b.x1 + m, y1: b.y1 + m }));
}

export async function rereadDoubtfulCells(words: readonly OcrWord[], segments: readonly Segment[], scale: number, ink: Ink): Promise<OcrWord[]> {
  // `block`: the ink block a cell is, when no rulings bound it.
  const cells = new Map<string, Box & { wrapped: boolean; unread: boolean; block: Box | null }>();
  const seen = new Set<string>();
  // A line of text is about a glyph tall: the page's typical Chinese glyph says how tall.
  const glyph = glyphSize(words);
  const blocks = glyph > 0 ? cellBlocks(ink, glyph) : [];
  // The block a word overlaps most; asked again for every cell read, so kept.
  const homes = new Map<OcrWord, Box | null>();
  const blockOf = (w: OcrWord): Box | null => {
    if (homes.has(w)) return homes.get(w)!;
    const overlap = (b: Box): number => Math.max(0, Math.min(b.x1, w.x1) - Math.max(b.x0, w.x0)) * Math.max(0, Math.min(b.y1, w.y1) - Math.max(b.y0, w.y0));
    const home = blocks.reduce<Box | null>((m, b) => (overlap(b) > (m ? overlap(m) : 0) ? b : m), null);
    homes.set(w, home);
    return home;
  };
  for (const w of words) {
    // A word boxed over two lines of ink is two lines read as one ("附属单/位上缴" → "-").
    const tall = glyph > 0 && w.y1 - w.y0 > TALL * glyph && linesIn({ x0: w.x0 - CELL_INSET, y0: w.y0 - CELL_INSET, x1: w.x1 + CELL_INSET, y1: w.y1 + CELL_INSET }, ink) > 1;
    // Figures have their own second pass; any other word may be a header OCR garbled ("其他收入" → "tk").
    // A lone mark is no figure: "," doubtfully read where the ink says 合计.
    const figure = /^[-\d,.]+$/.test(w.text) && !/^[,.]+$/.test(w.text);
    if (!cjk(w.text) && !tall && (figure || w.confidence >= DOUBTFUL)) continue;
    // Outside a ruled table the word's cell is the ink around it (an unruled header's wrapped lines).
    const ruled = cellAt((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, segments, scale);
    const block = ruled ? null : blockOf(w);
    const box = ruled ?? block;
    if (!box) continue;
    // The same cell seen from two of its words may differ by a pixel where a ruling is slightly skewed.
    const key = `${Math.round(box.x0 / 4)},${Math.round(box.y0 / 4)}`;
    if (seen.has(key) && !(w.confidence < DOUBTFUL)) continue;
    seen.add(key);
    // Doubtful words, and cells of wrapped lines whole-page reading may have read as one (事业/收入 → 事入业收, sure of itself).
    const wrapped = linesIn(box, ink) > 1;
    if (w.confidence < DOUBTFUL || wrapped || tall) cells.set(key, { ...box, wrapped: wrapped || (cells.get(key)?.wrapped ?? false), unread: false, block });
  }
  const midInside = (w: OcrWord, b: Box): boolean => {
    const [mx, my] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
    return mx > b.x0 && mx < b.x1 && my > b.y0 && my < b.y1;
  };
  // A word belongs to a ruled cell by its middle; to an ink block also when it overlaps that block most (its box may stand off its glyph).
  const inside = (w: OcrWord, c: Box & { block: Box | null }): boolean => midInside(w, c) || (c.block !== null && blockOf(w) === c.block);
  // Ink the page reading left without a word, or mostly without (a row of figures beside a
  // wrapped label dropped whole; 三、国防支出 read as 二 alone), is read on its own.
  for (const b of blocks) {
    if (covered(words.filter((w) => midInside(w, b)), b) >= READ_SHARE) continue;
    cells.set(`${Math.round(b.x0 / 4)},${Math.round(b.y0 / 4)}`, { ...b, wrapped: linesIn(b, ink) > 1, unread: true, block: b });
  }
  if (cells.size === 0) return [...words];
  // Crops are cut, then read by the pool at once.
  const boxes = [...cells.values()];
  const again = await Promise.all(boxes.map((b) => readCell(b, ink, glyph)));
  let out = [...words];
  boxes.forEach((b, i) => {
    const fresh = again[i];
    const old = out.filter((w) => inside(w, b));
    // Wrapped lines read as one are read wrongly with confidence: there the line-by-line reading wins unless much less sure.
    const lone = b.unread && old.length === 0 && fresh?.length === 1 && !cjk(fresh[0]!.text);
    const bar = lone ? UNREAD_FIGURE_FLOOR : b.unread ? Math.max(UNREAD_FLOOR, mean(old) - WRAPPED_MARGIN) : b.wrapped ? Math.min(mean(old) - WRAPPED_MARGIN, SURE_ENOUGH) : mean(old);
    if (!fresh || fresh.length === 0 || mean(fresh) <= bar) return;
    // Ink read in part is read anew only where the new reading holds more.
    if (b.unread && glyphs(fresh) <= glyphs(old)) return;
    // A cell that read as Chinese does not become marks and Latin letters ("其他收入" → "tk").
    if (old.some((w) => cjk(w.text)) && !fresh.some((w) => cjk(w.text))) return;
    // A lone word in ink of its own is boxed by that ink: the digits pass then reads all of it ("21", read "2" as a line).
    const m = BLOCK_MARGIN;
    const placed = lone ? [{ ...fresh[0]!, x0: b.x0 + m, y0: b.y0 + m, x1: b.x1 - m, y1: b.y1 - m }] : fresh;
    out = [...out.filter((w) => !inside(w, b)), ...placed];
  });
  // Reading order again: line by line, left to right (joinGlyphs relies on it).
  return out.sort((a, b) => a.lineY0 - b.lineY0 || a.x0 - b.x0);
}

/**
 * A cell read line by line: its ink rows split it into text lines (PSM 6 on a
 * cell of two short wrapped lines reads them as one, glyphs interleaved:
 * 事业/收入 → 事入业收), each line cut out, magnified and read as one line.
 */
async function readCell(b: Box, ink: Ink, glyph: number): Promise<OcrWord[] | null> {
  const inside = cellInside(b, MIN_CELL);
  if (!inside) return null;
  const { left, top, width, height } = inside;
  const bands = inkBands(ink, inside, glyph);
  if (bands.length === 0) return null;
  const margin = 20;
  const jobs = bands.map(([y0, y1]) => {
    const pad = Math.round((y1 - y0) * 0.2);
    const [bt, bh] = [Math.max(0, y0 - pad), Math.min(height, y1 + pad + 1) - Math.max(0, y0 - pad)];
    const png = magnified(ink, { x0: left, y0: top + bt, x1: left + width, y1: top + bt + bh }, ZOOM, margin);
    if (!png) return Promise.resolve([]);
    const back = (v: number, origin: number): number => origin + (v - margin) / ZOOM;
    const [lineY0, lineY1] = [top + y0, top + y1 + 1];
    return recognize(png, "line").then((ws) =>
      ws.map((w) => ({ ...w, x0: back(w.x0, left), x1: back(w.x1, left), y0: back(w.y0, top + bt), y1: back(w.y1, top + bt), lineY0, lineY1 })),
    );
  });
  return (await Promise.all(jobs)).flat();
}

function linesIn(b: Box, ink: Ink): number {
  const inside = cellInside(b, MIN_CELL);
  return inside ? inkBands(ink, inside).length : 0;
}

/**
 * Rows of a crop holding ink, as [first, last] bands; gaps of a pixel or two
 * (a glyph's own white) do not split a band. A band much taller than a glyph
 * is two lines set close (a blurred scan closes the gap): it is cut at its
 * least inked row near the middle.
 */
function inkBands(img: Ink, { left, top, width, height }: PixelRect, glyph = 0): [number, number][] {
  // Rows off the page (a block at its edge) hold no ink.
  const rows = rowInk(img, left, top, left + width, top + height);
  const ink = Array.from({ length: height }, (_, y) => rows.counts[y - (rows.top - top)] ?? 0);
  // Inclusive [first, last] rows; two white rows inside a band are a glyph's own white.
  const merged = inkRuns(ink, 2).map(([a, b]): [number, number] => [a, b - 1]);
  const split = (band: [number, number]): [number, number][] => {
    const [a, z] = band;
    if (glyph <= 0 || z - a + 1 < 1.7 * glyph) return [band];
    let cut = -1;
    for (let y = Math.round(a + 0.3 * (z - a)); y <= Math.round(a + 0.7 * (z - a)); y++) if (cut < 0 || ink[y]! < ink[cut]!) cut = y;
    return [...split([a, cut - 1]), ...split([cut + 1, z])];
  };
  const bands = merged.flatMap(split);
  // A speck the despeckler left is no line: a line is at least a third of the tallest one.
  const tallest = Math.max(0, ...bands.map(([a, z]) => z - a + 1));
  return bands.filter(([a, z]) => z - a + 1 >= tallest / 3);
}
