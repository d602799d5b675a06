// Identity-guided re-reading of text layers (point 7 of the other-producers
// issue): a figure drawn right across a ruling, half its glyphs on either
// side, is cut in two by the first reading; the table then breaks an
// identity, and the whole figure printed there is the reading that mends it.
// A figure printed wrong stays as printed: nothing is worked out.
import { describe, expect, it } from "vitest";
import { drawCjkPdf } from "./support/cjk-pdf.js";
import { extractPdf, type Extraction } from "../src/extract/index.js";

const SIZE = 9;
const ROW = 16;
/** Column rulings of a T1 (收入支出决算总表): 项目 | 行次 | 金额 | 项目 | 行次 | 金额. */
const XS = [40, 190, 220, 290, 440, 470, 555];

interface Line {
  readonly label: string;
  readonly figure: string;
  /** The figure's centre sits on the ruling after its cell. */
  readonly straddles?: boolean;
  readonly expense: string;
  readonly spent: string;
}

/** One T1 page of three income lines, their total, and the spending side. */
function makeT1(lines: readonly Line[]): Promise<Buffer> {
  return drawCjkPdf((doc) => {
    doc.addPage({ size: "A4", margin: 0 });
    doc.fontSize(14).text("2021年度收入支出决算总表", 200, 60, { lineBreak: false });
    doc.fontSize(SIZE).text("部门：测试市测试区测试局", 40, 90, { lineBreak: false });
    doc.text("金额单位：万元", 480, 90, { lineBreak: false });
    const top = 105;
    const header = ["项目", "行次", "金额", "项目", "行次", "金额"];
    const rows = 1 + lines.length;
    const bottom = top + ROW * rows;
    doc.lineWidth(0.5);
    for (let r = 0; r <= rows; r++) doc.moveTo(XS[0]!, top + r * ROW).lineTo(XS[6]!, top + r * ROW).stroke();
    for (const x of XS) doc.moveTo(x, top).lineTo(x, bottom).stroke();
    const at = (r: number): number => top + r * ROW + (ROW - SIZE) / 2;
    header.forEach((t, c) => doc.text(t, XS[c]! + 3, at(0), { lineBreak: false }));
    lines.forEach((line, i) => {
      const y = at(1 + i);
      doc.text(line.label, XS[0]! + 2, y, { lineBreak: false });
      doc.text(String(i + 1), XS[1]! + 10, y, { lineBreak: false });
      const w = doc.widthOfString(line.figure);
      const left = line.straddles ? XS[3]! - w / 2 : XS[3]! - 3 - w;
      doc.text(line.figure, left, y, { lineBreak: false });
      doc.text(line.expense, Math.max(left + w, XS[3]!) + 1.5, y, { lineBreak: false });
      doc.text(String(31 + i), XS[4]! + 8, y, { lineBreak: false });
      doc.text(line.spent, XS[6]! - 3 - doc.widthOfString(line.spent), y, { lineBreak: false });
    });
  });
}

const lines = (total: string): Line[] => [
  // Eight glyphs, four either side of the line: the first reading cuts it in two.
  { label: "一、一般公共预算财政拨款收入", figure: "8,350.14", straddles: true, expense: "一、一般公共服务支出", spent: "8,756.81" },
  { label: "二、政府性基金预算财政拨款收入", figure: "406.67", expense: "二、外交支出", spent: "" },
  { label: "本年收入合计", figure: total, expense: "本年支出合计", spent: "8,756.81" },
];

const t1 = (x: Extraction) => {
  const t = x.tables.find((tb) => tb.id === "T1");
  if (!t) throw new Error(`no T1 among ${x.tables.map((tb) => tb.id).join(", ")}`);
  return t;
};
const value = (x: Extraction, row: string) => t1(x).cells.find((c) => c.row === row && c.col === "amount")?.value;

describe("identity-guided re-reading of a text layer", () => {
  it("reads a figure cut by a ruling whole when that mends the identity it broke", async () => {
    const x = await extractPdf(new Uint8Array(await makeT1(lines("8,756.81"))));
    expect(value(x, "fiscal_general")).toBe(8350.14);
    expect(value(x, "fiscal_gov_fund")).toBe(406.67);
    expect(value(x, "income_total")).toBe(8756.81);
    // The spending side's label keeps its own text.
    expect(t1(x).rows.find((r) => r.key === "201")?.name).toBe("一、一般公共服务支出");
  }, 60_000);

  it("leaves a figure printed wrong as printed, and the identity broken", async () => {
    // The total is printed 0.10 too high: no reading on the page makes that identity hold. The cut
    // figure is still read whole (it mends the spending side, whose 201 line the cut had lost).
    const x = await extractPdf(new Uint8Array(await makeT1(lines("8,756.91"))));
    expect(value(x, "income_total")).toBe(8756.91);
    expect(value(x, "fiscal_general")).toBe(8350.14);
    const { validateReport } = await import("../src/validate/index.js");
    const broken = validateReport({ tables: x.tables, year: x.year, printed_unit: x.printed_unit, narrative: [] }).filter((f) => f.severity === "error");
    expect(broken.map((f) => `${f.table}.${f.row}`)).toContain("T1.income_total");
  }, 60_000);
});
