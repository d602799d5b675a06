// A table the report declares empty ("本单位本年度无政府性基金预算财政拨款收入支出，
// 故本表为空表"; "本表无数据") is read as empty with its statement, wherever the
// statement stands: under the table, in its note, wrapped over lines, in the
// table's body, at the top of the next page. Zeros printed in its 合计 row
// ("0.00", "-") do not make it a table with figures; a figure does.
import { describe, expect, it } from "vitest";
import type { Table } from "../schemas/canonical.js";
import { extractPdf } from "../src/extract/index.js";
import { makeTablePdf, type TablePage, type TableRow } from "./support/cjk-tables.js";

const T9_TITLE = "2023年度国有资本经营预算财政拨款支出决算表";
const DEPARTMENT = "部门：示例市示例局                金额单位：万元";
const HEADER = ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"];
const T9_NOTE = "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。";

const t9 = (rows: readonly TableRow[], below: readonly string[]): TablePage => ({ above: ["表9", T9_TITLE, DEPARTMENT], header: [HEADER], rows, below });
const blankTotal = ["", "合计", "", "", ""];

async function readT9(pages: readonly TablePage[]): Promise<Table> {
  const pdf = await makeTablePdf({ widths: [70, 170, 90, 90, 90], ruled: true, pages });
  const tables = (await extractPdf(new Uint8Array(pdf))).tables;
  const t = tables.find((x) => x.id === "T9");
  expect(t, tables.map((x) => x.id).join(",")).toBeDefined();
  return t!;
}

describe("an empty table's statement", () => {
  it.each([
    {
      where: "under the table, its 合计 printed as 0.00",
      pages: [t9([["", "合计", "0.00", "0.00", "0.00"]], [T9_NOTE, "说明：本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。"])],
      statement: "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。",
    },
    {
      where: "under the table, zeros printed as -",
      pages: [t9([["", "合计", "-", "-", "-"]], ["本单位本年度无国有资本经营预算财政拨款支出"])],
      statement: "本单位本年度无国有资本经营预算财政拨款支出",
    },
    {
      where: "a sentence of the table's note",
      pages: [t9([blankTotal], ["注：本表反映国有资本经营预算财政拨款支出情况。本单位本年度无此项支出。"])],
      statement: "本单位本年度无此项支出。",
    },
    {
      where: "wrapped over two lines of its own",
      pages: [t9([blankTotal], [T9_NOTE, "说明：示例市示例局2023年度没有国有资本经营预算财政", "拨款支出，故本表无数据。"])],
      statement: "示例市示例局2023年度没有国有资本经营预算财政拨款支出，故本表无数据。",
    },
    {
      where: "a bracketed note, said as 没有使用",
      pages: [t9([blankTotal], ["（注：2023年没有使用国有资本经营预算拨款安排的支出。）"])],
      statement: "2023年没有使用国有资本经营预算拨款安排的支出。",
    },
    {
      where: "a note that says the table, blank, means none",
      pages: [t9([blankTotal], ["本表反映国有资本经营预算支出情况，此表如无数字则表示单位无该项支出。"])],
      statement: "本表反映国有资本经营预算支出情况，此表如无数字则表示单位无该项支出。",
    },
    {
      where: "said as 不涉及",
      pages: [t9([blankTotal], ["本部门2023年度不涉及国有资本经营预算财政拨款支出。"])],
      statement: "本部门2023年度不涉及国有资本经营预算财政拨款支出。",
    },
    {
      where: "inside the table's body, across its row",
      pages: [t9([blankTotal, { spread: "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。" }], [T9_NOTE])],
      statement: "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。",
    },
    {
      where: "inside the table's body, in place of its rows",
      pages: [t9([{ spread: "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。" }], [T9_NOTE])],
      statement: "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。",
      rows: [],
    },
    {
      where: "between its title and the table",
      pages: [{ above: ["表9", T9_TITLE, DEPARTMENT, "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。"], header: [HEADER], rows: [blankTotal], below: [T9_NOTE] }],
      statement: "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。",
    },
    {
      where: "at the top of the next page",
      pages: [t9([blankTotal], [T9_NOTE]), { above: ["本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。"], header: [], rows: [] }],
      statement: "本单位本年度无国有资本经营预算财政拨款支出，故本表为空表。",
    },
  ])("$where", async ({ pages, statement, rows = ["total"] }) => {
    const t = await readT9(pages);
    expect(t.empty).toBe(true);
    expect(t.empty_statement).toBe(statement);
    // What it prints, no more: the 合计 row, if any, never the statement.
    expect(t.rows.map((r) => r.key)).toEqual(rows);
  });

  it("a table with a figure is not empty, whatever its text says", async () => {
    const t = await readT9([t9([["", "合计", "12.30", "", "12.30"], ["223", "国有资本经营预算支出", "12.30", "", "12.30"]], ["本单位本年度无国有资本经营预算财政拨款基本支出。"])]);
    expect(t.empty).toBeUndefined();
    expect(t.cells.find((c) => c.row === "total" && c.col === "total")?.value).toBe(12.3);
  });

  it("zeros with no statement are a table of zeros, not an empty one", async () => {
    const t = await readT9([t9([["", "合计", "0.00", "0.00", "0.00"]], [T9_NOTE])]);
    expect(t.empty).toBeUndefined();
  });
});
