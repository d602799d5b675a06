// Chromium's reports read by OCR, as the scan corpus degrades them: garbled
// (its fonts' ToUnicode maps removed: a ruled 表3 in 9 pt Noto Serif CJK,
// whose small "." and "," tesseract drops, reading one figure as pieces) and
// scanned (an unruled 表3, whose title's bracket and caption's colon OCR
// misreads). Each against the committed report's truth.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { garblePdf } from "../src/corpus/scan/garble.js";
import { pickScanParams } from "../src/corpus/scan/params.js";
import { scanPdf } from "../src/corpus/scan/scan-pdf.js";
import { ocrPage } from "../src/ocr/page.js";
import { closeOcr } from "../src/ocr/pool.js";
import { recognizeDocument } from "../src/recognize/document.js";
import { openPdf } from "../src/source/pdf.js";
import { repo, rightCells, truthOf, type TruthTable } from "./support/truth-tables.js";

afterAll(closeOcr);

/** The table read by OCR from `pdf`'s `pages` (drawn from its vectors, or scanned): the truth's cells it gets right (the eval's tolerance). */
async function readByOcr(pdf: Uint8Array, pages: readonly number[], truth: TruthTable, vector: boolean): Promise<{ found: boolean; right: number }> {
  const { doc } = await openPdf(pdf);
  try {
    const models = [];
    for (const n of pages) models.push(await ocrPage(doc, n, vector));
    const table = recognizeDocument(models).tables.find((t) => t.id === truth.id);
    if (!table) return { found: false, right: 0 };
    return { found: true, right: rightCells(table, truth) };
  } finally {
    await doc.destroy();
  }
}

describe("Chromium reports read by OCR", () => {
  it("garbled: figures tesseract read in pieces are joined, 表3's cells read", async () => {
    const report = "corpus/chromium/66-xa-beilin-rsj-2022";
    const truth = truthOf(report, "T3");
    const { found, right } = await readByOcr(garblePdf(new Uint8Array(readFileSync(path.join(repo, `${report}.pdf`)))).pdf, truth.pages, truth, true);
    expect(found).toBe(true);
    expect(right / truth.cells.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it("scanned: an unruled 表3 whose title and caption OCR misreads is found and read", async () => {
    const report = "corpus/chromium/74-wh-jianghan-minzu-2022";
    const truth = truthOf(report, "T3");
    const source = new Uint8Array(readFileSync(path.join(repo, `${report}.pdf`)));
    // The scan holds the table's pages only, numbered 1…: the truth's pages are read as those.
    const { pdf } = await scanPdf(source, pickScanParams(200, 3), { pages: truth.pages });
    const { found, right } = await readByOcr(pdf, truth.pages.map((_, i) => i + 1), truth, false);
    expect(found).toBe(true);
    expect(right / truth.cells.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
