// Small table PDFs in Chinese (Noto Sans SC), drawn with pdfkit the way an
// office document prints them: caption lines, a header, body rows, text
// under the table; ruled or not. Each page is drawn as given, so a test says
// exactly what repeats on a continuation page.
import { drawCjkPdf } from "./cjk-pdf.js";

/** A body row: its cells, or one text spread over the whole row (a statement inside the table). */
export type TableRow = readonly string[] | { readonly spread: string };

export interface TablePage {
  /** Lines above the table, top to bottom (table number, title, 部门/单位 line). */
  readonly above: readonly string[];
  /** Header rows; each lists one text per column ("" for none). */
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly TableRow[];
  /** Lines under the table (notes, statements); with no header and rows, the page's only text. */
  readonly below?: readonly string[];
  /** Column widths of this page's table, where they differ from the document's. */
  readonly widths?: readonly number[];
}

export interface TableDoc {
  /** Column widths in points. */
  readonly widths: readonly number[];
  /** Ruling lines round every cell (else alignment alone shows the columns). */
  readonly ruled: boolean;
  readonly pages: readonly TablePage[];
}

const LEFT = 50;
const TOP = 50;
const ROW = 18;
const SIZE = 9;
/** Lines of text under a table stand as close as a paragraph's (a wrapped note reads on). */
const LINE = 13;
const FIGURE = /^[-\d,.]+$/;

export function makeTablePdf(spec: TableDoc): Promise<Buffer> {
  return drawCjkPdf((doc) => {
    doc.fontSize(SIZE);
    for (const page of spec.pages) {
      const widths = page.widths ?? spec.widths;
      const width = widths.reduce((a, b) => a + b, 0);
      const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [LEFT]);
      doc.addPage({ size: [595, 842], margin: 0 });
      let y = TOP;
      for (const line of page.above) {
        doc.text(line, LEFT, y, { width, align: "center", lineBreak: false });
        y += ROW;
      }
      const rows: TableRow[] = [...page.header, ...page.rows];
      const top = y;
      rows.forEach((row, r) => {
        const ty = top + r * ROW + (ROW - SIZE) / 2 - 1;
        if ("spread" in row) {
          doc.text(row.spread, xs[0]! + 3, ty, { lineBreak: false });
          return;
        }
        row.forEach((text, c) => {
          if (text === "") return;
          const w = widths[c]! - 6;
          doc.text(text, xs[c]! + 3, ty, { width: w, align: FIGURE.test(text) ? "right" : r < page.header.length ? "center" : "left", lineBreak: false });
        });
      });
      const bottom = top + rows.length * ROW;
      if (spec.ruled && rows.length > 0) {
        doc.lineWidth(0.5);
        for (let r = 0; r <= rows.length; r++) doc.moveTo(LEFT, top + r * ROW).lineTo(LEFT + width, top + r * ROW).stroke();
        rows.forEach((row, r) => {
          const inner = "spread" in row ? [xs[0]!, xs[xs.length - 1]!] : xs;
          for (const x of inner) doc.moveTo(x, top + r * ROW).lineTo(x, top + (r + 1) * ROW).stroke();
        });
      }
      y = bottom + 6;
      for (const line of page.below ?? []) {
        doc.text(line, LEFT, y, { lineBreak: false });
        y += LINE;
      }
    }
  });
}
