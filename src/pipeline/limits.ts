// What one file may cost before the batch gives up on it: a crawl of a
// province holds junk too, and no single file may take the batch down.
import { MAX_OCR_PIXELS, MAX_PAGES } from "../extract/index.js";

export interface Limits {
  /** A file whose reader reads no page for this long is stopped (a PDF that makes pdf.js hang). */
  readonly stallSeconds: number;
  /** A document with more pages is not read. */
  readonly maxPages: number;
  /** A page OCR would draw at more pixels than this is not drawn. */
  readonly maxOcrPixels: number;
  /** JavaScript heap of one reader thread. */
  readonly heapMb: number;
}

export const DEFAULT_LIMITS: Limits = {
  // An OCR'd page with its second readings takes up to half a minute on one core.
  stallSeconds: 120,
  maxPages: MAX_PAGES,
  maxOcrPixels: MAX_OCR_PIXELS,
  heapMb: 2048,
};
