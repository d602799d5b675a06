// The image OCR reads: a page drawn at `scale` (pixels per point), turned
// straight, its paper made white, its rulings found and erased, its specks
// removed. ocrPage reads
// it, and the bench (src/bench/) measures OCR on exactly that image.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { Segment } from "../source/model.js";
import { drawPage, type CanvasFactory, type Drawn } from "../source/canvas.js";
import { findAndEraseRulings } from "./rulings.js";
import { NEGLIGIBLE_SKEW, estimateSkew, unskew, whitenPaper } from "./deskew.js";
import { grayOf, paintGray, type Ink } from "./ink.js";
import { despeckle } from "./despeckle.js";

export interface PreparedPage {
  /** The page with its rulings painted white; the caller destroys it with the factory. */
  readonly drawn: Drawn;
  /** The rulings found, in points (of the page turned straight). */
  readonly segments: Segment[];
  /** Degrees the page was turned back by (0 when it was straight). */
  readonly skew: number;
  /** The prepared page's gray levels (what `drawn` now holds, without reading the canvas back). */
  readonly ink: Ink;
}

export async function preparePage(doc: PDFDocumentProxy, factory: CanvasFactory, pageNumber: number, scale: number): Promise<PreparedPage> {
  let drawn = await drawPage(doc, factory, pageNumber, scale);
  try {
    const { width, height } = drawn.canvas;
    // Gray levels from here on: a quarter of the bytes an RGBA image has to walk through.
    let image = drawn.context.getImageData(0, 0, width, height);
    let gray = grayOf(image.data, width, height);
    const found = estimateSkew(gray, width, height);
    const skew = Math.abs(found) >= NEGLIGIBLE_SKEW ? found : 0;
    if (skew !== 0) {
      drawn = unskew(drawn, factory, skew);
      image = drawn.context.getImageData(0, 0, width, height);
      gray = grayOf(image.data, width, height);
    }
    whitenPaper(gray);
    const segments = findAndEraseRulings(gray, width, height, scale);
    despeckle(gray, width, height, scale);
    // The canvas holds what OCR reads, for the crops read again (crop.ts).
    paintGray(image.data, gray);
    drawn.context.putImageData(image, 0, 0);
    return { drawn, segments, skew, ink: { gray, width, height } };
  } catch (err) {
    factory.destroy(drawn);
    throw err;
  }
}
