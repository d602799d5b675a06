// Spreadsheet exports (LibreOffice Calc's among them) right-align a figure
// against its cell's ruling, flush or drawn over it, and the next cell's label
// starts right after the line: the text layer hands both over as one run. The
// ruling must not cut the figure, and the label keeps its own text.
import { beforeAll, describe, expect, it } from "vitest";
import { drawCjkPdf } from "./support/cjk-pdf.js";
import { extractPdf, type Extraction } from "../src/extract/index.js";

const SIZE = 9;
const ROW = 16;
/** Column rulings of a T1 (收入支出决算总表): 项目 | 行次 | 金额 | 项目 | 行次 | 金额. */
const XS = [40, 190, 220, 290, 440, 470, 555];

interface Line {
  readonly label: string;
  readonly no: string;
  readonly figure: string;
  /** Where the figure's right edge lies against the ruling after it (points; > 0 runs over it). */
  readonly over: number;
  readonly expense: string;
  readonly expenseNo: string;
}

const LINES: readonly Line[] = [
  { label: "一、一般公共预算财政拨款收入", no: "1", figure: "8,350.14", over: -0.6, expense: "一、一般公共服务支出", expenseNo: "31" },
  { label: "二、政府性基金预算财政拨款收入", no: "2", figure: "296,030.91", over: 4, expense: "二、外交支出", expenseNo: "32" },
  { label: "三、国有资本经营预算财政拨款收入", no: "3", figure: "406.67", over: 0.4, expense: "三、国防支出", expenseNo: "33" },
];

/** One T1 page: figures placed as `over` says, each expense label 1.2 pt after the figure or the line, whichever is further. */
function makeT1(): Promise<Buffer> {
  return drawCjkPdf((doc) => {
    doc.addPage({ size: "A4", margin: 0 });
    doc.fontSize(14).text("2021年度收入支出决算总表", 200, 60, { lineBreak: false });
    doc.fontSize(SIZE).text("部门：测试市测试区测试局", 40, 90, { lineBreak: false });
    doc.text("金额单位：万元", 480, 90, { lineBreak: false });
    const top = 105;
    const rows = [
      ["收  入", "", "", "支  出", "", ""],
      ["项目", "行次", "金额", "项目", "行次", "金额"],
    ];
    const bottom = top + ROW * (rows.length + LINES.length);
    doc.lineWidth(0.5);
    for (let r = 0; r <= rows.length + LINES.length; r++) doc.moveTo(XS[0]!, top + r * ROW).lineTo(XS[6]!, top + r * ROW).stroke();
    XS.forEach((x, i) => {
      // The first header row spans 项目 | 行次 | 金额 on each side.
      const from = i === 0 || i === 3 || i === 6 ? top : top + ROW;
      doc.moveTo(x, from).lineTo(x, bottom).stroke();
    });
    const at = (r: number): number => top + r * ROW + (ROW - SIZE) / 2;
    doc.text(rows[0]![0]!, 100, at(0), { lineBreak: false });
    doc.text(rows[0]![3]!, 350, at(0), { lineBreak: false });
    rows[1]!.forEach((t, c) => doc.text(t, XS[c]! + 3, at(1), { lineBreak: false }));
    LINES.forEach((line, i) => {
      const y = at(rows.length + i);
      doc.text(line.label, XS[0]! + 2, y, { lineBreak: false });
      doc.text(line.no, XS[1]! + 10, y, { lineBreak: false });
      const end = XS[3]! + line.over;
      doc.text(line.figure, end - doc.widthOfString(line.figure), y, { lineBreak: false });
      doc.text(line.expense, Math.max(end, XS[3]!) + 1.2, y, { lineBreak: false });
      doc.text(line.expenseNo, XS[4]! + 8, y, { lineBreak: false });
    });
  });
}

describe("a figure against its cell's ruling", () => {
  let x: Extraction;
  beforeAll(async () => {
    x = await extractPdf(new Uint8Array(await makeT1()));
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
