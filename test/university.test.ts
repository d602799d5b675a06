// The university (高等学校) template: 表1 高等学校收支决算总表, 表2 收入决算表,
// 表3 支出决算表 and 表4 财政拨款支出决算表 are T1, T2, T3 and T5; 事业收入 is
// printed by its parts (教育事业收入, 科研事业收入), under it or in its place,
// and those are kept under keys of their own. Each report here is drawn by
// pdfkit in the test and read through the real extractor.
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import type { Table } from "../schemas/canonical.js";
import { FONT, fontBytes } from "../src/corpus/render/fonts.js";
import { extractPdf, type Extraction } from "../src/extract/index.js";
import { validateReport } from "../src/validate/index.js";

/** A cell of a table's header: its text and the elementary rows and columns it spans (end exclusive). */
interface HeaderCell {
  readonly text: string;
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

interface TableSpec {
  readonly title: string;
  readonly widths: readonly number[];
  readonly headerRows: number;
  readonly header: readonly HeaderCell[];
  /** One text per column; the first columns are labels, the rest figures (right-aligned). */
  readonly body: readonly (readonly string[])[];
  readonly labels: number;
}

const ROW = 18;
const SIZE = 8;
const UNIT = "东川理工大学";

/** A header cell over one column and every header row. */
const tall = (text: string, c: number, rows: number): HeaderCell => ({ text, r0: 0, r1: rows, c0: c, c1: c + 1 });

function drawTable(doc: PDFKit.PDFDocument, t: TableSpec): void {
  const left = 24;
  const xs = t.widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [left]);
  doc.font(FONT.bold).fontSize(14).text(t.title, left, 40, { width: xs[xs.length - 1]! - left, align: "center" });
  doc.font(FONT.regular).fontSize(SIZE);
  doc.text(`单位：${UNIT}`, left, 70, { lineBreak: false });
  doc.text("金额单位：万元", xs[xs.length - 1]! - 70, 70, { lineBreak: false });
  const top = 90;
  const box = (text: string, x0: number, x1: number, y0: number, y1: number, right: boolean): void => {
    doc.lineWidth(0.5).rect(x0, y0, x1 - x0, y1 - y0).stroke();
    if (text === "") return;
    doc.text(text, x0 + 3, (y0 + y1) / 2 - SIZE / 2 - 1, { width: x1 - x0 - 6, align: right ? "right" : "center", lineBreak: false });
  };
  for (const h of t.header) box(h.text, xs[h.c0]!, xs[h.c1]!, top + h.r0 * ROW, top + h.r1 * ROW, false);
  t.body.forEach((row, r) => {
    const y0 = top + (t.headerRows + r) * ROW;
    row.forEach((text, c) => box(text, xs[c]!, xs[c + 1]!, y0, y0 + ROW, c >= t.labels));
  });
}

function makeReport(tables: readonly TableSpec[]): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, size: "A4", layout: "landscape" });
    doc.registerFont(FONT.regular, fontBytes("regular"));
    doc.registerFont(FONT.bold, fontBytes("bold"));
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
    doc.addPage();
    doc.font(FONT.bold).fontSize(20).text(`${UNIT}2023年度部门决算`, 24, 250, { width: 794, align: "center" });
    for (const t of tables) {
      doc.addPage();
      drawTable(doc, t);
    }
    doc.end();
  });
}

const money = (v: number | null): string => (v === null ? "" : v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** Rows by function code: name, then figures in the table's column order (null = printed blank). */
type Rows = readonly (readonly [code: string, name: string, ...figures: (number | null)[]])[];

// 事业收入 5,000 = 教育事业收入 3,800 + 科研事业收入 1,200; every row sums.
const INCOME: Rows = [
  //  code, name, 本年收入合计, 财政拨款收入, 上级补助收入, 事业收入, 教育事业收入, 科研事业收入, 经营收入, 附属单位上缴收入, 其他收入
  ["", "合计", 12600, 7000, null, 5000, 3800, 1200, null, null, 600],
  ["205", "教育支出", 11200, 6000, null, 4700, 3800, 900, null, null, 500],
  ["20502", "普通教育", 11200, 6000, null, 4700, 3800, 900, null, null, 500],
  ["2050205", "高等教育", 11200, 6000, null, 4700, 3800, 900, null, null, 500],
  ["206", "科学技术支出", 1400, 1000, null, 300, null, 300, null, null, 100],
  ["20602", "基础研究", 1400, 1000, null, 300, null, 300, null, null, 100],
  ["2060201", "机构运行", 1400, 1000, null, 300, null, 300, null, null, 100],
];
const INCOME_KEYS = ["total", "fiscal", "upper_subsidy", "business", "education_business", "research_business", "operating", "affiliate", "other"];

const SPENDING: Rows = [
  ["", "合计", 12100, 9000, 3100, null, null, null],
  ["205", "教育支出", 10800, 8200, 2600, null, null, null],
  ["20502", "普通教育", 10800, 8200, 2600, null, null, null],
  ["2050205", "高等教育", 10800, 8200, 2600, null, null, null],
  ["206", "科学技术支出", 1300, 800, 500, null, null, null],
  ["20602", "基础研究", 1300, 800, 500, null, null, null],
  ["2060201", "机构运行", 1300, 800, 500, null, null, null],
];

// 合计 | 基本支出 | 项目支出 (小计 | 其中：基本建设资金支出).
const FISCAL: Rows = [
  ["", "合计", 6500, 5000, 1500, 400],
  ["205", "教育支出", 5600, 4300, 1300, 400],
  ["20502", "普通教育", 5600, 4300, 1300, 400],
  ["2050205", "高等教育", 5600, 4300, 1300, 400],
  ["206", "科学技术支出", 900, 700, 200, null],
  ["20602", "基础研究", 900, 700, 200, null],
  ["2060201", "机构运行", 900, 700, 200, null],
];

const bodyOf = (rows: Rows, drop: readonly number[] = []): string[][] =>
  rows.map(([code, name, ...figures]) => [code, name, ...figures.filter((_, i) => !drop.includes(i)).map(money)]);

/** 表1 with 事业收入 and its 其中 lines, or (flat) with the parts as lines of their own. */
function table1(flat: boolean): TableSpec {
  const business: [string, number | null][] = flat
    ? [["三、教育事业收入", 3800], ["四、科研事业收入", 1200]]
    : [["三、事业收入", 5000], ["其中：教育事业收入", 3800], ["科研事业收入", 1200]];
  const income: [string, number | null][] = [
    ["一、财政拨款收入", 7000], ["其中：一般公共预算财政拨款", 7000], ["政府性基金预算财政拨款", null], ["二、上级补助收入", null], ...business,
    ["经营收入", null], ["附属单位上缴收入", null], ["其他收入", 600],
  ];
  const spending: [string, number | null][] = [["五、教育支出", 10800], ["六、科学技术支出", 1300]];
  const lines = Math.max(income.length, spending.length);
  const body: string[][] = [];
  for (let i = 0; i < lines; i++) body.push([income[i]?.[0] ?? "", money(income[i]?.[1] ?? null), spending[i]?.[0] ?? "", money(spending[i]?.[1] ?? null)]);
  body.push(["本年收入合计", money(12600), "本年支出合计", money(12100)]);
  body.push(["使用非财政拨款结余（含专用结余）", "", "结余分配", ""]);
  body.push(["上年结转和结余", money(1000), "年末结转和结余", money(1500)]);
  body.push(["合计", money(13600), "合计", money(13600)]);
  return {
    title: "表1：高等学校收支决算总表",
    widths: [220, 110, 220, 110],
    headerRows: 2,
    header: [
      { text: "收入", r0: 0, r1: 1, c0: 0, c1: 2 },
      { text: "支出", r0: 0, r1: 1, c0: 2, c1: 4 },
      { text: "项目", r0: 1, r1: 2, c0: 0, c1: 1 },
      { text: "决算数", r0: 1, r1: 2, c0: 1, c1: 2 },
      { text: "项目(按功能分类)", r0: 1, r1: 2, c0: 2, c1: 3 },
      { text: "决算数", r0: 1, r1: 2, c0: 3, c1: 4 },
    ],
    body,
    labels: 1,
  };
}

/** 表2 with 事业收入 over 小计 | 教育事业收入 | 科研事业收入, or (flat) the two parts as columns in its place. */
function table2(flat: boolean, rows: Rows = INCOME): TableSpec {
  const heads = ["本年收入合计", "财政拨款收入", "上级补助收入"];
  const after = ["经营收入", "附属单位上缴收入", "其他收入"];
  const header: HeaderCell[] = [tall("科目编码", 0, 2), tall("科目名称", 1, 2), ...heads.map((h, i) => tall(h, 2 + i, 2))];
  if (flat) header.push(tall("教育事业收入", 5, 2), tall("科研事业收入", 6, 2), ...after.map((h, i) => tall(h, 7 + i, 2)));
  else {
    header.push({ text: "事业收入", r0: 0, r1: 1, c0: 5, c1: 8 });
    header.push(...["小计", "教育事业收入", "科研事业收入"].map((h, i): HeaderCell => ({ text: h, r0: 1, r1: 2, c0: 5 + i, c1: 6 + i })));
    header.push(...after.map((h, i) => tall(h, 8 + i, 2)));
  }
  const widths = [52, 86, ...Array<number>(flat ? 8 : 9).fill(flat ? 82 : 73)];
  return { title: "表2：高等学校收入决算表", widths, headerRows: 2, header, body: bodyOf(rows, flat ? [3] : []), labels: 2 };
}

function table3(): TableSpec {
  const heads = ["合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"];
  return {
    title: "表3：高等学校支出决算表",
    widths: [60, 110, ...Array<number>(6).fill(100)],
    headerRows: 1,
    header: [tall("科目编码", 0, 1), tall("科目名称", 1, 1), ...heads.map((h, i) => tall(h, 2 + i, 1))],
    body: bodyOf(SPENDING),
    labels: 2,
  };
}

function table4(): TableSpec {
  return {
    title: "表4：高等学校财政拨款支出决算表",
    widths: [60, 110, 150, 150, 150, 150],
    headerRows: 3,
    header: [
      { text: "项目", r0: 0, r1: 1, c0: 0, c1: 2 },
      { text: "本年支出", r0: 0, r1: 1, c0: 2, c1: 6 },
      { text: "科目编码", r0: 1, r1: 3, c0: 0, c1: 1 },
      { text: "科目名称", r0: 1, r1: 3, c0: 1, c1: 2 },
      { text: "合计", r0: 1, r1: 3, c0: 2, c1: 3 },
      { text: "基本支出", r0: 1, r1: 3, c0: 3, c1: 4 },
      { text: "项目支出", r0: 1, r1: 2, c0: 4, c1: 6 },
      { text: "小计", r0: 2, r1: 3, c0: 4, c1: 5 },
      { text: "其中：基本建设资金支出", r0: 2, r1: 3, c0: 5, c1: 6 },
    ],
    body: bodyOf(FISCAL),
    labels: 2,
  };
}

async function read(tables: readonly TableSpec[]): Promise<Extraction> {
  return extractPdf(await makeReport(tables));
}

/** A table's figures as {row: {col: value}}, for the columns asked. */
function figures(t: Table, cols: readonly string[]): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const r of t.rows) out[r.key] = Object.fromEntries(cols.map((c) => [c, t.cells.find((k) => k.row === r.key && k.col === c)?.value ?? null]));
  return out;
}

/** What the printed rows say, keyed the canonical way (合计 → total). */
function expected(rows: Rows, cols: readonly string[]): Record<string, Record<string, number | null>> {
  return Object.fromEntries(rows.map(([code, , ...v]) => [code === "" ? "total" : code, Object.fromEntries(cols.map((c, i) => [c, v[i] ?? null]))]));
}

const errors = (x: Extraction) =>
  validateReport({ tables: x.tables, year: x.year, printed_unit: x.printed_unit, narrative: x.narrative })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${f.table}/${f.row}/${f.col}: ${f.message}`);

describe("the university template", () => {
  it("reads 表1–表4 as T1, T2, T3 and T5, with 教育事业收入 and 科研事业收入 under keys of their own", async () => {
    const x = await read([table1(false), table2(false), table3(), table4()]);
    expect(x.kind).toBe("final");
    expect(x.unit).toBe(UNIT);
    expect(x.tables.map((t) => [t.id, t.kind])).toEqual([["T1", "standard"], ["T2", "standard"], ["T3", "standard"], ["T5", "standard"]]);

    const t2 = x.tables.find((t) => t.id === "T2")!;
    expect(t2.columns!.map((c) => c.key)).toEqual(INCOME_KEYS);
    expect(figures(t2, INCOME_KEYS)).toEqual(expected(INCOME, INCOME_KEYS));

    const t1 = x.tables.find((t) => t.id === "T1")!;
    const line = (key: string) => t1.cells.find((c) => c.row === key && c.col === "amount")?.value;
    const lines = ["fiscal", "fiscal_general", "business", "education_business", "research_business", "other", "income_total"];
    expect(lines.map(line)).toEqual([7000, 7000, 5000, 3800, 1200, 600, 12600]);

    // 项目支出 / 小计 is the project column, its 其中 a column of its own.
    const t5 = x.tables.find((t) => t.id === "T5")!;
    const fiscalKeys = ["total", "basic", "project", "project_capital_construction"];
    expect(t5.columns!.map((c) => c.key)).toEqual(fiscalKeys);
    expect(figures(t5, fiscalKeys)).toEqual(expected(FISCAL, fiscalKeys));

    // A clean report: every identity holds, and no table of the national set is missed.
    expect(errors(x)).toEqual([]);
  });

  it("reads 教育事业收入 and 科研事业收入 printed in place of 事业收入, and checks the sums with them", async () => {
    const x = await read([table1(true), table2(true), table3()]);
    const t2 = x.tables.find((t) => t.id === "T2")!;
    const keys = INCOME_KEYS.filter((k) => k !== "business");
    expect(t2.columns!.map((c) => c.key)).toEqual(keys);
    const t1 = x.tables.find((t) => t.id === "T1")!;
    expect(t1.rows.map((r) => r.key)).toEqual(expect.arrayContaining(["education_business", "research_business"]));
    expect(t1.rows.map((r) => r.key)).not.toContain("business");
    expect(errors(x)).toEqual([]);

    // One 科研事业收入 figure off: 本年收入合计 no longer sums on that row, nor 科研事业收入 along the codes.
    const wrong = INCOME.map((r) => (r[0] === "20602" ? ([...r.slice(0, 7), 350, ...r.slice(8)] as unknown as Rows[number]) : r));
    const y = await read([table1(true), table2(true, wrong), table3()]);
    expect(errors(y).map((e) => e.split(":")[0])).toEqual([
      "T2.total=sum T2/20602/total",
      "T2.hierarchy.lei T2/206/research_business",
      "T2.hierarchy.kuan T2/20602/research_business",
    ]);
  });
});
