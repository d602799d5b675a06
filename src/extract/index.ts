// extractPdf: bytes of one PDF -> Extraction. Throws ExtractError with a
// one-line reason for files that cannot be read.
import os from "node:os";
import { openPdf, readPage } from "../source/pdf.js";
import type { PageModel } from "../source/model.js";
import { pageHealth } from "../source/health.js";
import { ocrPage } from "../ocr/page.js";
import { rereadBrokenFigures } from "../ocr/reread.js";
import { validateReport } from "../validate/index.js";
import type { Extraction } from "./types.js";
import { recognizeDocument } from "../recognize/document.js";

export type { Extraction } from "./types.js";
export { ExtractError } from "../source/errors.js";

export interface ExtractOptions {
  /** Read pages with no usable text layer by OCR (src/ocr/): scans, and fonts whose text comes out garbled. */
  readonly ocr?: boolean;
}

export async function extractPdf(data: Uint8Array, options: ExtractOptions = {}): Promise<Extraction> {
  const opened = await openPdf(data);
  try {
    const pages: PageModel[] = [];
    for (let n = 1; n <= opened.pageCount; n++) pages.push(await readPage(opened.doc, n));
    const health = pages.map(pageHealth);
    // Pages whose text layer is missing or garbled are read from their image, when asked.
    const ocrPages = options.ocr ? health.filter((h) => h.route === "ocr").map((h) => h.page) : [];
    // As many pages at once as the pool has workers: each holds a 300 dpi page image.
    const width = Math.max(1, os.availableParallelism());
    for (let i = 0; i < ocrPages.length; i += width) {
      const batch = ocrPages.slice(i, i + width);
      const read = await Promise.all(batch.map((n) => ocrPage(opened.doc, n)));
      batch.forEach((n, k) => (pages[n - 1] = read[k]!));
    }
    const recognized = recognizeDocument(pages);
    // Figures OCR read that break an identity are read again before anything is reported.
    const tables =
      ocrPages.length === 0
        ? recognized.tables
        : await rereadBrokenFigures(opened.doc, recognized.tables, new Set(ocrPages), (ts) =>
            validateReport({ tables: ts, year: recognized.year, printed_unit: recognized.printed_unit, narrative: [] }),
          );
    return { ...recognized, tables, pages: health, ocr_pages: ocrPages, page_count: opened.pageCount, producer: opened.producer };
  } finally {
    await opened.doc.destroy();
  }
}
