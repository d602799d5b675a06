// extractPdf: bytes of one PDF -> Extraction. Throws ExtractError with a
// one-line reason for files that cannot be read.
import { openPdf, readPage } from "../source/pdf.js";
import type { PageModel } from "../source/model.js";
import { pageHealth } from "../source/health.js";
import type { Extraction } from "./types.js";
import { recognizeDocument } from "../recognize/document.js";

export type { Extraction } from "./types.js";
export { ExtractError } from "../source/errors.js";

export async function extractPdf(data: Uint8Array): Promise<Extraction> {
  const opened = await openPdf(data);
  try {
    const pages: PageModel[] = [];
    for (let n = 1; n <= opened.pageCount; n++) pages.push(await readPage(opened.doc, n));
    // Pages routed to OCR are not read yet (src/ocr/ reads a page; its wiring and its
    // checks against the tables come with the OCR issue): their reports fail saying so.
    return { ...recognizeDocument(pages), pages: pages.map(pageHealth), page_count: opened.pageCount, producer: opened.producer };
  } finally {
    await opened.doc.destroy();
  }
}
