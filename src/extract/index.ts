// extractPdf: bytes of one PDF -> Extraction. Throws ExtractError with a
// one-line reason for files that cannot be read.
import { openPdf, readPage } from "../source/pdf.js";
import type { PageModel } from "../source/model.js";
import { pageHealth } from "../source/health.js";
import { ocrPage } from "../ocr/page.js";
import type { Extraction } from "./types.js";
import { recognizeDocument } from "../recognize/document.js";

export type { Extraction } from "./types.js";
export { ExtractError } from "../source/errors.js";

export interface ExtractOptions {
  /** Read pages with no usable text layer by OCR (experimental: figures are not yet re-read or marked as OCR'd). */
  readonly ocr?: boolean;
}

export async function extractPdf(data: Uint8Array, options: ExtractOptions = {}): Promise<Extraction> {
  const opened = await openPdf(data);
  try {
    const pages: PageModel[] = [];
    for (let n = 1; n <= opened.pageCount; n++) pages.push(await readPage(opened.doc, n));
    const health = pages.map(pageHealth);
    // Pages whose text layer is missing or garbled are read from their image, when asked.
    if (options.ocr) for (const h of health) if (h.route === "ocr") pages[h.page - 1] = await ocrPage(opened.doc, h.page);
    return { ...recognizeDocument(pages), pages: health, page_count: opened.pageCount, producer: opened.producer };
  } finally {
    await opened.doc.destroy();
  }
}
