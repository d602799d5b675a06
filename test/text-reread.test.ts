// Identity-guided re-reading of text layers (point 7 of the other-producers
// issue): a figure drawn right across a ruling, half its glyphs on either
// side, is cut in two by the first reading; the table then breaks an
// identity, and the whole figure printed there is the reading that mends it.
// A figure printed wrong stays as printed: nothing is worked out.
import { describe, expect, it } from "vitest";
import { extractPdf, type Extraction } from "../src/extract/index.js";
import { makeT1Page, type T1Line } from "./support/t1-page.js";

const lines = (total: string): T1Line[] => [
  // Eight glyphs, four either side of the line: the first reading cuts it in two.
  { label: "一、一般公共预算财政拨款收入", figure: "8,350.14", at: "halved", expense: "一、一般公共服务支出", spent: "8,756.81" },
  { label: "二、政府性基金预算财政拨款收入", figure: "406.67", at: -3, expense: "二、外交支出" },
  { label: "本年收入合计", figure: total, at: -3, expense: "本年支出合计", spent: "8,756.81" },
];

const t1 = (x: Extraction) => {
  const t = x.tables.find((tb) => tb.id === "T1");
  if (!t) throw new Error(`no T1 among ${x.tables.map((tb) => tb.id).join(", ")}`);
  return t;
};
const value = (x: Extraction, row: string) => t1(x).cells.find((c) => c.row === row && c.col === "amount")?.value;

describe("identity-guided re-reading of a text layer", () => {
  it("reads a figure cut by a ruling whole when that mends the identity it broke", async () => {
    const x = await extractPdf(new Uint8Array(await makeT1Page(lines("8,756.81"))));
    expect(value(x, "fiscal_general")).toBe(8350.14);
    expect(value(x, "fiscal_gov_fund")).toBe(406.67);
    expect(value(x, "income_total")).toBe(8756.81);
    // The spending side's label keeps its own text.
    expect(t1(x).rows.find((r) => r.key === "201")?.name).toBe("一、一般公共服务支出");
  }, 60_000);

  it("leaves a figure printed wrong as printed, and the identity broken", async () => {
    // The total is printed 0.10 too high: no reading on the page makes that identity hold. The cut
    // figure is still read whole (it mends the spending side, whose 201 line the cut had lost).
    const x = await extractPdf(new Uint8Array(await makeT1Page(lines("8,756.91"))));
    expect(value(x, "income_total")).toBe(8756.91);
    expect(value(x, "fiscal_general")).toBe(8350.14);
    const { validateReport } = await import("../src/validate/index.js");
    const broken = validateReport({ tables: x.tables, year: x.year, printed_unit: x.printed_unit, narrative: [] }).filter((f) => f.severity === "error");
    expect(broken.map((f) => `${f.table}.${f.row}`)).toContain("T1.income_total");
  }, 60_000);
});
