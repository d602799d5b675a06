// A page read by OCR, in the same page model as a text-layer page, so layout,
// recognition and validation stay one code path: the page drawn at 300 dpi
// and prepared (prepare.ts: straightened, rulings found and erased, specks
// removed), then recognised word by word.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageModel, TextRun } from "../source/model.js";
import { canvasFactoryOf, type CanvasFactory, type Drawn } from "../source/canvas.js";
import { recognize, type OcrWord } from "./pool.js";
import { preparePage } from "./prepare.js";
import { rereadDoubtfulCells } from "./cells.js";
import { MIN_FIGURE_CONFIDENCE, readFigureAt } from "./crop.js";

/** Resolution OCR reads at: near-perfect on clean pages, about a second a page. */
export const OCR_DPI = 300;

export async function ocrPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PageModel> {
  const scale = OCR_DPI / 72;
  const factory = canvasFactoryOf(doc);
  const { drawn, segments } = await preparePage(doc, factory, pageNumber, scale);
  try {
    const { width, height } = drawn.canvas;
    const read = await recognize(drawn.canvas.toBuffer("image/png"));
    const words = await rereadFigures(await rereadDoubtfulCells(read, segments, scale, drawn, factory), drawn, factory);
    // Vertical rulings in pixels: words are never joined across one.
    const walls = segments.filter((g) => g.x0 === g.x1).map((g) => ({ x: g.x0 * scale, y0: g.y0 * scale, y1: g.y1 * scale }));
    const runs: TextRun[] = splitAtWalls(joinGlyphs(words.map(clean).filter((w) => w.text !== ""), walls), walls).map((w) => ({
      text: w.text,
      x0: w.x0 / scale,
      x1: w.x1 / scale,
      y0: w.lineY0 / scale,
      y1: w.lineY1 / scale,
      size: (w.lineY1 - w.lineY0) / scale,
      vertical: false,
      confidence: w.confidence / 100,
    }));
    return { number: pageNumber, width: width / scale, height: height / scale, rotation: 0, runs, segments, images: [] };
  } finally {
    factory.destroy(drawn);
  }
}

/**
 * Tesseract returns Chinese glyph by glyph: neighbours on one line that nearly
 * touch are one word, as a text layer's run would be; the gaps between table
 * columns stay.
 */
function joinGlyphs(words: readonly OcrWord[], walls: readonly { x: number; y0: number; y1: number }[]): OcrWord[] {
  const out: OcrWord[] = [];
  const cjk = (t: string): boolean => /[^\x00-\x7f]/.test(t);
  const mid = (w: OcrWord): number => (w.x0 + w.x1) / 2;
  words.forEach((w, i) => {
    const prev = out[out.length - 1];
    const last = words[i - 1];
    const size = w.lineY1 - w.lineY0;
    // Chinese uses no spaces: two Chinese glyphs less than a glyph apart are one word.
    const reach = cjk(prev?.text.slice(-1) ?? "") && cjk(w.text.slice(0, 1)) ? size : size / 3;
    // A ruling between the two glyphs' middles keeps them apart (a glyph's box may reach over it).
    const walled = last !== undefined && walls.some((v) => v.x > mid(last) && v.x < mid(w) && v.y0 <= w.lineY1 && v.y1 >= w.lineY0);
    if (prev && last && prev.lineY0 === w.lineY0 && (cjk(prev.text) || cjk(w.text)) && w.x0 - prev.x1 < reach && !walled) {
      out[out.length - 1] = {
        ...prev,
        text: prev.text + w.text,
        x1: w.x1,
        y0: Math.min(prev.y0, w.y0),
        y1: Math.max(prev.y1, w.y1),
        confidence: Math.min(prev.confidence, w.confidence),
      };
    } else out.push(w);
  });
  return out;
}

/** What is left of an erased ruling reads as a bar or a quote mark at a word's edge: trimmed. */
function clean(w: OcrWord): OcrWord {
  const chars = [...w.text];
  const lead = (/^[|“”‘’"'`]+/.exec(w.text)?.[0] ?? "").length;
  const trail = (/[|“”‘’"'`]+$/.exec(w.text)?.[0] ?? "").length;
  if (lead + trail === 0) return w;
  if (lead + trail >= chars.length) return { ...w, text: "" };
  // The box shrinks with the text: layout places each character by its share of the box.
  const step = (w.x1 - w.x0) / chars.length;
  return { ...w, text: chars.slice(lead, chars.length - trail).join(""), x0: w.x0 + lead * step, x1: w.x1 - trail * step };
}

/** A word that is a figure, or one once letters OCR takes for digits are read as digits ("L,136.18"). */
const FIGURE = /^-?[\d,]*\.?\d+$/;
const LOOKALIKE: Readonly<Record<string, string>> = { ":": ".", ";": ".", L: "1", l: "1", I: "1", "|": "1", i: "1", O: "0", o: "0", D: "0", S: "5", s: "5", B: "8", Z: "2", z: "2", T: "7", g: "9", q: "9" };
/** A well-formed amount: thousands grouped by three, or no grouping. */
const WELL_FORMED = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

/** The word as a figure ("L,136.18" → "1,136.18", "2:82" → "2.82"), or null when it does not read as one. */
function asFigure(text: string): string | null {
  if (FIGURE.test(text)) return text;
  const mapped = [...text].map((c) => LOOKALIKE[c] ?? c).join("");
  return FIGURE.test(mapped) ? mapped : null;
}

/** Words the digits pass reads again: figures, and any word with a digit and no Chinese (a figure OCR mangled, "Qil9:95"). */
const mayBeFigure = (text: string): boolean => asFigure(text) !== null || (/\d/.test(text) && !/[^\x00-\x7f]/.test(text));

/** A figure with a stray separator ("25,.27", ",25.27") as the amount it prints; well-formed ones unchanged. */
function tidy(text: string): string {
  if (WELL_FORMED.test(text)) return text;
  const bare = text.replace(/,/g, "");
  return WELL_FORMED.test(bare) ? bare : text;
}

const valueOf = (text: string): string => text.replace(/,/g, "");

/**
 * Second pass on figures: each is cut out of the page by its glyph box and
 * read again as one line of digits and separators (crop.ts readFigureAt).
 * Whole-page reading drops a leading "1," now and then though the box spans it; the re-read wins when it keeps the first reading's
 * digits at its end, or is surer. Readings that agree raise the confidence.
 */
async function rereadFigures(words: readonly OcrWord[], page: Drawn, factory: CanvasFactory): Promise<OcrWord[]> {
  // The page canvas is shared: crops are cut synchronously, then read by the pool at once.
  const again = await Promise.all(words.map((w) => (mayBeFigure(w.text) ? readFigureAt(page, factory, w) : null)));
  return words.map((w, i) => {
    const first = asFigure(w.text);
    const a = again[i];
    const heard = a !== null && a !== undefined && a.confidence >= MIN_FIGURE_CONFIDENCE && WELL_FORMED.test(a.text);
    // A mangled word the digits pass reads as a figure is that figure, no surer than the page reading was.
    if (first === null) return heard ? { ...w, text: a.text, confidence: Math.min(w.confidence, a.confidence) } : w;
    if (!heard) return { ...w, text: tidy(first) };
    if (valueOf(a.text) === valueOf(first)) return { ...w, text: first, confidence: Math.max(w.confidence, a.confidence) };
    const better = valueOf(a.text).endsWith(valueOf(first)) || a.confidence > w.confidence;
    // Two readings that disagree: whichever is kept, it is no surer than the less sure of them.
    return { ...w, text: better ? a.text : first, confidence: Math.min(w.confidence, a.confidence) };
  });
}

/**
 * Tesseract may box two cells' glyphs as one word across an erased ruling
 * ("本年支出合计基本支出"): such a word is cut where the ruling ran, each
 * glyph taking an equal share of the box.
 */
function splitAtWalls(words: readonly OcrWord[], walls: readonly { x: number; y0: number; y1: number }[]): OcrWord[] {
  return words.flatMap((w) => {
    const chars = [...w.text];
    const step = (w.x1 - w.x0) / Math.max(1, chars.length);
    const cuts = walls
      .filter((v) => v.x > w.x0 + step / 2 && v.x < w.x1 - step / 2 && v.y0 <= w.lineY1 && v.y1 >= w.lineY0)
      .map((v) => Math.round((v.x - w.x0) / step))
      .filter((k, i, all) => k > 0 && k < chars.length && all.indexOf(k) === i)
      .sort((a, b) => a - b);
    if (cuts.length === 0) return [w];
    return [0, ...cuts].map((from, i) => {
      const to = cuts[i] ?? chars.length;
      return { ...w, text: chars.slice(from, to).join(""), x0: w.x0 + from * step, x1: w.x0 + to * step };
    });
  });
}
