// Spreadsheet exports (LibreOffice Calc's among them) right-align a figure
// against its cell's ruling, flush or drawn over it, and the next cell's label
// starts right after the line: the text layer hands both over as one run. The
// ruling must not cut the figure, and the label keeps its own text.
import { beforeAll, describe, expect, it } from "vitest";
import { extractPdf, type Extraction } from "../src/extract/index.js";
import { makeT1Page, type T1Line } from "./support/t1-page.js";

const LINES: readonly (T1Line & { at: number })[] = [
  { label: "一、一般公共预算财政拨款收入", figure: "8,350.14", at: -0.6, expense: "一、一般公共服务支出" },
  { label: "二、政府性基金预算财政拨款收入", figure: "296,030.91", at: 4, expense: "二、外交支出" },
  { label: "三、国有资本经营预算财政拨款收入", figure: "406.67", at: 0.4, expense: "三、国防支出" },
];

describe("a figure against its cell's ruling", () => {
  let x: Extraction;
  beforeAll(async () => {
    x = await extractPdf(new Uint8Array(await makeT1Page(LINES)));
  }, 60_000);

  const t1 = () => {
    const t = x.tables.find((tb) => tb.id === "T1");
    if (!t) throw new Error(`no T1 among ${x.tables.map((tb) => tb.id).join(", ")}`);
    return t;
  };
  const cell = (row: string, col: string) => t1().cells.find((c) => c.row === row && c.col === col);

  it("is read whole, flush against the line or drawn over it", () => {
    expect([cell("fiscal_general", "amount")?.value, cell("fiscal_gov_fund", "amount")?.value, cell("fiscal_state_capital", "amount")?.value]).toEqual(
      LINES.map((l) => Number(l.figure.replace(/,/g, ""))),
    );
  });

  it("leaves the label after the line its own text", () => {
    const names = new Map(t1().rows.map((r) => [r.key, r.name]));
    expect(["201", "202", "203"].map((k) => names.get(k))).toEqual(LINES.map((l) => l.expense));
  });
});
