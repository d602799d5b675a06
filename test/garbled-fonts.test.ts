// Garbled fonts decoded by OCR's votes (src/extract/garbled-fonts.ts): other
// producers' committed reports with their fonts' ToUnicode maps removed, all
// of them (LibreOffice Calc, which renumbers glyphs 1, 2, 3…) or all but the
// bold (Chromium: sound titles over a garbled body on the same page). The
// pages are read by OCR, their glyphs decoded, and the tables recognized from
// the decoded text layer must hold every cell of the report's truth.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { garblePdf } from "../src/corpus/scan/garble.js";
import { decodedPage, fontsToDecode, glyphsOf, GlyphVotes } from "../src/extract/garbled-fonts.js";
import { readByOcr } from "../src/ocr/page.js";
import { closeOcr } from "../src/ocr/pool.js";
import { recognizeDocument } from "../src/recognize/document.js";
import { judgeFont, BROKEN_SHARE } from "../src/source/font-text.js";
import { pageHealth } from "../src/source/health.js";
import { openPdf, readPage } from "../src/source/pdf.js";
import type { PageModel } from "../src/source/model.js";
import { repo, rightCells, truthOf, type TruthTable } from "./support/truth-tables.js";

afterAll(closeOcr);

/** `pages` of `pdf` read by OCR and decoded, as ingest reads a garbled report (votes from these pages only). */
async function decode(pdf: Uint8Array, pages: readonly number[]): Promise<{ text: PageModel[]; decoded: PageModel[] }> {
  const { doc, pageCount } = await openPdf(pdf);
  try {
    const text: PageModel[] = [];
    for (let n = 1; n <= pageCount; n++) text.push(await readPage(doc, n));
    const votes = new GlyphVotes(fontsToDecode(text));
    const read = new Map<number, PageModel>();
    for (const n of pages) {
      const glyphs = await glyphsOf(doc, n);
      const reading = await readByOcr(doc, n, true, glyphs);
      votes.learn(n, glyphs, reading.inked, reading.page.runs);
      read.set(n, reading.page);
    }
    const decoded: PageModel[] = [];
    for (const n of pages) decoded.push(await decodedPage(doc, n, votes, read.get(n)!));
    return { text: pages.map((n) => text[n - 1]!), decoded };
  } finally {
    await doc.destroy();
  }
}

/** The truth's cells the table recognized from `pages` holds. */
const rightOn = (pages: readonly PageModel[], truth: TruthTable): number => rightCells(recognizeDocument(pages).tables.find((t) => t.id === truth.id), truth);

describe("garbled fonts decoded by OCR's votes", () => {
  it("Calc, every font garbled: 表4 over two pages read whole from its decoded text layer", async () => {
    const report = "corpus/calc/77-zs-shenji-2021";
    const truth = truthOf(report, "T4");
    const { text, decoded } = await decode(garblePdf(new Uint8Array(readFileSync(path.join(repo, `${report}.pdf`)))).pdf, truth.pages);
    expect(text.every((p) => pageHealth(p).route === "ocr")).toBe(true);
    expect(rightOn(decoded, truth)).toBe(truth.cells.length);
  }, 120_000);

  it("Chromium, its bold kept: a page of sound and broken fonts keeps the sound text and decodes the rest", async () => {
    const report = "corpus/chromium/65-wh-hongshan-czj-2021";
    const truth = truthOf(report, "T1");
    const source = new Uint8Array(readFileSync(path.join(repo, `${report}.pdf`)));
    const { text, decoded } = await decode(garblePdf(source, /-Bold$/).pdf, truth.pages);
    // The page holds both: the bold judged sound, the regular broken.
    const verdicts = (text[0]!.fonts ?? []).map((f) => judgeFont(f, 10)).filter((v) => v !== null);
    expect(verdicts.some((v) => /Bold/.test(v.font) && v.unlikely < BROKEN_SHARE)).toBe(true);
    expect(verdicts.some((v) => /Regular/.test(v.font) && v.unlikely >= BROKEN_SHARE)).toBe(true);
    expect(pageHealth(text[0]!).route).toBe("ocr");
    expect(rightOn(decoded, truth)).toBe(truth.cells.length);
    // Runs as the sound report has them, glyph for glyph, but for characters OCR confused where seen once.
    const { doc } = await openPdf(source);
    try {
      const sound = (await readPage(doc, truth.pages[0]!)).runs.map((r) => r.text);
      const same = decoded[0]!.runs.filter((r, i) => r.text === sound[i]).length;
      expect(decoded[0]!.runs.length).toBeGreaterThanOrEqual(sound.length);
      expect(same / sound.length).toBeGreaterThanOrEqual(0.97);
    } finally {
      await doc.destroy();
    }
  }, 120_000);
});
