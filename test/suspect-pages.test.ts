// A doubtful text layer (source/health.ts marks its page suspect) whose
// tables break identities is read again by OCR, and the reading that breaks
// fewer identities is kept. The seed's 表1 page, its text layer's digits
// mapped wrong as a font with a bad ToUnicode map maps them (3 ↔ 8), against
// OCR of the very same page.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkSuspectPages } from "../src/extract/suspect-pages.js";
import { brokenIdentities } from "../src/extract/reread/search.js";
import { ocrPage } from "../src/ocr/page.js";
import { closeOcr } from "../src/ocr/pool.js";
import { recognizeDocument } from "../src/recognize/document.js";
import type { PageHealth } from "../src/source/health.js";
import type { PageModel } from "../src/source/model.js";
import { openPdf, readPage } from "../src/source/pdf.js";
import { validateReport } from "../src/validate/index.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = path.join(repo, "corpus/seed/hongshan-grid-2021.pdf");
/** 表1 and 表2. */
const PAGES = [5, 6];

afterAll(closeOcr);

type Recognition = ReturnType<typeof recognizeDocument>;
const validate = (r: Recognition) => validateReport({ tables: r.tables, year: r.year, printed_unit: r.printed_unit, narrative: [] });
const swap = (t: string): string => t.replace(/[38]/g, (d) => (d === "3" ? "8" : "3"));
const health = (page: number, suspect: boolean): PageHealth => ({ page, route: "text", score: 1, reasons: [], ...(suspect ? { suspect: true as const } : {}) });

async function seedPages(): Promise<{ pages: PageModel[]; ocr: (n: number) => Promise<PageModel>; calls: number[]; close: () => Promise<void> }> {
  const { doc } = await openPdf(new Uint8Array(readFileSync(SEED)));
  const pages = await Promise.all(PAGES.map((n) => readPage(doc, n)));
  const calls: number[] = [];
  // Page numbers in the check are 1-based over `pages`: page 1 is the seed's 5.
  const ocr = async (n: number): Promise<PageModel> => {
    calls.push(n);
    return { ...(await ocrPage(doc, PAGES[n - 1]!, true)), number: n };
  };
  return { pages: pages.map((p, i) => ({ ...p, number: i + 1 })), ocr, calls, close: () => doc.destroy() };
}

describe("a suspect page whose tables break identities", () => {
  it("is read again by OCR, and OCR's reading is kept when it breaks fewer identities", async () => {
    const { pages, ocr, calls, close } = await seedPages();
    try {
      // 表1's text layer with 3 and 8 swapped in every figure: its totals no longer add up.
      const damaged = pages.map((p, i) => (i === 0 ? { ...p, runs: p.runs.map((r) => (/^[\d,.]+$/.test(r.text) ? { ...r, text: swap(r.text), charX: undefined } : r)) } : p));
      const first = recognizeDocument(damaged);
      const was = brokenIdentities(validate(first)).length;
      expect(was).toBeGreaterThan(0);

      const result = await checkSuspectPages({ health: [health(1, true), health(2, false)], pages: damaged, recognized: first, recognize: recognizeDocument, validate, ocr });
      expect(calls).toEqual([1]);
      expect(result.reread.map((r) => r.page)).toEqual([1]);
      expect(result.reread[0]!.reason).toMatch(new RegExp(`broke ${was} identit`));
      const now = brokenIdentities(validate(result.recognized)).length;
      expect(now).toBeLessThan(was);
      // The figures are the page's own again: 表1 as the sound text layer reads it.
      const sound = recognizeDocument(pages).tables.find((t) => t.id === "T1")!;
      const kept = result.recognized.tables.find((t) => t.id === "T1")!;
      const value = (t: typeof sound, row: string, col: string) => t.cells.find((c) => c.row === row && c.col === col)?.value;
      for (const c of sound.cells.filter((x) => x.value !== null)) expect(value(kept, c.row, c.col), `${c.row}|${c.col}`).toBeCloseTo(c.value!, 6);
    } finally {
      await close();
    }
  }, 120_000);

  it("is left alone when it is not suspect, or when its tables reconcile", async () => {
    const { pages, ocr, calls, close } = await seedPages();
    try {
      const damaged = pages.map((p, i) => (i === 0 ? { ...p, runs: p.runs.map((r) => (/^[\d,.]+$/.test(r.text) ? { ...r, text: swap(r.text), charX: undefined } : r)) } : p));
      const broken = recognizeDocument(damaged);
      const notSuspect = await checkSuspectPages({ health: [health(1, false), health(2, false)], pages: damaged, recognized: broken, recognize: recognizeDocument, validate, ocr });
      expect(notSuspect.recognized).toBe(broken);
      const sound = recognizeDocument(pages);
      const reconciled = await checkSuspectPages({ health: [health(1, true), health(2, true)], pages, recognized: sound, recognize: recognizeDocument, validate, ocr });
      expect(reconciled.recognized).toBe(sound);
      expect(reconciled.reread).toEqual([]);
      expect(calls).toEqual([]);
    } finally {
      await close();
    }
  });
});
