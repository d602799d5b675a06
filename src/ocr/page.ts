// A page read by OCR, in the same page model as a text-layer page, so layout,
// recognition and validation stay one code path: the page drawn at 300 dpi,
// its rulings found (segments) and erased, the rest recognised word by word.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageModel, TextRun } from "../source/model.js";
import { canvasFactoryOf, drawPage } from "../source/canvas.js";
import { recognize, type OcrWord } from "./pool.js";
import { findAndEraseRulings } from "./rulings.js";

/** Resolution OCR reads at: near-perfect on clean pages, about a second a page. */
export const OCR_DPI = 300;

export async function ocrPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PageModel> {
  const scale = OCR_DPI / 72;
  const factory = canvasFactoryOf(doc);
  const drawn = await drawPage(doc, factory, pageNumber, scale);
  try {
    const { width, height } = drawn.canvas;
    const image = drawn.context.getImageData(0, 0, width, height);
    const segments = findAndEraseRulings(image.data, width, height, scale);
    drawn.context.putImageData(image, 0, 0);
    const words = await recognize(drawn.canvas.toBuffer("image/png"));
    // Vertical rulings in pixels: words are never joined across one.
    const walls = segments.filter((g) => g.x0 === g.x1).map((g) => ({ x: g.x0 * scale, y0: g.y0 * scale, y1: g.y1 * scale }));
    const runs: TextRun[] = joinGlyphs(words, walls).map((w) => ({
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
  for (const w of words) {
    const prev = out[out.length - 1];
    const size = w.lineY1 - w.lineY0;
    // Chinese uses no spaces: two Chinese glyphs less than a glyph apart are one word.
    const reach = cjk(prev?.text.slice(-1) ?? "") && cjk(w.text.slice(0, 1)) ? size : size / 3;
    const walled = (a: OcrWord, b: OcrWord): boolean => walls.some((v) => v.x >= a.x1 - 1 && v.x <= b.x0 + 1 && v.y0 <= b.lineY1 && v.y1 >= b.lineY0);
    if (prev && prev.lineY0 === w.lineY0 && (cjk(prev.text) || cjk(w.text)) && w.x0 - prev.x1 < reach && !walled(prev, w)) {
      out[out.length - 1] = {
        ...prev,
        text: prev.text + w.text,
        x1: w.x1,
        y0: Math.min(prev.y0, w.y0),
        y1: Math.max(prev.y1, w.y1),
        confidence: Math.min(prev.confidence, w.confidence),
      };
    } else out.push(w);
  }
  return out;
}
