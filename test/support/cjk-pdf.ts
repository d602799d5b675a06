// A PDF drawn by a test with pdfkit in Noto Sans SC (the corpus's own font
// file, so tests need nothing from the machine), collected into bytes.
import PDFDocument from "pdfkit";
import { FONT, fontBytes } from "../../src/corpus/render/fonts.js";

/** The bytes of the PDF `draw` makes; the CJK font is registered and set, no page added yet. */
export function drawCjkPdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont(FONT.regular, fontBytes("regular"));
    doc.font(FONT.regular);
    draw(doc);
    doc.end();
  });
}

let measurer: PDFKit.PDFDocument | null = null;

/** How wide `text` is drawn in Noto Sans SC at `size` points. */
export function textWidth(text: string, size: number): number {
  if (!measurer) {
    measurer = new PDFDocument({ autoFirstPage: false });
    measurer.registerFont(FONT.regular, fontBytes("regular"));
    measurer.font(FONT.regular);
  }
  return measurer.fontSize(size).widthOfString(text);
}
