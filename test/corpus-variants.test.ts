// Every print field of the variant, read back from the PDF with pdf.js: the
// seed source rendered under a few variants (fields that do not interfere
// share a rendering, to keep the suite quick), each asserted on the page.
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ExportLine, type Report } from "../schemas/canonical.js";
import { generate } from "../src/corpus/generate.js";
import { loadSource } from "../src/corpus/source/load.js";
import type { ReportSource } from "../src/corpus/source/schema.js";
import { SEED_VARIANT, type Variant } from "../src/corpus/variant.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Item {
  readonly str: string;
  readonly x: number;
  readonly y: number;
}

interface Page {
  readonly rotate: number;
  readonly items: readonly Item[];
  /** Glyphs per text-showing operator. */
  readonly showGlyphs: readonly number[];
  /** Path-construction operators (rules, rectangles). */
  readonly paths: number;
}

interface Rendered {
  readonly truth: Report;
  readonly raw: Record<string, unknown>;
  readonly pages: readonly Page[];
}

async function readPdf(bytes: Uint8Array): Promise<Page[]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = content.items
      .filter((i): i is TextItem => "str" in i && i.str.trim() !== "")
      .map((i) => ({ str: i.str.trim(), x: i.transform[4] ?? 0, y: i.transform[5] ?? 0 }));
    const ops = await page.getOperatorList();
    const showGlyphs: number[] = [];
    let paths = 0;
    ops.fnArray.forEach((fn, k) => {
      if (fn === pdfjs.OPS.showText) {
        const glyphs = (ops.argsArray[k] as unknown[][])[0] ?? [];
        showGlyphs.push(glyphs.filter((g) => typeof g === "object" && g !== null).length);
      }
      if (fn === pdfjs.OPS.constructPath) paths++;
    });
    pages.push({ rotate: page.rotate, items, showGlyphs, paths });
  }
  await doc.destroy();
  return pages;
}

/** The seed content reshaped as a Shanghai-template report: 表9 in 收支 form, only 注：本表反映… lines. */
function shanghaiContent(src: ReportSource): ReportSource {
  const cash = ["carry_begin", "income", "total", "basic", "project", "carry_end"];
  return {
    ...src,
    tables: src.tables.map((t) => {
      const { column_numbers: _numbers, ...rest } = t.print;
      const print = { ...rest, notes: t.print.notes.slice(0, 1) };
      if (t.id !== "T9") return { ...t, print };
      return { ...t, print, cells: t.rows.flatMap((r) => cash.map((col) => ({ row: r.key, col, value: null }))) };
    }),
  };
}

let seed: ReportSource;
const rendered = new Map<string, Rendered>();

async function render(name: string, change: Partial<Variant>, source = seed): Promise<void> {
  const g = await generate(source, { variant: { ...SEED_VARIANT, ...change } });
  rendered.set(name, { truth: ExportLine.parse(g.truth), raw: g.truth, pages: await readPdf(g.pdf) });
}

function get(name: string): Rendered {
  const r = rendered.get(name);
  if (!r) throw new Error(`Expected a rendering named ${name}`);
  return r;
}

const table = (r: Rendered, id: string) => {
  const t = r.truth.tables.find((x) => x.id === id);
  if (!t) throw new Error(`Expected table ${id}`);
  return t;
};
const pageOf = (r: Rendered, n: number): Page => {
  const p = r.pages[n - 1];
  if (!p) throw new Error(`Expected page ${n}`);
  return p;
};
const tableItems = (r: Rendered, id: string): Item[] => table(r, id).pages.flatMap((n) => [...pageOf(r, n).items]);
const tableStrings = (r: Rendered, id: string): string[] => tableItems(r, id).map((i) => i.str);
const tablePages = (r: Rendered): Set<number> => new Set(r.truth.tables.flatMap((t) => t.pages));
const squash = (p: Page): string => p.items.map((i) => i.str).join("").replace(/\s+/g, "");

beforeAll(async () => {
  seed = await loadSource(path.join(ROOT, "corpus/sources/hongshan-grid-2021.json"));
  await Promise.all([
    render("seed", {}),
    render("rotated", { rotated: true, ruled: false, codes: "glued", zero: "-", thousands: false }),
    render("glyphs", { glyphs: "per-glyph", split: "repeat-header" }),
    render("split", { split: "no-header", codes: "split", t6_groups: 2, t7: "interleaved", unit: "元", zero: "0" }),
    render("shanghai", { template: "shanghai", orientation: "portrait", zero: "blank", t6_groups: 2, t7: "interleaved" }, shanghaiContent(seed)),
  ]);
});

describe("corpus variants, read back from the PDF", () => {
  it("records the variant in the truth", () => {
    expect(get("seed").raw["variant"]).toEqual(SEED_VARIANT);
    expect((get("split").raw["variant"] as Variant).codes).toBe("split");
  });

  it("rotated: landscape table pages are portrait media with /Rotate 90; narrative pages are not rotated", () => {
    const r = get("rotated");
    const tp = tablePages(r);
    r.pages.forEach((p, i) => expect(p.rotate, `page ${i + 1}`).toBe(tp.has(i + 1) ? 90 : 0));
    expect(squash(pageOf(r, table(r, "T2").pages[0] ?? 0))).toContain("收入决算表");
  });

  it("ruled false: no path operators on table pages (ruled tables have them)", () => {
    for (const n of tablePages(get("rotated"))) expect(pageOf(get("rotated"), n).paths, `page ${n}`).toBe(0);
    for (const n of tablePages(get("seed"))) expect(pageOf(get("seed"), n).paths, `page ${n}`).toBeGreaterThan(0);
  });

  it("per-glyph: every text-showing operator, on table and narrative pages, shows one glyph", () => {
    const r = get("glyphs");
    for (const p of r.pages) for (const g of p.showGlyphs) expect(g).toBe(1);
    expect(get("seed").pages.flatMap((p) => p.showGlyphs).some((g) => g > 1)).toBe(true);
  });

  it("split repeat-header: long tables run over several pages, the header on each", () => {
    const r = get("glyphs");
    for (const id of ["T1", "T2", "T4", "T6"]) expect(table(r, id).pages.length, id).toBeGreaterThanOrEqual(2);
    for (const n of table(r, "T2").pages) expect(squash(pageOf(r, n))).toContain("功能分类科目编码");
    for (const n of table(r, "T1").pages) expect(squash(pageOf(r, n))).toContain("收入");
  });

  it("split no-header: continuation pages carry rows but no header", () => {
    const r = get("split");
    const [first, ...rest] = table(r, "T2").pages;
    expect(rest.length).toBeGreaterThan(0);
    expect(squash(pageOf(r, first ?? 0))).toContain("科目名称");
    for (const n of rest) expect(squash(pageOf(r, n))).not.toContain("科目名称");
  });

  it("unit 元: amounts printed ×10000 under 金额单位：元; the truth stays in 万元", () => {
    const r = get("split");
    expect(tableStrings(r, "T1")).toContain("11,361,800.00");
    expect(squash(pageOf(r, table(r, "T1").pages[0] ?? 0))).toContain("金额单位：元");
    expect(r.truth.printed_unit).toBe("元");
    expect(table(r, "T1").cells.find((c) => c.row === "income_total")?.value).toBe(1136.18);
  });

  it("zero styles: '0', '-' and blank; a blank zero is null in the truth", () => {
    const zeroCell = (r: Rendered) => table(r, "T1").cells.find((c) => c.row === "202");
    expect(tableStrings(get("split"), "T1")).toContain("0");
    expect(tableStrings(get("rotated"), "T1")).toContain("-");
    expect(zeroCell(get("seed"))?.value).toBe(0);
    expect(zeroCell(get("rotated"))?.value).toBe(0);
    const blank = get("shanghai");
    expect(zeroCell(blank)?.value).toBeNull();
    expect(tableStrings(blank, "T1").filter((s) => /^0(\.00)?$|^-$/.test(s))).toEqual([]);
  });

  it("thousands false: 1136.18, never 1,136.18", () => {
    const s = tableStrings(get("rotated"), "T1");
    expect(s).toContain("1136.18");
    expect(s.some((x) => x.includes(","))).toBe(false);
  });

  it("codes split: 类|款|项 columns with the 类 on every row; T6 in 类|款", () => {
    const r = get("split");
    const items = tableItems(r, "T2");
    for (const head of ["类", "款", "项"]) expect(items.map((i) => i.str)).toContain(head);
    const row = items.filter((i) => Math.abs(i.y - (items.find((x) => x.str === "事业运行")?.y ?? -1)) < 1).map((i) => i.str);
    expect(row.slice(0, 3)).toEqual(["201", "03", "50"]);
    expect(items.filter((i) => i.str === "201").length).toBeGreaterThanOrEqual(4);
    const t6 = tableItems(r, "T6");
    const basic = t6.find((i) => i.str === "基本工资");
    expect(t6.filter((i) => Math.abs(i.y - (basic?.y ?? -1)) < 1).map((i) => i.str).slice(0, 2)).toEqual(["301", "01"]);
  });

  it("codes glued: no code column, the name cell carries the code", () => {
    const r = get("rotated");
    expect(tableStrings(r, "T2")).toContain("2010350事业运行");
    expect(tableStrings(r, "T6")).toContain("30101基本工资");
    expect(tableStrings(r, "T2")).not.toContain("2010350");
  });

  it("T6 in two column groups: 302 and 310 share the second group's code column", () => {
    const items = tableItems(get("split"), "T6");
    const x = (s: string) => items.find((i) => i.str === s)?.x;
    expect(x("302")).toBeDefined();
    expect(x("310")).toBeCloseTo(x("302") ?? 0, 0);
    const three = tableItems(get("seed"), "T6");
    const x3 = (s: string) => three.find((i) => i.str === s)?.x ?? 0;
    expect(x3("310")).toBeGreaterThan(x3("302") + 50);
  });

  it("T7 interleaved: a 预算数|决算数 pair under each of the six items", () => {
    const s = tableStrings(get("split"), "T7");
    expect(s.filter((x) => x === "预算数")).toHaveLength(6);
    expect(s.filter((x) => x === "决算数")).toHaveLength(6);
  });

  it("Shanghai: no 行次 or 栏次, 单位：万元, 表5 合计 at the bottom, 表9 in 收支 form, portrait pages", () => {
    const r = get("shanghai");
    for (const t of r.truth.tables) {
      const text = t.pages.map((n) => squash(pageOf(r, n))).join("");
      expect(text, t.id).not.toMatch(/行次|栏次/);
      expect(text, t.id).toContain("单位：万元");
    }
    const t5 = tableItems(r, "T5");
    // pdf.js y grows upwards: the lowest 合计 (not the header's) sits below every code row.
    const totalY = Math.min(...t5.filter((i) => i.str.replace(/\s/g, "") === "合计").map((i) => i.y));
    const lastCodeY = Math.min(...t5.filter((i) => /^\d{3}$/.test(i.str)).map((i) => i.y));
    expect(totalY).toBeLessThan(lastCodeY);
    expect(table(r, "T9").columns?.map((c) => c.key)).toEqual(["carry_begin", "income", "total", "basic", "project", "carry_end"]);
    expect(squash(pageOf(r, table(r, "T1").pages[0] ?? 0))).toContain(`${seed.unit}2021年度部门决算表`);
  });
});
