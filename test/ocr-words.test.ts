// The words OCR hands on come from tesseract's TSV (pool.ts): they must be the
// words, boxes, line boxes and confidences its JSON blocks give for the same
// reading, on a real page prepared as the OCR route prepares it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { Worker } from "tesseract.js";
import { openPdf } from "../src/source/pdf.js";
import { canvasFactoryOf } from "../src/source/canvas.js";
import { preparePage } from "../src/ocr/prepare.js";
import { OCR_DPI, pagePassImage } from "../src/ocr/page.js";
import { pgmOf } from "../src/ocr/ink.js";
import { newWorker, PAGE, WORDS, wordsOfTsv, type OcrWord } from "../src/ocr/pool.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Blocks {
  paragraphs: { lines: { bbox: Box; words: { text: string; bbox: Box; confidence: number }[] }[] }[];
}

describe("OCR words", () => {
  let worker: Worker | null = null;
  afterAll(async () => void (await worker?.terminate()));

  it("are tesseract's JSON words, read from its TSV", async () => {
    const { doc } = await openPdf(new Uint8Array(readFileSync(path.join(repo, "corpus/seed/hongshan-grid-2021.pdf"))));
    let image: Buffer;
    try {
      // The seed's 表1: a ruled table page, with wrapped headers, figures and blank cells.
      const { ink } = await preparePage(doc, canvasFactoryOf(doc), 5, OCR_DPI / 72);
      image = pgmOf(pagePassImage(ink));
    } finally {
      await doc.destroy();
    }
    worker = await newWorker(PAGE);
    const fromTsv = wordsOfTsv((await worker.recognize(image, {}, WORDS)).data.tsv ?? "");
    const json = (await worker.recognize(image, {}, { blocks: true })) as unknown as { data: { blocks: Blocks[] } };
    const fromJson: OcrWord[] = json.data.blocks.flatMap((b) =>
      b.paragraphs.flatMap((p) =>
        p.lines.flatMap((l) => l.words.filter((w) => w.text.trim() !== "").map((w) => ({ text: w.text, ...w.bbox, lineY0: l.bbox.y0, lineY1: l.bbox.y1, confidence: w.confidence }))),
      ),
    );
    expect(fromJson.length).toBeGreaterThan(100);
    expect(fromTsv).toEqual(fromJson);
  }, 120_000);
});
