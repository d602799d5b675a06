// PDFs the tests make for themselves with pdfkit, so they need nothing from shared/.
import PDFDocument from "pdfkit";

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
