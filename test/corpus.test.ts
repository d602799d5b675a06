// The generated seed PDF against its truth: read back with pdf.js, it must
// show what the truth says, where the truth says, and regenerate to the
// same bytes.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ExportLine, type Report } from "../schemas/canonical.js";
import { formatAmount } from "../src/corpus/format.js";
import { writeCorpus } from "../src/corpus/generate.js";
import { paginate } from "../src/corpus/layout/paginate.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PDF = "corpus/seed/hongshan-grid-2021.pdf";
const TRUTH = "corpus/seed/hongshan-grid-2021.truth.json";
const AMOUNT = /^-?\d{1,3}(,\d{3})*\.\d{2}$/;

interface PageText {
  readonly width: number;
  readonly height: number;
  readonly items: readonly string[];
}

let pdfBytes: Uint8Array;
let truthRaw: unknown;
let truth: Report;
let pages: PageText[];

const squash = (s: string): string => s.replace(/\s+/g, "");
const pageText = (n: number): string => squash(pages[n - 1]?.items.join("") ?? "");

beforeAll(async () => {
  pdfBytes = new Uint8Array(await readFile(path.join(ROOT, PDF)));
  truthRaw = JSON.parse(await readFile(path.join(ROOT, TRUTH), "utf8"));
  truth = ExportLine.parse(truthRaw);
  const doc = await pdfjs.getDocument({ data: pdfBytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is TextItem => "str" in i).map((i) => i.str.trim()).filter((s) => s !== "");
    pages.push({ width, height, items });
  }
  await doc.destroy();
});

describe("seed corpus: hongshan-grid-2021", () => {
  it("has a truth that validates and names this PDF by its sha256 and page count", () => {
    expect(truth.file).toBe(PDF);
    expect(truth.sha256).toBe(createHash("sha256").update(pdfBytes).digest("hex"));
    expect(truth.page_count).toBe(pages.length);
    expect(truth.tables.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);
  });

  it("prints narrative pages portrait and every table page landscape", () => {
    const tablePages = new Set(truth.tables.flatMap((t) => t.pages));
    expect(tablePages.size).toBeGreaterThanOrEqual(9);
    pages.forEach((p, i) => {
      if (tablePages.has(i + 1)) expect(p.width).toBeGreaterThan(p.height);
      else expect(p.height).toBeGreaterThan(p.width);
    });
  });

  it("prints each table's title, as Unicode text, on the table's first page", () => {
    for (const t of truth.tables) {
      expect(t.pages.length).toBeGreaterThan(0);
      expect(pageText(t.pages[0] ?? 0)).toContain(squash(t.title ?? ""));
    }
  });

  it("prints exactly the truth's amounts on each table's pages", () => {
    for (const t of truth.tables) {
      const printed = t.pages.flatMap((n) => pages[n - 1]?.items ?? []).filter((s) => AMOUNT.test(s)).sort();
      const expected = t.cells.flatMap((c) => (c.value === null ? [] : [formatAmount(c.value)])).sort();
      expect(printed, t.id).toEqual(expected);
    }
  });

  it("prints the empty-table statements and keeps the seed's header wraps", () => {
    for (const t of truth.tables.filter((x) => x.empty)) {
      expect(pageText(t.pages[0] ?? 0)).toContain(t.empty_statement);
    }
    const items = (id: string) => new Set(truth.tables.find((t) => t.id === id)?.pages.flatMap((n) => pages[n - 1]?.items ?? []));
    for (const piece of ["本年收入合", "计", "上级补", "助收入", "附属单", "位上缴", "功能分类", "科目编码"]) {
      expect(items("T2").has(piece), piece).toBe(true);
    }
    for (const piece of ["一般公共", "预算财政", "拨款"]) expect(items("T4").has(piece), piece).toBe(true);
    for (const piece of ["因公出国", "(境)费", "公务接", "待费"]) expect(items("T7").has(piece), piece).toBe(true);
    for (const piece of ["科目", "编码", "人员经费合计", "公用经费合计"]) expect(items("T6").has(piece), piece).toBe(true);
  });

  it("places each finding on a page that shows what it is about", () => {
    const raw = (truthRaw as { findings: { quote?: string; page?: number; table: string | null }[] }).findings;
    for (const f of raw) {
      expect(f.page, JSON.stringify(f)).toBeDefined();
      const piece = f.quote ? squash(f.quote.split("…")[0] ?? "") : undefined;
      if (piece) expect(pageText(f.page ?? 0), f.quote).toContain(piece);
      else expect(truth.tables.find((t) => t.id === f.table)?.pages).toContain(f.page);
    }
  });

  it("regenerates byte-identical PDF and truth from corpus/sources", async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), "juesuan-corpus-"));
    try {
      await writeCorpus({ root: ROOT, outRoot: out });
      expect(Buffer.compare(await readFile(path.join(out, PDF)), Buffer.from(pdfBytes))).toBe(0);
      expect(await readFile(path.join(out, TRUTH), "utf8")).toBe(await readFile(path.join(ROOT, TRUTH), "utf8"));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe("paginate", () => {
  const base = { headerHeight: 30, rowHeights: Array.from({ length: 10 }, () => 20), firstAvailable: 100, pageAvailable: 130 };
  const shape = (repeatHeader: boolean, firstAvailable = base.firstAvailable) =>
    paginate({ ...base, firstAvailable, repeatHeader }).map((s) => [s.newPage, s.withHeader, s.rows.length]);

  it("continues a long table on new pages, repeating the header only when asked", () => {
    expect(shape(false)).toEqual([[false, true, 3], [true, false, 6], [true, false, 1]]);
    expect(shape(true)).toEqual([[false, true, 3], [true, true, 5], [true, true, 2]]);
  });

  it("starts the table on a fresh page when not one row fits under the header", () => {
    expect(shape(false, 40)[0]).toEqual([true, true, 5]);
  });
});
