// A page read by OCR, in the same page model as a text-layer page, so layout,
// recognition and validation stay one code path: the page drawn at 300 dpi,
// its rulings found (segments) and erased, the rest recognised word by word.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageModel, TextRun } from "../source/model.js";
import { canvasFactoryOf, drawPage, type CanvasFactory, type Drawn } from "../source/canvas.js";
import { recognize, recognizeFigure, type OcrWord } from "./pool.js";
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
    const words = await rereadFigures(await recognize(drawn.canvas.toBuffer("image/png")), drawn, factory);
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

const FIGURE = /^-?[\d,]*\.?\d+$/;
/** A well-formed amount: thousands grouped by three, or no grouping. */
const WELL_FORMED = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Second pass on figures: each is cut out with some room on its left (where a
 * leading "1," goes missing in whole-page reading) and read again as one line
 * of digits and separators. The re-read wins when it is a well-formed amount
 * that keeps the first reading's digits at its end, or is surer.
 */
async function rereadFigures(words: readonly OcrWord[], page: Drawn, factory: CanvasFactory): Promise<OcrWord[]> {
  // All crops are cut first (the page canvas is shared), then read by the pool at once.
  const jobs = words.map((w, i) => {
    if (!FIGURE.test(w.text)) return null;
    const size = w.lineY1 - w.lineY0;
    const prev = words[i - 1];
    const sameLine = prev !== undefined && prev.lineY0 === w.lineY0;
    const left = Math.max(0, Math.round(Math.max(w.x0 - 2 * size, sameLine ? prev.x1 + 2 : 0)));
    const top = Math.max(0, Math.round(w.lineY0 - size * 0.2));
    const width = Math.min(page.canvas.width - left, Math.round(w.x1 + size * 0.2) - left);
    const height = Math.min(page.canvas.height - top, Math.round(size * 1.4));
    if (width <= 0 || height <= 0) return null;
    const crop = factory.create(width, height);
    try {
      crop.context.drawImage(page.canvas, left, top, width, height, 0, 0, width, height);
      return recognizeFigure(crop.canvas.toBuffer("image/png"));
    } finally {
      factory.destroy(crop);
    }
  });
  const again = await Promise.all(jobs);
  return words.map((w, i) => {
    const a = again[i];
    if (!a) return w;
    const better = WELL_FORMED.test(a.text) && a.text !== w.text && (a.text.replace(/,/g, "").endsWith(w.text.replace(/,/g, "")) || a.confidence > w.confidence);
    return better ? { ...w, text: a.text, confidence: Math.max(w.confidence, a.confidence) } : w;
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
