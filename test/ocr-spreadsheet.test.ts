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
import { pickScanParams } from "../src/corpus/scan/params.js";
import { scanPdf } from "../src/corpus/scan/scan-pdf.js";
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

describe("a scanned Calc 表4 over two pages", () => {
  it("goes on over its second page although OCR read its repeated header differently (一殷 for 一般), and reads its clipped zeros", async () => {
    const report = path.join(repo, "corpus/calc/83-wh-hongshan-czj-2017");
    const truth = (JSON.parse(readFileSync(`${report}.truth.json`, "utf8")) as { tables: { id: string; pages: number[]; cells: TruthCell[] }[] }).tables.find((t) => t.id === "T4")!;
    expect(truth.pages.length).toBe(2);
    // The scan holds the table's pages only, numbered 1 and 2, tilted and noisy as the scan corpus makes them.
    const { pdf } = await scanPdf(new Uint8Array(readFileSync(`${report}.pdf`)), pickScanParams(200, 5), { pages: truth.pages });
    const { doc } = await openPdf(pdf);
    try {
      const pages = [await ocrPage(doc, 1), await ocrPage(doc, 2)];
      const found = recognizeDocument(pages).tables;
      const t4 = found.find((t) => t.id === "T4");
      expect(t4?.pages).toEqual([1, 2]);
      expect(found.filter((t) => t.id.startsWith("X"))).toEqual([]);
      // The second page's lines, the income side's totals among them, are the table's.
      for (const row of ["income_total", "carry_begin", "income_grand_total", "expense_total", "expense_grand_total"]) expect(t4!.rows.map((r) => r.key)).toContain(row);
      // Every 0.00 of the fund columns reads 0, those whose last 0 the cell clipped ("0.0C", joined
      // only once its glyphs were) among them: six of the 90 read as text before.
      const zeros = truth.cells.filter((c) => c.value === 0);
      const notZero = zeros.filter((c) => t4!.cells.find((x) => x.row === c.row && x.col === c.col)?.value !== 0);
      expect(zeros.length).toBeGreaterThan(50);
      expect(notZero.map((c) => `${c.row}|${c.col}`)).toEqual([]);
    } finally {
      await doc.destroy();
    }
  }, 120_000);
});
