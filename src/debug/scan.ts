// Developer tool: a scan of a PDF — `node dist/src/debug/scan.js IN OUT [dpi] [page…]`
// draws each page (all by default) at `dpi` (200) with pdf.js and writes them
// as JPEG pages with no text layer, the input OCR is measured on.
import { readFileSync, writeFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import { canvasFactoryOf, drawPage } from "../source/canvas.js";
import { openPdf } from "../source/pdf.js";

const [input, output, dpiArg = "200", ...pageArgs] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: scan IN OUT [dpi] [page…]");
  process.exit(2);
}
const dpi = Number(dpiArg);
const { doc, pageCount } = await openPdf(new Uint8Array(readFileSync(input)));
const factory = canvasFactoryOf(doc);
const pages = pageArgs.length > 0 ? pageArgs.map(Number) : Array.from({ length: pageCount }, (_, i) => i + 1);
const pdf = new PDFDocument({ autoFirstPage: false });
const chunks: Buffer[] = [];
pdf.on("data", (c: Buffer) => chunks.push(c));
const done = new Promise<void>((resolve) => pdf.on("end", () => resolve()));
for (const n of pages) {
  const drawn = await drawPage(doc, factory, n, dpi / 72);
  const [w, h] = [(drawn.canvas.width * 72) / dpi, (drawn.canvas.height * 72) / dpi];
  pdf.addPage({ size: [w, h], margin: 0 });
  pdf.image(drawn.canvas.toBuffer("image/jpeg", 85), 0, 0, { width: w, height: h });
  factory.destroy(drawn);
}
pdf.end();
await done;
await doc.destroy();
writeFileSync(output, Buffer.concat(chunks));
console.log(`${output}: ${pages.length} pages at ${dpi} dpi, no text layer`);
