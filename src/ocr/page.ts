// A page read by OCR, in the same page model as a text-layer page, so layout,
// recognition and validation stay one code path: the page drawn at 300 dpi
// and prepared (prepare.ts: straightened, rulings found and erased, specks
// removed), then recognised word by word, doubtful cells read again
// (cells.ts), figures read again as digits (figures.ts) and the words shaped
// into runs (words.ts).
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageModel, TextRun } from "../source/model.js";
import { normalizeText } from "../source/normalize-text.js";
import { canvasFactoryOf } from "../source/canvas.js";
import { recognize } from "./pool.js";
import { preparePage } from "./prepare.js";
import { rereadDoubtfulCells } from "./cells.js";
import { rereadColumnStrays, rereadFigures } from "./figures.js";
import { inkOf, pgmOf } from "./ink.js";
import { clean, dropDoubleReadings, glyphSize, isLoneMark, isNoise, joinFigureParts, joinGlyphs, onInk, runHeight, splitAtGaps, splitAtWalls } from "./words.js";

/** Resolution OCR reads at: near-perfect on clean pages, about a second a page. */
export const OCR_DPI = 300;

/** `vector`: the page is drawn from its vectors, not scanned (prepare.ts). */
export async function ocrPage(doc: PDFDocumentProxy, pageNumber: number, vector = false): Promise<PageModel> {
  const scale = OCR_DPI / 72;
  const factory = canvasFactoryOf(doc);
  const { drawn, segments } = await preparePage(doc, factory, pageNumber, scale, vector);
  try {
    const { width, height } = drawn.canvas;
    const ink = inkOf(drawn);
    const read = await recognize(pgmOf(ink));
    // Vertical rulings in pixels: words are never joined across one.
    const walls = segments.filter((g) => g.x0 === g.x1).map((g) => ({ x: g.x0 * scale, y0: g.y0 * scale, y1: g.y1 * scale }));
    const cells = await rereadDoubtfulCells(read, segments, scale, drawn, factory, ink);
    // Pieces of one figure joined before the digits pass reads it again, whole.
    const words = await rereadFigures(joinFigureParts(cells, walls, glyphSize(cells)), drawn, factory);
    const em = glyphSize(words);
    const seated = words
      .map(clean)
      .filter((w) => w.text !== "" && !isNoise(w, em))
      .map((w) => onInk(w, ink));
    const shaped = splitAtWalls(splitAtGaps(dropDoubleReadings(joinGlyphs(seated, walls, ink, em)), ink, em), walls).filter((w) => !isLoneMark(w.text));
    const runs: TextRun[] = (await rereadColumnStrays(shaped, drawn, factory)).map((w) => {
      const { y0, y1 } = runHeight(w, em);
      return { text: normalizeText(w.text), x0: w.x0 / scale, x1: w.x1 / scale, y0: y0 / scale, y1: y1 / scale, size: (y1 - y0) / scale, vertical: false, confidence: w.confidence / 100 };
    });
    return { number: pageNumber, width: width / scale, height: height / scale, rotation: 0, runs, segments, images: [] };
  } finally {
    factory.destroy(drawn);
  }
}
