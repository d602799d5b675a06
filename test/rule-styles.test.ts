// Tables ruled in the other ways office documents print them: column lines and
// a frame but no line between body rows (many Word tables), and three-line
// tables (三线表: lines above and below the header and under the last row).
// Every body row is a row of its own, its figures in their columns.
import { describe, expect, it } from "vitest";
import { extractPdf } from "../src/extract/index.js";
import { makeTablePdf, type TableDoc } from "./support/cjk-tables.js";

const ROWS = [
  ["", "合计", "1,136.18", "499.22", "636.96"],
  ["201", "一般公共服务支出", "1,004.05", "367.09", "636.96"],
  ["20103", "政府办公厅（室）及相关机构事务", "1,004.05", "367.09", "636.96"],
  ["2010301", "行政运行", "367.09", "367.09", ""],
  // A name wrapped in its cell, its figures centred beside the two lines.
  ["2010399", "其他政府办公厅（室）及相关\n机构事务支出", "636.96", "", "636.96"],
  ["208", "社会保障和就业支出", "70.88", "70.88", ""],
  ["20805", "行政事业单位养老支出", "70.88", "70.88", ""],
  ["2080505", "机关事业单位基本养老保险缴费支出", "70.88", "70.88", ""],
  ["210", "卫生健康支出", "61.25", "61.25", ""],
  ["21011", "行政事业单位医疗", "61.25", "61.25", ""],
  ["2101101", "行政单位医疗", "61.25", "61.25", ""],
];

const doc = (rules: TableDoc["rules"]): TableDoc => ({
  widths: [60, 200, 80, 80, 80],
  ruled: true,
  rules,
  pages: [
    {
      above: ["2021年度支出决算表", "部门：测试市测试区测试局                         金额单位：万元"],
      header: [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]],
      rows: ROWS,
    },
  ],
});

describe.each(["columns", "three-line"] as const)("a table ruled as %s", (rules) => {
  it("reads every body row with its figures in their columns", async () => {
    const x = await extractPdf(new Uint8Array(await makeTablePdf(doc(rules))));
    const t3 = x.tables.find((t) => t.id === "T3");
    expect(t3, `T3 among ${x.tables.map((t) => t.id).join(", ")}`).toBeDefined();
    const got = (row: string, col: string) => t3!.cells.find((c) => c.row === row && c.col === col)?.value;
    for (const r of ROWS) {
      const key = r[0] === "" ? "total" : r[0]!;
      expect([got(key, "total"), got(key, "basic"), got(key, "project")], key).toEqual(r.slice(2).map((v) => (v === "" ? null : Number(v.replace(/,/g, "")))));
    }
    // One row per printed line of figures, the wrapped name whole.
    expect(t3!.rows.map((r) => r.key)).toEqual(ROWS.map((r) => (r[0] === "" ? "total" : r[0])));
    expect(t3!.rows.find((r) => r.key === "2010399")?.name).toBe("其他政府办公厅（室）及相关机构事务支出");
  }, 60_000);
});
