// Small table PDFs in Chinese (Noto Sans SC), drawn with pdfkit the way an
// office document prints them: caption lines, a header, body rows, text
// under the table; ruled or not. Each page is drawn as given, so a test says
// exactly what repeats on a continuation page.
import { drawCjkPdf } from "./cjk-pdf.js";

/**
 * A cell's text ("" for none; "\n" between the lines of wrapped text), or one
 * centred over `span` columns from its own and, in the header, over `rows`
 * rows from its own (ruled, only the vertical rulings across it are left out).
 */
export type TableCell = string | { readonly text: string; readonly span: number; readonly rows?: number };

/** A row: its cells (those a spanning cell covers left ""), or one text spread over the whole row (a statement inside the table). */
export type TableRow = readonly TableCell[] | { readonly spread: string };

export interface TablePage {
  /** Lines above the table, top to bottom (table number, title, 部门/单位 line). */
  readonly above: readonly string[];
  /** Header rows; each lists one cell per column. */
  readonly header: readonly (readonly TableCell[])[];
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
  /**
   * Which ruling lines a ruled table draws: round every cell (the default); the
   * column lines and a frame, but no line between body rows, as many Word
   * tables print; or a three-line table (三线表: above and below the header, and
   * under the last row).
   */
  readonly rules?: "grid" | "columns" | "three-line";
  /**
   * Room between a cell's text and its border, each side (3 unless given). A
   * spreadsheet's is next to none: a right-aligned figure then stands flush
   * against the next column's left-aligned label.
   */
  readonly padding?: number;
  /** How each column's body text is aligned, where not as usual (figures and codes right, text left). */
  readonly align?: readonly ("left" | "right" | "center" | undefined)[];
  /** A4 on its side (else upright). */
  readonly landscape?: boolean;
  readonly pages: readonly TablePage[];
}

const LEFT = 50;
const TOP = 50;
const ROW = 18;
/** The text's size in points. */
export const SIZE = 9;
/** Lines of text wrapped in a cell stand this far apart, as a spreadsheet sets them. */
const PITCH = SIZE + 1;
/** Lines of text under a table stand as close as a paragraph's (a wrapped note reads on). */
const LINE = 13;
const FIGURE = /^[-\d,.]+$/;

const textOf = (cell: TableCell): string => (typeof cell === "string" ? cell : cell.text);
const rowsOf = (cell: TableCell): number => (typeof cell === "string" ? 1 : (cell.rows ?? 1));

export function makeTablePdf(spec: TableDoc): Promise<Buffer> {
  const pad = spec.padding ?? 3;
  return drawCjkPdf((doc) => {
    doc.fontSize(SIZE);
    for (const page of spec.pages) {
      const widths = page.widths ?? spec.widths;
      const width = widths.reduce((a, b) => a + b, 0);
      const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [LEFT]);
      doc.addPage({ size: spec.landscape ? [842, 595] : [595, 842], margin: 0 });
      let y = TOP;
      for (const line of page.above) {
        doc.text(line, LEFT, y, { width, align: "center", lineBreak: false });
        y += ROW;
      }
      const rows: TableRow[] = [...page.header, ...page.rows];
      // A row is as tall as its most wrapped cell's lines ("\n" parts them), at least ROW.
      const heights = rows.map((row) => ("spread" in row ? ROW : Math.max(ROW, ...row.filter((k) => rowsOf(k) === 1).map((k) => textOf(k).split("\n").length * PITCH + ROW - SIZE))));
      const tops = heights.reduce<number[]>((acc, h) => [...acc, acc[acc.length - 1]! + h], [y]);
      rows.forEach((row, r) => {
        const ty = tops[r]! + (ROW - SIZE) / 2 - 1;
        if ("spread" in row) {
          doc.text(row.spread, xs[0]! + 3, ty, { lineBreak: false });
          return;
        }
        row.forEach((cell, c) => {
          const text = textOf(cell);
          if (text === "") return;
          const span = typeof cell === "string" ? 1 : cell.span;
          const w = xs[c + span]! - xs[c]! - 2 * pad;
          const header = r < page.header.length;
          // Headings (栏次 numbers too) and texts over several columns are centred.
          const align = header || span > 1 ? "center" : (spec.align?.[c] ?? (FIGURE.test(text) ? "right" : "left"));
          const lines = text.split("\n");
          const height = tops[r + rowsOf(cell)]! - tops[r]!;
          lines.forEach((line, k) => {
            const ly = ty + (height - ROW - (lines.length - 1) * PITCH) / 2 + k * PITCH;
            // A figure ends at its column's right edge: one wider than its column runs on to the left.
            if (align === "right") doc.text(line, xs[c + span]! - pad - doc.widthOfString(line), ly, { lineBreak: false });
            else doc.text(line, xs[c]! + pad, ly, { width: w, align, lineBreak: false });
          });
        });
      });
      const bottom = tops[rows.length]!;
      if (spec.ruled && rows.length > 0) {
        doc.lineWidth(0.5);
        const rules = spec.rules ?? "grid";
        // Body rows are parted by lines only in a grid; the others rule the header off and close the table.
        const across = rules === "grid" ? tops.map((_, r) => r) : [...new Set([0, page.header.length, rows.length])];
        for (const r of across) doc.moveTo(LEFT, tops[r]!).lineTo(LEFT + width, tops[r]!).stroke();
        if (rules !== "three-line") rows.forEach((row, r) => {
          // No ruling through a cell spanning columns.
          const inner = "spread" in row ? [xs[0]!, xs[xs.length - 1]!] : xs.filter((_, k) => !row.some((cell, c) => typeof cell !== "string" && k > c && k < c + cell.span));
          for (const x of inner) doc.moveTo(x, tops[r]!).lineTo(x, tops[r + 1]!).stroke();
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
