// A page read by OCR, in the same page model as a text-layer page, so layout,
// recognition and validation stay one code path: the page drawn at 300 dpi
// and prepared (prepare.ts: straightened, rulings found and erased, specks
// removed), then recognised word by word, doubtful cells read again
// (cells.ts), figures read again as digits (figures.ts) and the words shaped
// into runs (words.ts).
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { Box, PageModel, TextRun } from "../source/model.js";
import { normalizeText } from "../source/normalize-text.js";
import { canvasFactoryOf } from "../source/canvas.js";
import { recognize } from "./pool.js";
import { preparePage } from "./prepare.js";
import { rereadDoubtfulCells } from "./cells.js";
import { rereadColumnStrays, rereadFigures } from "./figures.js";
import { pgmOf, rowInk, shrunk, type Ink } from "./ink.js";
import { clean, dropDoubleReadings, glyphSize, isLoneMark, isNoise, joinFigureParts, joinGlyphs, onInk, runHeight, splitAtGaps, splitAtWalls } from "./words.js";

/** Resolution a page is prepared at, and its cells and figures cut from to be read again. */
export const OCR_DPI = 300;
/**
 * Resolution of a scanned page's one pass over the whole page, the costliest
 * step: at 200 dpi tesseract does a third less work, and on the scan corpus
 * read as many cells (200 dpi scans: 98.97% of 3,506 cells against 98.60% at
 * 300; the shrink averages a scan's noise away, and wrapped headers and
 * figures are read again at OCR_DPI all the same). A page drawn from its
 * vectors keeps OCR_DPI: its crisp 9 pt "." and "," are lost in the shrink.
 */
export const PAGE_PASS_DPI = 200;

/** How many times smaller than prepared the one pass reads a page: a scan at PAGE_PASS_DPI, a vector page as it is. */
const passShrink = (vector: boolean): number => (vector ? 1 : OCR_DPI / PAGE_PASS_DPI);

/** The prepared page as the one pass reads it (the bench hands native tesseract the same). */
export const pagePassImage = (ink: Ink, vector = false): Ink => shrunk(ink, passShrink(vector));

/** A page read by OCR, with what a garbled text layer is decoded by (extract/garbled-fonts.ts). */
export interface OcrReading {
  readonly page: PageModel;
  /** For each box asked about (points): whether it holds ink. */
  readonly inked: readonly boolean[];
}

/** `vector`: the page is drawn from its vectors, not scanned (prepare.ts). */
export async function ocrPage(doc: PDFDocumentProxy, pageNumber: number, vector = false): Promise<PageModel> {
  return (await readByOcr(doc, pageNumber, vector)).page;
}

/**
 * ocrPage, and whether each of `boxes` (points) holds ink. `figures` false: figures are not read again as digits
 * (a garbled text layer's figures are decoded by the votes of every digit of
 * the document; its doubtful words, rare characters in headers, still are).
 */
export async function readByOcr(doc: PDFDocumentProxy, pageNumber: number, vector = false, boxes: readonly Box[] = [], figures = true): Promise<OcrReading> {
  const scale = OCR_DPI / 72;
  const factory = canvasFactoryOf(doc);
  const { segments, ink } = await preparePage(doc, factory, pageNumber, scale);
  const { width, height } = ink;
  const k = passShrink(vector);
  const read = (await recognize(pgmOf(pagePassImage(ink, vector)))).map((w) => ({ ...w, x0: w.x0 * k, x1: w.x1 * k, y0: w.y0 * k, y1: w.y1 * k, lineY0: w.lineY0 * k, lineY1: w.lineY1 * k }));
  // Vertical rulings in pixels: words are never joined across one.
  const walls = segments.filter((g) => g.x0 === g.x1).map((g) => ({ x: g.x0 * scale, y0: g.y0 * scale, y1: g.y1 * scale }));
  const cells = await rereadDoubtfulCells(read, segments, scale, ink);
  // Pieces of one figure joined before the digits pass reads it again, whole.
  const joined = joinFigureParts(cells, walls, glyphSize(cells));
  const words = figures ? await rereadFigures(joined, ink) : joined;
  const em = glyphSize(words);
  const seated = words
    .map(clean)
    .filter((w) => w.text !== "" && !isNoise(w, em))
    .map((w) => onInk(w, ink));
  // A word read across a ruling ("0.00_“0.00") is cut there, and what the ruling left at the cut trimmed.
  const shaped = splitAtWalls(splitAtGaps(dropDoubleReadings(joinGlyphs(seated, walls, ink, em)), ink, em), walls)
    .map(clean)
    .filter((w) => w.text !== "" && !isLoneMark(w.text));
  const runs: TextRun[] = (figures ? await rereadColumnStrays(shaped, ink) : shaped).map((w) => {
    const { y0, y1 } = runHeight(w, em);
    return { text: normalizeText(w.text), x0: w.x0 / scale, x1: w.x1 / scale, y0: y0 / scale, y1: y1 / scale, size: (y1 - y0) / scale, vertical: false, confidence: w.confidence / 100 };
  });
  const page = { number: pageNumber, width: width / scale, height: height / scale, rotation: 0, runs, segments, images: [] };
  return { page, inked: boxes.map((b) => hasInk(ink, b, scale)) };
}

/** Whether a box (points; a sixth of its width off either side, not to see its neighbours) holds a few pixels of ink. */
function hasInk(ink: Ink, b: Box, scale: number): boolean {
  const w = (b.x1 - b.x0) * scale;
  return rowInk(ink, b.x0 * scale + w / 6, b.y0 * scale, b.x1 * scale - w / 6, b.y1 * scale).counts.reduce((n, k) => n + k, 0) >= 3;
}
