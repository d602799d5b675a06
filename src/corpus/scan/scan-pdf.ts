// A text-layer PDF -> a scan of it: every page drawn by pdf.js at the dpi
// asked, degraded (degrade.ts) and placed as one JPEG over a page of the
// same size in points, with no text at all. Same page count and sizes, so
// the truth's page numbers and boxes still hold. A /Rotate page is drawn
// upright and written unrotated at its displayed size, as a scanner sees it.
import PDFDocument from "pdfkit";
import { canvasFactoryOf, drawPage, pageSize } from "../../source/canvas.js";
import { openPdf } from "../../source/pdf.js";
import { createRng } from "../rng.js";
import { degradePage } from "./degrade.js";
import { pageSkews, type ScanParams, type ScanRecord } from "./params.js";

export interface ScanOptions {
  /** 1-based pages to scan, in order (default: all; a subset no longer matches the source's truth). */
  readonly pages?: readonly number[];
}

export interface Scanned {
  readonly pdf: Uint8Array;
  readonly record: ScanRecord;
}

// Fixed, so the same source, parameters and seed give the same bytes (pdfkit derives the file ID from the info).
const SCANNED_AT = new Date(Date.UTC(2025, 0, 1));

export async function scanPdf(source: Uint8Array, params: ScanParams, options: ScanOptions = {}): Promise<Scanned> {
  const { doc, pageCount, title } = await openPdf(source);
  try {
    const factory = canvasFactoryOf(doc);
    const pages = options.pages ?? Array.from({ length: pageCount }, (_, i) => i + 1);
    // One stream of choices for the whole document: the angles first, then each page's noise in turn.
    const rng = createRng(params.seed);
    const angles = pageSkews(params.skew, pages.length, rng);
    const pdf = new PDFDocument({
      autoFirstPage: false,
      compress: true,
      info: { Title: title ?? "scan", Creator: "juesuan corpus scan", CreationDate: SCANNED_AT, ModDate: SCANNED_AT },
    });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      pdf.on("end", () => resolve());
      pdf.on("error", reject);
    });
    for (const [i, n] of pages.entries()) {
      const { width, height } = await pageSize(doc, n);
      const drawn = await drawPage(doc, factory, n, params.dpi / 72);
      let jpeg: Buffer;
      try {
        jpeg = degradePage(drawn, factory, params, angles[i]!, rng);
      } finally {
        factory.destroy(drawn);
      }
      pdf.addPage({ size: [width, height], margin: 0 });
      pdf.image(jpeg, 0, 0, { width, height });
    }
    pdf.end();
    await done;
    return { pdf: new Uint8Array(Buffer.concat(chunks)), record: { ...params, page_skews: angles } };
  } finally {
    await doc.destroy();
  }
}
