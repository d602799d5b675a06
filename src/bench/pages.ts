// The page images every OCR engine in the bench reads: seed pages drawn at the
// OCR resolution with rulings erased (src/ocr/prepare.ts), made the PGM bytes
// of the one pass ocrPage hands tesseract.js (at PAGE_PASS_DPI), and written as files so that native tesseract
// reads the very same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OCR_DPI, pagePassImage } from "../ocr/page.js";
import { pgmOf } from "../ocr/ink.js";
import { preparePage } from "../ocr/prepare.js";
import { canvasFactoryOf } from "../source/canvas.js";
import { openPdf } from "../source/pdf.js";

export interface PageImage {
  readonly page: number;
  readonly file: string;
  /** PGM bytes, as ocrPage reads the page. */
  readonly image: Buffer;
  readonly width: number;
  readonly height: number;
}

/** `count` pages of `pdfFile` from page `from` on (then from its start), prepared and written to `dir`; also a small blank PNG (for load time). */
export async function writePageImages(pdfFile: string, from: number, count: number, dir: string): Promise<{ images: PageImage[]; blank: string }> {
  const { doc, pageCount } = await openPdf(new Uint8Array(readFileSync(pdfFile)));
  try {
    const factory = canvasFactoryOf(doc);
    const all = Array.from({ length: pageCount }, (_, i) => i + 1);
    const order = [...all.filter((p) => p >= from), ...all.filter((p) => p < from)];
    const images: PageImage[] = [];
    for (const page of order.slice(0, count)) {
      const { ink } = await preparePage(doc, factory, page, OCR_DPI / 72);
      const read = pagePassImage(ink);
      const image = pgmOf(read);
      const file = path.join(dir, `page-${String(page).padStart(3, "0")}.pgm`);
      writeFileSync(file, image);
      images.push({ page, file, image, width: read.width, height: read.height });
    }
    // Native tesseract's model load is timed on an image with nothing to read.
    const white = factory.create(64, 64);
    try {
      const pixels = white.context.getImageData(0, 0, 64, 64);
      pixels.data.fill(255);
      white.context.putImageData(pixels, 0, 0);
      const blank = path.join(dir, "blank.png");
      writeFileSync(blank, white.canvas.toBuffer("image/png"));
      return { images, blank };
    } finally {
      factory.destroy(white);
    }
  } finally {
    await doc.destroy();
  }
}
