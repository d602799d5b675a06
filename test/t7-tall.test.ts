// The 三公 table (T7) read in both orientations into the same twelve canonical
// cells: printed tall (items down the rows, 预算数/决算数 across) and wide (the
// series across with 公务用车购置及运行费 over 小计/购置费/运行费). Each test draws
// its table with pdfkit in Noto Sans SC and reads it through the real extractor.
import { describe, expect, it } from "vitest";
import type { Table } from "../schemas/canonical.js";
import { extractPdf } from "../src/extract/index.js";
import { drawCjkPdf } from "./support/cjk-pdf.js";

/** One table page: lines above it, then its rows; "^" continues the cell above, "<" the cell to the left. */
interface Page {
  readonly above: readonly string[];
  readonly widths: readonly number[];
  readonly rows: readonly (readonly string[])[];
}

const LEFT = 40;
const ROW = 22;
const SIZE = 8;

function makePdf(page: Page): Promise<Buffer> {
  return drawCjkPdf((doc) => {
    doc.fontSize(SIZE);
    doc.addPage({ size: [842, 595], margin: 0 });
    const xs = page.widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [LEFT]);
    let y = 40;
    for (const line of page.above) {
      doc.text(line, LEFT, y, { width: xs[xs.length - 1]! - LEFT, align: "center", lineBreak: false });
      y += ROW;
    }
    const top = y;
    doc.lineWidth(0.5);
    page.rows.forEach((row, r) => {
      row.forEach((text, c) => {
        if (text === "^" || text === "<") return;
        let c1 = c + 1;
        while (row[c1] === "<") c1++;
        let r1 = r + 1;
        while (page.rows[r1]?.[c] === "^") r1++;
        const [x0, x1, y0, y1] = [xs[c]!, xs[c1]!, top + r * ROW, top + r1 * ROW];
        doc.rect(x0, y0, x1 - x0, y1 - y0).stroke();
        if (text === "") return;
        const figure = /^[-\d,.]+$/.test(text);
        doc.text(text, x0 + 3, (y0 + y1) / 2 - SIZE / 2 - 1, { width: x1 - x0 - 6, align: figure ? "right" : "center", lineBreak: false });
      });
    });
  });
}

const CAPTION = ["表7", "2023年度一般公共预算财政拨款“三公”经费支出决算表", "编制单位：某某区某某局                                        金额单位：万元"];

async function readT7(page: Page): Promise<Table> {
  const x = await extractPdf(new Uint8Array(await makePdf(page)));
  const t7 = x.tables.find((t) => t.id === "T7");
  expect(t7, "T7 found").toBeDefined();
  return t7!;
}

const cellsOf = (t: Table): Record<string, number | null> => Object.fromEntries(t.cells.map((c) => [`${c.row}|${c.col}`, c.value]));

const TWELVE = {
  "total|budget_total": 14.46,
  "total|budget_abroad": 1.2,
  "total|budget_vehicle": 10.37,
  "total|budget_vehicle_purchase": 3,
  "total|budget_vehicle_operation": 7.37,
  "total|budget_reception": 2.89,
  "total|actual_total": 9.85,
  "total|actual_abroad": null,
  "total|actual_vehicle": 7.14,
  "total|actual_vehicle_purchase": null,
  "total|actual_vehicle_operation": 7.14,
  "total|actual_reception": 2.71,
};

describe("T7 printed tall", () => {
  it("reads the items down the rows into the twelve canonical cells", async () => {
    const t7 = await readT7({
      above: CAPTION,
      widths: [260, 120, 120],
      rows: [
        ["项 目", "预算数", "决算数"],
        ["合计", "14.46", "9.85"],
        ["1.因公出国（境）费", "1.20", ""],
        ["2.公务用车购置及运行费", "10.37", "7.14"],
        ["其中：（1）公务用车购置费", "3.00", ""],
        ["（2）公务用车运行费", "7.37", "7.14"],
        ["3.公务接待费", "2.89", "2.71"],
      ],
    });
    expect(t7.rows.map((r) => r.key)).toEqual(["total"]);
    expect(cellsOf(t7)).toEqual(TWELVE);
    // Each cell points at its printed figure: the budget column left of the actual one.
    const at = (col: string): number => t7.cells.find((c) => c.col === col)!.bbox![0];
    expect(at("budget_reception")).toBeLessThan(at("actual_reception"));
    expect(t7.cells.every((c) => c.page === 1)).toBe(true);
  });

  it("keeps lines and columns that are no 三公 item, and a second budget series, as extra cells", async () => {
    const t7 = await readT7({
      above: CAPTION,
      widths: [200, 90, 90, 90, 110],
      rows: [
        ["项目", "年初预算数", "全年预算数", "决算数", "决算数比预算数增减"],
        ["一、因公出国（境）费", "1.20", "1.10", "", "-1.20"],
        ["二、公务用车购置及运行维护费", "10.37", "8.00", "7.14", "-3.23"],
        ["其中：", "", "", "", ""],
        ["1.公务用车购置费", "3.00", "", "", "-3.00"],
        ["2.公务用车运行维护费", "7.37", "8.00", "7.14", "-0.23"],
        ["三、公务接待费", "2.89", "2.80", "2.71", "-0.18"],
        ["四、会议费", "5.00", "5.00", "4.50", "-0.50"],
        ["“三公”经费合计", "14.46", "11.90", "9.85", "-4.61"],
      ],
    });
    const cells = cellsOf(t7);
    // The first of two budget series (年初) is the budget.
    for (const [k, v] of Object.entries(TWELVE)) expect(cells[k], k).toBe(v);
    // 会议费, 全年预算数 and the 增减 column stay, each under a key of its own, never one of the twelve.
    const extra = t7.cells.filter((c) => !(`${c.row}|${c.col}` in TWELVE));
    const figures = (xs: (number | null)[]): (number | null)[] => [...xs].sort((a, b) => (a ?? -99) - (b ?? -99));
    const added = [1.1, 8, null, 8, 2.8, 5, 11.9, -1.2, -3.23, -3, -0.23, -0.18, -0.5, -4.61, 5, 4.5];
    expect(figures(extra.map((c) => c.value))).toEqual(figures(added));
    expect(new Set(extra.map((c) => c.col)).size).toBe(extra.length);
    const names = (t7.columns ?? []).filter((c) => extra.some((e) => e.col === c.key)).map((c) => c.name);
    expect(names).toContain("年初预算数 / 四、会议费");
    expect(names).toContain("全年预算数 / 一、因公出国（境）费");
    expect(names).toContain("决算数 / 四、会议费");
  });

  it("reads a table with no figure at all, its 合计 last, as the twelve cells left blank", async () => {
    const t7 = await readT7({
      above: CAPTION,
      widths: [260, 120, 120],
      rows: [
        ["项目", "预算数", "决算数"],
        ["因公出国（境）费", "", ""],
        ["公务用车购置及运行费", "", ""],
        ["其中：公务用车购置费", "", ""],
        ["公务用车运行费", "", ""],
        ["公务接待费", "", ""],
        ["合计", "", ""],
      ],
    });
    expect(cellsOf(t7)).toEqual(Object.fromEntries(Object.keys(TWELVE).map((k) => [k, null])));
  });
});

describe("T7 printed wide", () => {
  it("reads 小计/购置费/运行费 under 公务用车购置及运行费 in each series", async () => {
    const t7 = await readT7({
      above: CAPTION,
      widths: Array(12).fill(66),
      rows: [
        ["预算数", "<", "<", "<", "<", "<", "决算数", "<", "<", "<", "<", "<"],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", "<", "<", "公务接待费", "合计", "因公出国（境）费", "公务用车购置及运行费", "<", "<", "公务接待费"],
        ["^", "^", "小计", "公务用车购置费", "公务用车运行费", "^", "^", "^", "小计", "公务用车购置费", "公务用车运行费", "^"],
        ["14.46", "1.20", "10.37", "3.00", "7.37", "2.89", "9.85", "", "7.14", "", "7.14", "2.71"],
      ],
    });
    expect(cellsOf(t7)).toEqual(TWELVE);
  });
});
