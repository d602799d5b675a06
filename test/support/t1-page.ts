// One ruled T1 page (收入支出决算总表) drawn with pdfkit in Noto Sans SC, its
// income figures placed against the ruling after their cell as a test asks:
// flush, drawn over it, or halved by it. The spending side's label starts
// right after the figure or the line, whichever is further, as spreadsheet
// exports print it.
import { drawCjkPdf } from "./cjk-pdf.js";

const SIZE = 9;
const ROW = 16;
/** Column rulings: 项目 | 行次 | 金额 | 项目 | 行次 | 金额. */
const XS = [40, 190, 220, 290, 440, 470, 555];

export interface T1Line {
  readonly label: string;
  readonly figure: string;
  /** Where the figure's right edge lies against the ruling after its cell (points; > 0 runs over it), or "halved": its middle on the line. */
  readonly at: number | "halved";
  readonly expense: string;
  /** The spending side's figure ("" or absent for none). */
  readonly spent?: string;
}

/** The page, its lines numbered 1… on the income side and 31… on the spending side, under a 收入 | 支出 banner. */
export function makeT1Page(lines: readonly T1Line[]): Promise<Buffer> {
  return drawCjkPdf((doc) => {
    doc.addPage({ size: "A4", margin: 0 });
    doc.fontSize(14).text("2021年度收入支出决算总表", 200, 60, { lineBreak: false });
    doc.fontSize(SIZE).text("部门：测试市测试区测试局", 40, 90, { lineBreak: false });
    doc.text("金额单位：万元", 480, 90, { lineBreak: false });
    const top = 105;
    const header = ["项目", "行次", "金额", "项目", "行次", "金额"];
    const rows = 2 + lines.length;
    const bottom = top + ROW * rows;
    doc.lineWidth(0.5);
    for (let r = 0; r <= rows; r++) doc.moveTo(XS[0]!, top + r * ROW).lineTo(XS[6]!, top + r * ROW).stroke();
    XS.forEach((x, i) => {
      // The banner spans 项目 | 行次 | 金额 on each side.
      const from = i === 0 || i === 3 || i === 6 ? top : top + ROW;
      doc.moveTo(x, from).lineTo(x, bottom).stroke();
    });
    const at = (r: number): number => top + r * ROW + (ROW - SIZE) / 2;
    doc.text("收  入", 100, at(0), { lineBreak: false });
    doc.text("支  出", 350, at(0), { lineBreak: false });
    header.forEach((t, c) => doc.text(t, XS[c]! + 3, at(1), { lineBreak: false }));
    lines.forEach((line, i) => {
      const y = at(2 + i);
      doc.text(line.label, XS[0]! + 2, y, { lineBreak: false });
      doc.text(String(i + 1), XS[1]! + 10, y, { lineBreak: false });
      const w = doc.widthOfString(line.figure);
      const end = line.at === "halved" ? XS[3]! + w / 2 : XS[3]! + line.at;
      doc.text(line.figure, end - w, y, { lineBreak: false });
      doc.text(line.expense, Math.max(end, XS[3]!) + 1.2, y, { lineBreak: false });
      doc.text(String(31 + i), XS[4]! + 8, y, { lineBreak: false });
      const spent = line.spent ?? "";
      if (spent !== "") doc.text(spent, XS[6]! - 3 - doc.widthOfString(spent), y, { lineBreak: false });
    });
  });
}
