// PDFs the tests make for themselves with pdfkit, so they need nothing from shared/.
import PDFDocument from "pdfkit";
import { deflateSync } from "node:zlib";

export interface PdfOptions {
  readonly pages?: number;
  /** Text on every page (Latin: pdfkit's built-in fonts have no CJK glyphs). */
  readonly text?: string;
  /** Encrypts the file: readers need this password to open it. */
  readonly userPassword?: string;
}

export function makePdf(options: PdfOptions = {}): Promise<Buffer> {
  const { pages = 2, text = "juesuan test document", userPassword } = options;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(userPassword === undefined ? {} : { userPassword });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (let page = 1; page <= pages; page++) {
      if (page > 1) doc.addPage();
      doc.fontSize(14).text(`${text}, page ${page}`);
    }
    doc.end();
  });
}

/** A scan: each image (JPEG) drawn over a whole page of the given size, and no text at all. */
export function makeScannedPdf(pages: readonly { jpeg: Buffer; width: number; height: number }[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    for (const p of pages) {
      doc.addPage({ size: [p.width, p.height], margin: 0 });
      doc.image(p.jpeg, 0, 0, { width: p.width, height: p.height });
    }
    doc.end();
  });
}

/**
 * One page whose content stream paints `operations` tiny rectangles: a valid
 * PDF that keeps pdf.js busy for as long as one likes (a stand-in for the
 * files that make it hang). Written by hand: pdfkit would take as long to make it.
 */
export function makeHeavyPdf(operations: number): Buffer {
  const content = deflateSync(Buffer.from("0 0 1 1 re f\n".repeat(operations), "latin1"));
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
  ].map((body) => Buffer.from(body, "latin1"));
  objects.push(Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, "latin1"), content, Buffer.from("\nendstream", "latin1")]));
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n", "latin1")];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, "latin1"), body, Buffer.from("\nendobj\n", "latin1")]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = ["xref", `0 ${objects.length + 1}`, "0000000000 65535 f ", ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `)].join("\n");
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}
