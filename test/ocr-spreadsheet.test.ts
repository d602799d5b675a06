// A spreadsheet's table read by OCR: LibreOffice Calc sets each figure flush
// against its cell's right ruling (and clips what runs past it), so the last
// 0's right stroke lies on the ruling. Erasing the ruling there left "0.0C";
// a column of such figures then read as names, and 表4 lost every cell.
// The committed Calc report's fonts garbled (no ToUnicode map), its 表4
// pages read by OCR, against its truth.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { garblePdf } from "../src/corpus/scan/garble.js";
import { ocrPage } from "../src/ocr/page.js";
import { closeOcr } from "../src/ocr/pool.js";
import { recognizeDocument } from "../src/recognize/document.js";
import { openPdf } from "../src/source/pdf.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPORT = path.join(repo, "corpus/calc/77-zs-shenji-2021");

interface TruthCell {
  readonly row: string;
  readonly col: string;
  readonly value: number | null;
}

afterAll(closeOcr);

describe("a Calc report's 表4 read by OCR", () => {
  it("keeps figures flush against their rulings whole, and reads the table's cells", async () => {
    const truth = (JSON.parse(readFileSync(`${REPORT}.truth.json`, "utf8")) as { tables: { id: string; pages: number[]; cells: TruthCell[] }[] }).tables.find((t) => t.id === "T4")!;
    const { doc } = await openPdf(garblePdf(new Uint8Array(readFileSync(`${REPORT}.pdf`))).pdf);
    try {
      const pages = [];
      // Drawn from its vectors (its text layer is what is garbled), not scanned.
      for (const n of truth.pages) pages.push(await ocrPage(doc, n, true));
      const t4 = recognizeDocument(pages).tables.find((t) => t.id === "T4");
      expect(t4).toBeDefined();
      // The zeros of the fund columns read as 0.00, not 0.0C or 0.06 (the eval's tolerance, 0.005 万元).
      const misses = truth.cells.filter((c) => {
        const got = t4!.cells.find((x) => x.row === c.row && x.col === c.col)?.value ?? null;
        return c.value === null ? got !== null && got !== 0 : got === null || Math.abs(got - c.value) > 0.005;
      });
      expect(misses.length, misses.map((c) => `${c.row}|${c.col}`).join(" ")).toBeLessThanOrEqual(Math.floor(truth.cells.length * 0.05));
      // Every column of the expenditure side found by its heading.
      expect(new Set(t4!.cells.map((c) => c.col))).toEqual(new Set(["amount", "total", "general", "gov_fund", "state_capital"]));
    } finally {
      await doc.destroy();
    }
  }, 120_000);
});
