// Cell by cell where whole-page reading goes wrong: a ruled table's header
// cells hold two or three short wrapped lines in a small font, which one pass
// over the page reads as one line, glyphs interleaved (事业/收入 → 事入业收),
// and on a noisy scan turns into look-alikes (因公出国 → 三一). A cell holding
// a doubtful Chinese word, or more than one line of ink, is cut out between
// its rulings, split into its lines, and each read magnified on its own.
import type { Segment } from "../source/model.js";
import type { CanvasFactory, Drawn } from "../source/canvas.js";
import { recognize, type OcrWord } from "./pool.js";
import { magnified } from "./crop.js";
import { INK, cellInside, grayAt, type PixelRect } from "./ink.js";

/** A Chinese word read with less confidence than this (0–100) sends its cell to be read again. */
const DOUBTFUL = 75;
const ZOOM = 1.5;
/** A cell's inside narrower or lower than this (pixels) holds no glyph to read. */
const MIN_CELL = 8;
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

export async function rereadDoubtfulCells(words: readonly OcrWord[], segments: readonly Segment[], scale: number, page: Drawn, factory: CanvasFactory): Promise<OcrWord[]> {
  const cells = new Map<string, Box & { wrapped: boolean }>();
  const seen = new Set<string>();
  for (const w of words) {
    // Figures have their own second pass; any other word may be a header OCR garbled ("其他收入" → "tk").
    if (!cjk(w.text) && (/^[-\d,.]+$/.test(w.text) || w.confidence >= DOUBTFUL)) continue;
    const box = cellAt((w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2, segments, scale);
    if (!box) continue;
    // The same cell seen from two of its words may differ by a pixel where a ruling is slightly skewed.
    const key = `${Math.round(box.x0 / 4)},${Math.round(box.y0 / 4)}`;
    if (seen.has(key) && !(w.confidence < DOUBTFUL)) continue;
    seen.add(key);
    // Doubtful words, and cells of wrapped lines whole-page reading may have read as one (事业/收入 → 事入业收, sure of itself).
    const wrapped = linesIn(box, page) > 1;
    if (w.confidence < DOUBTFUL || wrapped) cells.set(key, { ...box, wrapped: wrapped || (cells.get(key)?.wrapped ?? false) });
  }
  if (cells.size === 0) return [...words];
  const inside = (w: OcrWord, b: Box): boolean => {
    const [mx, my] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
    return mx > b.x0 && mx < b.x1 && my > b.y0 && my < b.y1;
  };
  // Crops are cut synchronously (the page canvas is shared), then read by the pool at once.
  const boxes = [...cells.values()];
  // A line of text is about a glyph tall: the page's typical Chinese glyph says how tall.
  const heights = words.filter((w) => cjk(w.text)).map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  const glyph = heights[Math.floor(heights.length / 2)] ?? 0;
  const again = await Promise.all(boxes.map((b) => readCell(b, page, factory, glyph)));
  let out = [...words];
  boxes.forEach((b, i) => {
    const fresh = again[i];
    const old = out.filter((w) => inside(w, b));
    // Wrapped lines read as one are read wrongly with confidence: there the line-by-line reading wins unless much less sure.
    const bar = b.wrapped ? Math.min(mean(old) - WRAPPED_MARGIN, SURE_ENOUGH) : mean(old);
    if (!fresh || fresh.length === 0 || mean(fresh) <= bar) return;
    // A cell that read as Chinese does not become marks and Latin letters ("其他收入" → "tk").
    if (old.some((w) => cjk(w.text)) && !fresh.some((w) => cjk(w.text))) return;
    out = [...out.filter((w) => !inside(w, b)), ...fresh];
  });
  // Reading order again: line by line, left to right (joinGlyphs relies on it).
  return out.sort((a, b) => a.lineY0 - b.lineY0 || a.x0 - b.x0);
}

/**
 * A cell read line by line: its ink rows split it into text lines (PSM 6 on a
 * cell of two short wrapped lines reads them as one, glyphs interleaved:
 * 事业/收入 → 事入业收), each line cut out, magnified and read as one line.
 */
async function readCell(b: Box, page: Drawn, factory: CanvasFactory, glyph: number): Promise<OcrWord[] | null> {
  const inside = cellInside(b, MIN_CELL);
  if (!inside) return null;
  const { left, top, width, height } = inside;
  const bands = inkBands(page, inside, glyph);
  if (bands.length === 0) return null;
  const margin = 20;
  const jobs = bands.map(([y0, y1]) => {
    const pad = Math.round((y1 - y0) * 0.2);
    const [bt, bh] = [Math.max(0, y0 - pad), Math.min(height, y1 + pad + 1) - Math.max(0, y0 - pad)];
    const png = magnified(page, factory, { x0: left, y0: top + bt, x1: left + width, y1: top + bt + bh }, ZOOM, margin);
    if (!png) return Promise.resolve([]);
    const back = (v: number, origin: number): number => origin + (v - margin) / ZOOM;
    const [lineY0, lineY1] = [top + y0, top + y1 + 1];
    return recognize(png, "line").then((ws) =>
      ws.map((w) => ({ ...w, x0: back(w.x0, left), x1: back(w.x1, left), y0: back(w.y0, top + bt), y1: back(w.y1, top + bt), lineY0, lineY1 })),
    );
  });
  return (await Promise.all(jobs)).flat();
}

function linesIn(b: Box, page: Drawn): number {
  const inside = cellInside(b, MIN_CELL);
  return inside ? inkBands(page, inside).length : 0;
}

/**
 * Rows of a crop holding ink, as [first, last] bands; gaps of a pixel or two
 * (a glyph's own white) do not split a band. A band much taller than a glyph
 * is two lines set close (a blurred scan closes the gap): it is cut at its
 * least inked row near the middle.
 */
function inkBands(page: Drawn, { left, top, width, height }: PixelRect, glyph = 0): [number, number][] {
  const rgba = page.context.getImageData(left, top, width, height).data;
  const ink: number[] = [];
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) if (grayAt(rgba, y * width + x) < INK) n++;
    ink.push(n);
  }
  const merged: [number, number][] = [];
  for (let y = 0; y < height; y++) {
    if (ink[y] === 0) continue;
    const last = merged[merged.length - 1];
    if (last && y - last[1] <= 3) last[1] = y;
    else merged.push([y, y]);
  }
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
