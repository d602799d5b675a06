// A table that runs onto the next page under its repeated title (Word documents
// and spreadsheets with print titles repeat "表3 …支出决算表", the 部门/单位 line
// and the header on every page) is one table with all its rows; the same title
// over other columns, or further off, is a second table.
import { describe, expect, it } from "vitest";
import type { Table } from "../schemas/canonical.js";
import { extractPdf } from "../src/extract/index.js";
import { makeTablePdf, type TablePage } from "./support/cjk-tables.js";

const TITLE = "2023年度支出决算表";
const DEPARTMENT = "部门：示例市示例局                金额单位：万元";
const HEADER = ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"];
const WIDTHS = [70, 170, 90, 90, 90];

interface Line {
  readonly code: string;
  readonly name: string;
  readonly basic: number;
  readonly project: number;
}

/** Function classes with their 款 and 项, figures in cents so the sums hold. */
function lines(): Line[] {
  const out: Line[] = [];
  ["201", "205", "208", "210", "221"].forEach((cls, i) => {
    const items: Line[] = [];
    for (const k of ["01", "02"]) {
      for (const x of ["01", "02", "99"]) {
        const n = items.length + 1;
        items.push({ code: cls + k + x, name: `示例事务${i + 1}${k}${x}支出`, basic: 1000 * n + 37 * i, project: 500 * n + 11 * i });
      }
    }
    const sum = (ls: readonly Line[]): [number, number] => [ls.reduce((a, l) => a + l.basic, 0), ls.reduce((a, l) => a + l.project, 0)];
    const [cb, cp] = sum(items);
    out.push({ code: cls, name: `示例类${i + 1}支出`, basic: cb, project: cp });
    for (const k of ["01", "02"]) {
      const under = items.filter((l) => l.code.slice(3, 5) === k);
      const [kb, kp] = sum(under);
      out.push({ code: cls + k, name: `示例款${i + 1}${k}`, basic: kb, project: kp }, ...under);
    }
  });
  return out;
}

const money = (cents: number): string => (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 });
const row = (l: Line): string[] => [l.code, l.name, money(l.basic + l.project), money(l.basic), money(l.project)];
const total = (ls: readonly Line[]): string[] => {
  const classes = ls.filter((l) => l.code.length === 3);
  const b = classes.reduce((a, l) => a + l.basic, 0);
  const p = classes.reduce((a, l) => a + l.project, 0);
  return ["", "合计", money(b + p), money(b), money(p)];
};

/** Reads the PDF and returns its tables. */
async function read(pages: readonly TablePage[], ruled = true): Promise<Table[]> {
  const pdf = await makeTablePdf({ widths: WIDTHS, ruled, pages });
  return (await extractPdf(new Uint8Array(pdf))).tables;
}

function expectWhole(tables: readonly Table[], all: readonly Line[]): void {
  expect(tables.map((t) => t.id)).toEqual(["T3"]);
  const t3 = tables[0]!;
  expect(t3.pages).toEqual([1, 2]);
  expect(t3.rows.map((r) => r.key)).toEqual(["total", ...all.map((l) => l.code)]);
  const cell = (r: string, c: string): number | null | undefined => t3.cells.find((x) => x.row === r && x.col === c)?.value;
  for (const l of all) {
    expect(cell(l.code, "basic"), l.code).toBeCloseTo(l.basic / 100, 2);
    expect(cell(l.code, "project"), l.code).toBeCloseTo(l.project / 100, 2);
  }
}

describe("a table continued under its repeated title", () => {
  const all = lines();
  const first = all.slice(0, 30);
  const rest = all.slice(30);
  const body1 = [total(all), ...first.map(row)];

  it("a ruled table with its number, title, 部门/单位 line and header repeated is one table", async () => {
    const above = ["表3", TITLE, DEPARTMENT];
    const tables = await read([
      { above, header: [HEADER], rows: body1 },
      { above, header: [HEADER], rows: rest.map(row), below: ["注：本表反映部门本年度各项支出情况。"] },
    ]);
    expectWhole(tables, all);
  });

  it("a title marked （续表） over the same columns, the header not repeated, continues it", async () => {
    const tables = await read([
      { above: [TITLE, DEPARTMENT], header: [HEADER], rows: body1 },
      { above: [`${TITLE}（续表）`, DEPARTMENT], header: [], rows: rest.map(row) },
    ]);
    expectWhole(tables, all);
  });

  it("an unruled table with its title, 单位 line and header repeated is one table", async () => {
    const above = [TITLE, DEPARTMENT];
    const tables = await read(
      [
        { above, header: [HEADER], rows: body1 },
        { above, header: [HEADER], rows: rest.map(row) },
      ],
      false,
    );
    expectWhole(tables, all);
  });

  it("the same title over other columns on the next page is a second table, kept as an extra", async () => {
    const tables = await read([
      { above: [TITLE, DEPARTMENT], header: [HEADER], rows: body1 },
      { above: [TITLE, DEPARTMENT], header: [HEADER], rows: rest.map(row), widths: [60, 150, 100, 100, 100] },
    ]);
    expect(tables.map((t) => t.id)).toEqual(["T3", "X1"]);
  });

  it("the same title over the same columns with headings of its own is a second table (forms printed one per item)", async () => {
    const tables = await read([
      { above: [TITLE, DEPARTMENT], header: [HEADER], rows: body1 },
      { above: [TITLE, DEPARTMENT], header: [["功能分类编码", "功能分类名称", "合计", "人员支出", "公用支出"]], rows: rest.map(row) },
    ]);
    expect(tables.map((t) => t.id)).toEqual(["T3", "X1"]);
    expect(tables[0]!.pages).toEqual([1]);
  });

  it("a copy of a table that starts over (its first rows again) is a second table, kept as an extra", async () => {
    const tables = await read([
      { above: [TITLE, DEPARTMENT], header: [HEADER], rows: body1 },
      { above: [TITLE, DEPARTMENT], header: [HEADER], rows: body1.slice(0, 12) },
    ]);
    expect(tables.map((t) => t.id)).toEqual(["T3", "X1"]);
    expect(tables[0]!.pages).toEqual([1]);
  });
});
