// The image OCR reads: a page drawn at `scale` (pixels per point), turned
// straight, its paper made white, its rulings found and erased, its specks
// removed. ocrPage reads
// it, and the bench (src/bench/) measures OCR on exactly that image.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { Segment } from "../source/model.js";
import { drawPage, type CanvasFactory } from "../source/canvas.js";
import { findAndEraseRulings } from "./rulings.js";
import { NEGLIGIBLE_SKEW, estimateSkew, unskew, whitenPaper } from "./deskew.js";
import { grayOf, type Ink } from "./ink.js";
import { despeckle } from "./despeckle.js";

export interface PreparedPage {
  /** The rulings found, in points (of the page turned straight). */
  readonly segments: Segment[];
  /** Degrees the page was turned back by (0 when it was straight). */
  readonly skew: number;
  /** The prepared page's gray levels: what OCR reads, and every crop read again is cut from. */
  readonly ink: Ink;
}

export async function preparePage(doc: PDFDocumentProxy, factory: CanvasFactory, pageNumber: number, scale: number): Promise<PreparedPage> {
  const drawn = await drawPage(doc, factory, pageNumber, scale);
  // Gray levels from here on, read off the canvas once: a quarter of the bytes an RGBA image has
  // to walk through, and the canvas (4 bytes a pixel) is let go before any is read.
  const { width, height } = drawn.canvas;
  let ink: Ink;
  try {
    ink = { gray: grayOf(drawn.context.getImageData(0, 0, width, height).data, width, height), width, height };
  } finally {
    factory.destroy(drawn);
  }
  const found = estimateSkew(ink.gray, width, height);
  const skew = Math.abs(found) >= NEGLIGIBLE_SKEW ? found : 0;
  if (skew !== 0) ink = unskew(ink, skew);
  whitenPaper(ink.gray);
  const segments = findAndEraseRulings(ink.gray, width, height, scale);
  despeckle(ink.gray, width, height, scale);
  return { segments, skew, ink };
}
