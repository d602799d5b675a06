// The PDF document: pdfkit with buffered pages, the two Noto weights, and
// fixed metadata so the same source always gives the same bytes (pdfkit
// derives the file ID from the info dictionary, CreationDate included).
import PDFDocument from "pdfkit";
import { A4, type Margins } from "./style.js";
import { FONT, fontBytes } from "./fonts.js";

export type Doc = PDFKit.PDFDocument;
export type Orientation = "portrait" | "landscape";

export interface PdfMeta {
  readonly title: string;
  readonly author: string;
  readonly created: Date;
}

export function createPdf(meta: PdfMeta): Doc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      CreationDate: meta.created,
      ModDate: meta.created,
    },
  });
  doc.registerFont(FONT.regular, fontBytes("regular"));
  doc.registerFont(FONT.bold, fontBytes("bold"));
  return doc;
}

export function addPage(doc: Doc, orientation: Orientation, margins: Margins): void {
  doc.addPage({ size: [A4.short, A4.long], layout: orientation, margins });
}

/** 1-based number of the page being drawn (pages are buffered, so it is the last). */
export function currentPage(doc: Doc): number {
  const r = doc.bufferedPageRange();
  return r.start + r.count;
}

export function pageCount(doc: Doc): number {
  return doc.bufferedPageRange().count;
}

export async function finish(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
