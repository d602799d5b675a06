// A page read by OCR, in the same page model as a text-layer page, so layout,
// recognition and validation stay one code path: the page drawn at 300 dpi
// and prepared (prepare.ts: straightened, rulings found and erased, specks
// removed), then recognised word by word and the words shaped into runs
// (words.ts).
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageModel, TextRun } from "../source/model.js";
import { canvasFactoryOf, type CanvasFactory, type Drawn } from "../source/canvas.js";
import { recognize, type OcrWord } from "./pool.js";
import { preparePage } from "./prepare.js";
import { rereadDoubtfulCells } from "./cells.js";
import { MIN_FIGURE_CONFIDENCE, readFigureAt } from "./crop.js";
import { inkOf, pgmOf } from "./ink.js";
import { clean, dropDoubleReadings, glyphSize, isNoise, joinGlyphs, onInk, runHeight, splitAtGaps, splitAtWalls } from "./words.js";

/** Resolution OCR reads at: near-perfect on clean pages, about a second a page. */
export const OCR_DPI = 300;

export async function ocrPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PageModel> {
  const scale = OCR_DPI / 72;
  const factory = canvasFactoryOf(doc);
  const { drawn, segments } = await preparePage(doc, factory, pageNumber, scale);
  try {
    const { width, height } = drawn.canvas;
    const ink = inkOf(drawn);
    const read = await recognize(pgmOf(ink));
    const words = await rereadFigures(await rereadDoubtfulCells(read, segments, scale, drawn, factory, ink), drawn, factory);
    // Vertical rulings in pixels: words are never joined across one.
    const walls = segments.filter((g) => g.x0 === g.x1).map((g) => ({ x: g.x0 * scale, y0: g.y0 * scale, y1: g.y1 * scale }));
    const em = glyphSize(words);
    const seated = words
      .map(clean)
      .filter((w) => w.text !== "" && !isNoise(w, em))
      .map((w) => onInk(w, ink));
    const runs: TextRun[] = splitAtWalls(splitAtGaps(dropDoubleReadings(joinGlyphs(seated, walls, ink, em)), ink, em), walls).map((w) => {
      const { y0, y1 } = runHeight(w, em);
      return { text: w.text, x0: w.x0 / scale, x1: w.x1 / scale, y0: y0 / scale, y1: y1 / scale, size: (y1 - y0) / scale, vertical: false, confidence: w.confidence / 100 };
    });
    return { number: pageNumber, width: width / scale, height: height / scale, rotation: 0, runs, segments, images: [] };
  } finally {
    factory.destroy(drawn);
  }
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

/** How sure (0–100) the digits pass must be to make a Chinese glyph a figure. */
const STRAY_GLYPH_CONFIDENCE = 50;

/**
 * A word of a glyph or two standing between figures on its line, where a
 * 栏次 row or a row of amounts has one number read as a look-alike
 * (5 → 志, 7 → 孔, 2 → P): the digits pass reads it too. Neighbours are found
 * by position (tesseract may put them in lines of their own).
 */
function isStrayGlyph(words: readonly OcrWord[], i: number): boolean {
  const w = words[i]!;
  if (!/^([\u3400-\u9fff]{1,2}|[A-Za-z]{1,2})$/.test(w.text)) return false;
  const centre = (v: OcrWord): number => (v.y0 + v.y1) / 2;
  const near = words.filter((v) => v !== w && Math.abs(centre(v) - centre(w)) < (w.y1 - w.y0) / 2);
  const left = near.filter((v) => v.x1 <= w.x0 + 1).sort((a, b) => b.x1 - a.x1)[0];
  const right = near.filter((v) => v.x0 >= w.x1 - 1).sort((a, b) => a.x0 - b.x0)[0];
  return left !== undefined && right !== undefined && asFigure(left.text) !== null && asFigure(right.text) !== null;
}

/**
 * Second pass on figures: each is cut out of the page by its glyph box and
 * read again as one line of digits and separators (crop.ts readFigureAt).
 * Whole-page reading drops a leading "1," now and then though the box spans it; the re-read wins when it keeps the first reading's
 * digits at its end, or is surer. Readings that agree raise the confidence.
 */
async function rereadFigures(words: readonly OcrWord[], page: Drawn, factory: CanvasFactory): Promise<OcrWord[]> {
  // The page canvas is shared: crops are cut synchronously, then read by the pool at once.
  const stray = words.map((_, i) => isStrayGlyph(words, i));
  const again = await Promise.all(words.map((w, i) => (mayBeFigure(w.text) || stray[i] ? readFigureAt(page, factory, w) : null)));
  return words.map((w, i) => {
    const first = asFigure(w.text);
    const a = again[i];
    const floor = stray[i] ? STRAY_GLYPH_CONFIDENCE : MIN_FIGURE_CONFIDENCE;
    const heard = a !== null && a !== undefined && a.confidence >= floor && WELL_FORMED.test(a.text);
    // A mangled word the digits pass reads as a figure is that figure, no surer than the page reading was.
    if (first === null) return heard ? { ...w, text: a.text, confidence: Math.min(w.confidence, a.confidence) } : w;
    if (!heard) return { ...w, text: tidy(first) };
    if (valueOf(a.text) === valueOf(first)) return { ...w, text: first, confidence: Math.max(w.confidence, a.confidence) };
    const better = valueOf(a.text).endsWith(valueOf(first)) || a.confidence > w.confidence;
    // Two readings that disagree: whichever is kept, it is no surer than the less sure of them.
    return { ...w, text: better ? a.text : first, confidence: Math.min(w.confidence, a.confidence) };
  });
}
