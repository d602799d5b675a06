// Spreadsheets with gridlines off print tables with no ruling lines, each
// column as tight as its widest figure: a right-aligned figure stands flush
// against the next column's left-aligned label or widest figure, and a column
// narrower than its widest figure lets it run on into the empty column on its
// left. With nothing but alignment to show the columns, each figure still
// lands in its own column.
import { describe, expect, it } from "vitest";
import type { Table } from "../schemas/canonical.js";
import { extractPdf } from "../src/extract/index.js";
import { layoutPage } from "../src/layout/page.js";
import { unruledTables } from "../src/recognize/unruled.js";
import { openPdf, readPage } from "../src/source/pdf.js";
import { textWidth } from "./support/cjk-pdf.js";
import { makeTablePdf, SIZE, type TableDoc, type TablePage } from "./support/cjk-tables.js";

async function read(widths: readonly number[], padding: number, page: TablePage, id: string, align?: TableDoc["align"], landscape = false): Promise<Table> {
  const pdf = await makeTablePdf({ widths, ruled: false, padding, align, landscape, pages: [page] });
  lastPdf = pdf;
  const tables = (await extractPdf(new Uint8Array(pdf))).tables;
  const t = tables.find((x) => x.id === id);
  expect(t, tables.map((x) => x.id).join(",")).toBeDefined();
  return t!;
}

/** The PDF `read` read last. */
let lastPdf: Buffer | null = null;

/** The columns of the unruled tables on a PDF's first page, as layout finds them. */
async function unruledColumns(pdf: Buffer): Promise<number[]> {
  const { doc } = await openPdf(new Uint8Array(pdf));
  const layout = layoutPage(await readPage(doc, 1));
  await doc.destroy();
  return unruledTables(layout, null).map((u) => u.grid.xs.length - 1);
}

const cell = (t: Table, row: string, col: string): number | null | undefined => t.cells.find((c) => c.row === row && c.col === col)?.value;
/** A column as wide as the widest of its texts, with `padding` either side. */
const tight = (texts: readonly string[], padding: number): number => Math.max(...texts.map((x) => textWidth(x, SIZE))) + 2 * padding;

describe("an unruled table with tight columns", () => {
  // 收入支出决算总表: the income side's 金额 holds two figures in its first rows, each
  // flush against the expense side's label.
  const T1_ROWS: string[][] = [
    ["一、一般公共预算财政拨款收入", "1", "2,525.16", "一、一般公共服务支出", "31", "1,200.00"],
    ["二、政府性基金预算财政拨款收入", "2", "", "二、外交支出", "32", "-"],
    ["三、国有资本经营预算财政拨款收入", "3", "800.30", "三、国防支出", "33", "-"],
    ["四、上级补助收入", "4", "", "四、公共安全支出", "34", "-"],
    ["五、事业收入", "5", "", "五、教育支出", "35", "-"],
    ["六、经营收入", "6", "", "六、科学技术支出", "36", "-"],
    ["七、附属单位上缴收入", "7", "", "七、文化旅游体育与传媒支出", "37", "-"],
    ["八、其他收入", "8", "", "八、社会保障和就业支出", "38", "1,927.53"],
    ["", "9", "", "九、卫生健康支出", "39", "97.62"],
    ["", "10", "", "十、节能环保支出", "40", "-"],
    ["", "11", "", "十一、城乡社区支出", "41", "-"],
    ["", "12", "", "十二、农林水支出", "42", "-"],
    ["", "13", "", "十三、交通运输支出", "43", "-"],
    ["", "14", "", "十四、资源勘探工业信息等支出", "44", "-"],
    ["", "15", "", "十五、商业服务业等支出", "45", "-"],
    ["", "16", "", "十六、金融支出", "46", "-"],
    ["", "17", "", "十七、援助其他地区支出", "47", "-"],
    ["", "18", "", "十八、自然资源海洋气象等支出", "48", "-"],
    ["", "19", "", "十九、住房保障支出", "49", "100.31"],
    ["", "20", "", "二十、粮油物资储备支出", "50", "-"],
    ["", "21", "", "二十一、国有资本经营预算支出", "51", "-"],
    ["", "22", "", "二十二、灾害防治及应急管理支出", "52", "-"],
    ["", "23", "", "二十三、其他支出", "53", "-"],
    ["本年收入合计", "24", "3,325.46", "本年支出合计", "54", "3,325.46"],
    ["年初结转和结余", "25", "25.18", "年末结转和结余", "55", "25.18"],
    ["总计", "26", "3,350.64", "总计", "56", "3,350.64"],
  ];

  it.each([
    { gap: "a narrow space apart", padding: 0.6 },
    { gap: "touching", padding: 0 },
  ])("puts each of T1's figures in its 金额 column, a figure and the next label $gap", async ({ padding }) => {
    const col = (c: number): string[] => T1_ROWS.map((r) => r[c]!);
    // Room to the left of the widest figure (the line number before it stands apart), none to its right.
    const widths = [tight(col(0), padding) + 2, 24, tight(col(2), padding) + 4, tight(col(3), padding) + 2, 24, tight(col(5), padding) + 4];
    const t = await read(widths, padding, {
      above: ["2023年度收入支出决算总表（表1）", "部门：示例市示例局                金额单位：万元"],
      header: [
        ["收 入", "", "", "支 出", "", ""],
        ["项目", "行次", "金额", "项目", "行次", "金额"],
        ["栏次", "", "1", "栏次", "", "2"],
      ],
      rows: T1_ROWS,
    }, "T1");
    expect(cell(t, "fiscal_general", "amount")).toBe(2525.16);
    expect(cell(t, "fiscal_state_capital", "amount")).toBe(800.3);
    expect(cell(t, "income_total", "amount")).toBe(3325.46);
    expect(cell(t, "201", "amount")).toBe(1200);
    expect(cell(t, "203", "amount")).toBe(0);
    expect(cell(t, "208", "amount")).toBe(1927.53);
    expect(t.rows.find((r) => r.key === "201")?.name).toBe("一、一般公共服务支出");
  });

  it("puts T2's figures in their columns: neighbours a space apart, one running into the empty column on its left", async () => {
    const padding = 0.6;
    // In cents: 本年收入合计 = 财政拨款收入 + 事业收入 + 经营收入 + 其他收入; 上级补助收入 and 附属单位上缴收入 empty.
    const lines: [string, string, number, number, number, number][] = [
      ["", "合计", 141913, 17118, 4457, 3021],
      ["208", "社会保障和就业支出", 18364, 0, 0, 0],
      ["20805", "行政事业单位养老支出", 18364, 0, 0, 0],
      ["2080502", "事业单位离退休", 18364, 0, 0, 0],
      ["213", "农林水支出", 123549, 17118, 4457, 3021],
      ["21301", "农业农村", 123549, 17118, 4457, 3021],
      ["2130104", "事业运行", 123549, 17118, 4457, 3021],
    ];
    const money = (cents: number): string => (cents === 0 ? "" : (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 }));
    const rows = lines.map(([code, name, fiscal, business, operating, other]) => [code, name, money(fiscal + business + operating + other), money(fiscal), "", money(business), money(operating), "", money(other)]);
    const col = (c: number): string[] => rows.map((r) => r[c]!);
    // 事业收入 is narrower than its figures, its heading written downwards: they run on into
    // 上级补助收入, under its heading.
    const widths = [46, 110, tight(col(2), padding), tight(col(3), padding), 30, 16, 40, 30, 40];
    const t = await read(widths, padding, {
      above: ["2022年度收入决算表（表2）", "部门：示例市示例局                金额单位：万元"],
      header: [
        ["科目编码", "科目名称", "本年收\n入合计", "财政拨\n款收入", "上级补\n助收入", "事\n业\n收\n入", "经营收\n入", "附属单\n位上缴\n收入", "其他收\n入"],
        ["", "栏次", "1", "2", "3", "4", "5", "6", "7"],
      ],
      rows,
    }, "T2", ["left"]);
    expect((t.columns ?? []).map((c) => c.key)).toEqual(["total", "fiscal", "upper_subsidy", "business", "operating", "affiliate", "other"]);
    // Headings wrapped in their columns read whole; one written downwards heads its own column only.
    expect((t.columns ?? []).map((c) => c.name)).toEqual(["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
    const wan = (cents: number): number | null => (cents === 0 ? null : cents / 100);
    for (const [code, , fiscal, business, operating, other] of lines) {
      const key = code === "" ? "total" : code;
      const got = (t.columns ?? []).map((c) => cell(t, key, c.key));
      expect(got, key).toEqual([wan(fiscal + business + operating + other), wan(fiscal), null, wan(business), wan(operating), null, wan(other)]);
    }
  });

  // Calc wraps a heading in its column and centres it there, top to bottom too: a one-line
  // heading stands level with the middle of a wrapped one beside it.
  it("reads T5's headings wrapped in narrow columns under the heading over them", async () => {
    const lines: [string, string, number, number][] = [
      ["208", "社会保障和就业支出", 18364, 0],
      ["20805", "行政事业单位养老支出", 18364, 0],
      ["213", "农林水支出", 75173, 33279],
      ["21301", "农业农村", 75173, 33279],
      ["2130104", "事业运行", 75173, 3956],
      ["2130199", "其他农业农村支出", 0, 29323],
    ];
    const money = (cents: number): string => (cents === 0 ? "" : (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 }));
    const classes = lines.filter(([code]) => code.length === 3);
    const sum = (k: 2 | 3): number => classes.reduce((a, l) => a + l[k], 0);
    const t = await read([60, 150, 44, 44, 44], 0.6, {
      above: ["2022年度一般公共预算财政拨款支出决算表（表5）", "部门：示例市示例局                金额单位：万元"],
      header: [
        [{ text: "项 目", span: 2 }, "", { text: "本年支出", span: 3 }, "", ""],
        ["科目编码", "科目名称", "小计", "基本支\n出", "项目支\n出"],
        [{ text: "栏次", span: 2 }, "", "1", "2", "3"],
      ],
      rows: [[{ text: "合 计", span: 2 }, "", money(sum(2) + sum(3)), money(sum(2)), money(sum(3))], ...lines.map(([code, name, basic, project]) => [code, name, money(basic + project), money(basic), money(project)])],
    }, "T5", ["left"]);
    expect((t.columns ?? []).map((c) => c.name)).toEqual(["本年支出 / 小计", "本年支出 / 基本支出", "本年支出 / 项目支出"]);
    const wan = (cents: number): number | null => (cents === 0 ? null : cents / 100);
    expect(cell(t, "total", "project")).toBe(wan(sum(3)));
    for (const [code, , basic, project] of lines) expect([cell(t, code, "total"), cell(t, code, "basic"), cell(t, code, "project")], code).toEqual([wan(basic + project), wan(basic), wan(project)]);
  });

  it("reads a T7 heading wrapped in its block beside one-line headings, none of them heading the others", async () => {
    // 公务用车运行维护 / 费 wraps in its two columns; 小计 and 公务用车购置费 beside it take one
    // line; 预算数 | 决算数 under every item are leaves, no part of any item's heading.
    const figures = ["43.49", "39.67", "0", "", "35.77", "32.89", "0", "", "35.77", "32.89", "7.72", "6.78"];
    const t = await read(Array<number>(12).fill(44), 1, {
      above: ["2024年度财政拨款“三公”经费支出决算表", "单位：万元"],
      header: [
        [{ text: "财政拨款“三公”经费", span: 12 }, "", "", "", "", "", "", "", "", "", "", ""],
        [{ text: "合计", span: 2, rows: 2 }, "", { text: "因公出国（境）费", span: 2, rows: 2 }, "", { text: "公务用车购置及运行维护费", span: 6 }, "", "", "", "", "", { text: "公务接待费", span: 2, rows: 2 }, ""],
        ["", "", "", "", { text: "小计", span: 2 }, "", { text: "公务用车购置费", span: 2 }, "", { text: "公务用车运行维护\n费", span: 2 }, "", "", ""],
        Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? "预算数" : "决算数")),
      ],
      rows: [figures],
    }, "T7");
    const keys = ["total", "abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"];
    const want = Object.fromEntries(keys.flatMap((k, i) => [[`budget_${k}`, figures[2 * i] === "" ? null : Number(figures[2 * i])], [`actual_${k}`, figures[2 * i + 1] === "" ? null : Number(figures[2 * i + 1])]]));
    expect(Object.fromEntries(Object.keys(want).map((k) => [k, cell(t, "total", k)]))).toEqual(want);
  });

  it("reads an empty T8's columns from its headings, its 合计 row centred over 编码|名称", async () => {
    const t = await read([60, 490, 34, 34, 34, 34, 34, 34], 0.6, {
      above: ["2022年度政府性基金预算财政拨款收入支出决算表（表8）", "部门：示例市示例局                金额单位：万元"],
      header: [
        [
          { text: "项 目", span: 2 },
          "",
          { text: "年初结\n转和结\n余", span: 1, rows: 2 },
          { text: "本年收\n入", span: 1, rows: 2 },
          { text: "本年支出", span: 3 },
          "",
          "",
          { text: "年末结\n转和结\n余", span: 1, rows: 2 },
        ],
        ["功能分类科目\n编码", "科目名称", "", "", "小计", "基本支\n出", "项目支\n出", ""],
        [{ text: "栏次", span: 2 }, "", "1", "2", "3", "4", "5", "6"],
      ],
      rows: [[{ text: "合 计", span: 2 }, "", "", "", "", "", "", ""]],
      below: ["注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"],
    }, "T8", undefined, true);
    expect((t.columns ?? []).map((c) => c.key)).toEqual(["carry_begin", "income", "total", "basic", "project", "carry_end"]);
    expect((t.columns ?? []).map((c) => c.name)).toEqual(["年初结转和结余", "本年收入", "本年支出 / 小计", "本年支出 / 基本支出", "本年支出 / 项目支出", "年末结转和结余"]);
    expect(t.cells.filter((c) => c.row === "total").map((c) => c.value)).toEqual([null, null, null, null, null, null]);
    // 编码, 名称 and the six figure columns: none for 合计 (nor for 项 目 over 栏次) between 编码 and 名称.
    expect(await unruledColumns(lastPdf!)).toEqual([8]);
  });

  // A page printed from an HTML table with no borders: a row is as tall as its most wrapped
  // cell, the others centred in it, so another group's name and figure stand between the
  // lines of a wrapped name.
  it("keeps a T6 name wrapped round its row's figure, beside another group's coded name", async () => {
    const t = await read([110, 40, 110, 40, 110, 40], 3, {
      above: ["2023年度一般公共预算财政拨款基本支出决算明细表（表6）", "部门：示例市示例局                金额单位：万元"],
      header: [
        [{ text: "人员经费", span: 2 }, "", { text: "公用经费", span: 4 }, "", "", ""],
        ["科目名称", "决算数", "科目名称", "决算数", "科目名称", "决算数"],
      ],
      rows: [
        ["301工资福利支出", "92.86", "302商品和服务支出", "17.72", "310资本性支出", "3.07"],
        ["30101基本工资", "66.32", "30201办公费", "11.47", "31002办公设备购置", "3.07"],
        ["30112其他社会保障缴费", "1.20", "30211差旅费", "2.83", "", ""],
        ["30113住房公积金", "25.34", "30212因公出国（境）费\n用", "1.91", "", ""],
        ["30114医疗费", "", "30231公务用车运行维护\n费", "1.51", "", ""],
        ["人员经费合计", "92.86", "公用经费合计", "", "", "20.79"],
      ],
    }, "T6", ["left", undefined, "left", undefined, "left"]);
    const amounts = Object.fromEntries(t.cells.filter((c) => c.col === "amount").map((c) => [c.row, c.value]));
    expect(amounts).toMatchObject({ "30113": 25.34, "30211": 2.83, "30212": 1.91, "30231": 1.51, "30114": null });
    expect(t.rows.find((r) => r.key === "30212")?.name).toBe("因公出国（境）费用");
  });
});
