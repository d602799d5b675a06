// What kind of document a report is, read from its own words on made input:
// a budget with no cover (its tables alone, as an Excel export prints them)
// names itself only in its tables' titles.
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { fontBytes } from "../src/corpus/render/fonts.js";
import { extractPdf } from "../src/extract/index.js";

const BODY = [
  ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
  ["21598", "超长期特别国债安排的支出", "8.46", "", "8.46"],
  ["", "合计", "8.46", "", "8.46"],
];
const XS = [60, 160, 400, 520, 640, 760];
const ROW = 24;

/**
 * Three pages whose tables carry their titles in a row of the ruled grid (no
 * text outside it: no cover, nothing for the front pages to say), then a
 * table titled `title` above its grid.
 */
function tablesOnly(title: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: [842, 595], margin: 0 });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("cjk", fontBytes("regular"));
    doc.font("cjk");
    const [left, right] = [XS[0]!, XS[XS.length - 1]!];
    const grid = (y0: number): void => {
      for (let r = 0; r <= BODY.length; r++) doc.moveTo(left, y0 + r * ROW).lineTo(right, y0 + r * ROW).stroke();
      for (const x of XS) doc.moveTo(x, y0).lineTo(x, y0 + BODY.length * ROW).stroke();
      BODY.forEach((row, r) => row.forEach((t, c) => t && doc.fontSize(10).text(t, XS[c]! + 4, y0 + r * ROW + 7, { lineBreak: false })));
    };
    ["预算01表 收支总表", "预算02表 收入总表", "预算03表 支出总表"].forEach((inGrid, i) => {
      if (i > 0) doc.addPage();
      doc.moveTo(left, 60).lineTo(right, 60).stroke();
      doc.moveTo(left, 60).lineTo(left, 60 + ROW).stroke();
      doc.moveTo(right, 60).lineTo(right, 60 + ROW).stroke();
      doc.fontSize(14).text(inGrid, 330, 65, { lineBreak: false });
      grid(60 + ROW);
    });
    doc.addPage();
    doc.fontSize(16).text(title, 250, 100, { lineBreak: false });
    doc.fontSize(10).text("金额单位：万元", 700, 136, { lineBreak: false });
    grid(154);
    doc.end();
  });
}

describe("the document's kind", () => {
  it("a budget without a cover is a budget by its tables' titles (预算07表), never by a fund's name", async () => {
    const budget = await extractPdf(new Uint8Array(await tablesOnly("预算07表 政府性基金预算支出表")));
    expect(budget.tables.map((t) => t.title)).toContain("预算07表政府性基金预算支出表");
    expect(budget.kind).toBe("budget");
    // 政府性基金预算 is a fund, which final accounts name too: a title that names only it names no kind.
    const fund = await extractPdf(new Uint8Array(await tablesOnly("表7 政府性基金预算财政拨款支出表")));
    expect(fund.tables.map((t) => t.title)).toContain("表7政府性基金预算财政拨款支出表");
    expect(fund.kind).not.toBe("budget");
    const final = await extractPdf(new Uint8Array(await tablesOnly("公开07表 政府性基金预算财政拨款支出决算表")));
    expect(final.kind).not.toBe("budget");
  });
});
