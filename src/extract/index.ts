// extractPdf: bytes of one PDF -> Extraction. Throws ExtractError with a
// one-line reason for files that cannot be read.
import { pageSize } from "../source/canvas.js";
import { ExtractError } from "../source/errors.js";
import { openPdf, readPage } from "../source/pdf.js";
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { PageModel } from "../source/model.js";
import { isScanned, pageHealth } from "../source/health.js";
import { OCR_DPI, ocrPage, readByOcr as ocrReading } from "../ocr/page.js";
import { ocrWorkers } from "../ocr/pool.js";
import { rereadBrokenFigures } from "../ocr/reread.js";
import { placeFiguresByIdentities } from "./reread/across-rulings.js";
import { validateReport } from "../validate/index.js";
import type { Extraction } from "./types.js";
import type { Finding, PageRoute, Table } from "../../schemas/canonical.js";
import { checkSuspectPages } from "./suspect-pages.js";
import { recognizeDocument } from "../recognize/document.js";
import { decodedPage, fontsToDecode, glyphsOf, GlyphVotes } from "./garbled-fonts.js";

export type { Extraction } from "./types.js";
export { ExtractError } from "../source/errors.js";

export interface ExtractOptions {
  /** Read pages with no usable text layer by OCR (src/ocr/): scans, and fonts whose text comes out garbled. */
  readonly ocr?: boolean;
  /** Called as each page is read (a sign of life for whoever watches for a reader that hangs). */
  readonly onPage?: (page: number, pages: number) => void;
  /** A document with more pages is not read: no department's report is that long, a crawl's junk may be. */
  readonly maxPages?: number;
  /** A page OCR would draw at more pixels than this is not drawn (its image alone could exhaust memory). */
  readonly maxOcrPixels?: number;
}

export const MAX_PAGES = 1000;
/** A1 at 300 dpi; A4 is 8.7 million. */
export const MAX_OCR_PIXELS = 80e6;

export async function extractPdf(data: Uint8Array, options: ExtractOptions = {}): Promise<Extraction> {
  const opened = await openPdf(data);
  try {
    const maxPages = options.maxPages ?? MAX_PAGES;
    if (opened.pageCount > maxPages) throw new ExtractError("too_large", `too many pages: ${opened.pageCount} (the limit is ${maxPages})`);
    const pages: PageModel[] = [];
    for (let n = 1; n <= opened.pageCount; n++) {
      pages.push(await readPage(opened.doc, n));
      options.onPage?.(n, opened.pageCount);
    }
    const health = pages.map(pageHealth);
    // A page drawn from its own vectors (garbled fonts) is read by OCR unlike a scan (told before OCR replaces its model).
    const scanned = new Set(pages.filter(isScanned).map((p) => p.number));
    const vector = (n: number): boolean => !scanned.has(n);
    // Pages whose text layer is missing or garbled are read from their image, when asked.
    const ocrPages = options.ocr ? health.filter((h) => h.route === "ocr").map((h) => h.page) : [];
    const drawable = (n: number): Promise<void> => checkDrawable(opened.doc, n, options.maxOcrPixels ?? MAX_OCR_PIXELS);
    for (const n of ocrPages) await drawable(n);
    // As many pages at once as the pool has workers: each holds a 300 dpi page image.
    const width = ocrWorkers();
    // A page drawn from its vectors keeps its text layer's glyphs, decoded by what OCR read (garbled-fonts.ts);
    // its fonts are judged over the whole document only when there is such a page.
    const votes = ocrPages.some(vector) ? new GlyphVotes(fontsToDecode(pages)) : null;
    const decodable = new Map<number, PageModel>();
    const read = async (n: number): Promise<PageModel> => {
      if (!vector(n) || votes === null) return ocrPage(opened.doc, n, false);
      const glyphs = await glyphsOf(opened.doc, n);
      const decoded = votes.concerns(glyphs);
      const reading = await ocrReading(opened.doc, n, true, glyphs, !decoded);
      if (decoded) {
        votes.learn(n, glyphs, reading.inked, reading.page.runs);
        decodable.set(n, reading.page);
      }
      return reading.page;
    };
    for (let i = 0; i < ocrPages.length; i += width) {
      const batch = ocrPages.slice(i, i + width);
      const models = await Promise.all(batch.map(read));
      batch.forEach((n, k) => {
        pages[n - 1] = models[k]!;
        options.onPage?.(n, opened.pageCount);
      });
    }
    if (votes) for (const [n, ocr] of decodable) pages[n - 1] = await decodedPage(opened.doc, n, votes, ocr);
    const reportOf = (r: { tables: readonly Table[]; year: number | null; printed_unit: Extraction["printed_unit"] }): Finding[] =>
      validateReport({ tables: r.tables, year: r.year, printed_unit: r.printed_unit, narrative: [] });
    // Figures that break an identity are read again before anything is reported: first a text layer's
    // figures drawn across a ruling are tried on either side of it (the page recognized again)…
    const recognizeWith = (ps: readonly PageModel[], textPages: ReadonlySet<number>) =>
      placeFiguresByIdentities(recognizeDocument(ps), ps, textPages, recognizeDocument, reportOf);
    const textPages = new Set(health.filter((h) => h.route === "text").map((h) => h.page));
    // …then a doubtful text layer whose tables break identities is read by OCR, and kept if it breaks fewer…
    const suspects = options.ocr
      ? await checkSuspectPages({
          health,
          pages,
          recognized: recognizeWith(pages, textPages),
          recognize: (ps) => recognizeWith(ps, new Set([...textPages].filter((n) => ps[n - 1] === pages[n - 1]))),
          validate: reportOf,
          ocr: (n) => drawable(n).then(() => ocrPage(opened.doc, n, vector(n))),
        })
      : { recognized: recognizeWith(pages, textPages), reread: [] };
    const recognized = suspects.recognized;
    const reread = new Map(suspects.reread.map((r) => [r.page, r.reason]));
    const readByOcr = [...ocrPages, ...reread.keys()].sort((a, b) => a - b);
    const routes = health.map((h): PageRoute => {
      const why = reread.get(h.page);
      return { page: h.page, route: why ? "ocr" : h.route, score: h.score, reasons: why ? [...h.reasons, why] : h.reasons };
    });
    const validate = (ts: readonly Table[]): Finding[] => reportOf({ ...recognized, tables: ts });
    // …then the figures OCR read, from the ink in their cells.
    const tables =
      readByOcr.length === 0
        ? recognized.tables
        : await rereadBrokenFigures(opened.doc, recognized.tables, new Set(readByOcr), validate,
            // Still alive: the watchdog counts pages, and this phase reads none.
            () => options.onPage?.(opened.pageCount, opened.pageCount),
          );
    return { ...recognized, tables, pages: routes, ocr_pages: readByOcr, page_count: opened.pageCount, producer: opened.producer };
  } finally {
    await opened.doc.destroy();
  }
}

async function checkDrawable(doc: PDFDocumentProxy, page: number, maxPixels: number): Promise<void> {
  const { width, height } = await pageSize(doc, page);
  const scale = OCR_DPI / 72;
  const pixels = width * scale * height * scale;
  if (pixels > maxPixels) {
    const mm = (pt: number): number => Math.round((pt / 72) * 25.4);
    throw new ExtractError("too_large", `page ${page} is ${mm(width)} × ${mm(height)} mm: too large to read by OCR (${Math.round(pixels / 1e6)} million pixels at ${OCR_DPI} dpi; the limit is ${Math.round(maxPixels / 1e6)})`);
  }
}
