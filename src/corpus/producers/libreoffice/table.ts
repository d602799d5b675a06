// A printed table (layout/printed-table.ts, the model the pdfkit renderer
// draws) as a Writer table: one table:table-column per printed column, merged
// cells as number-columns/rows-spanned with covered cells, borders on every
// cell when ruled, header rows marked to repeat on each page when asked.
// Font sizes come from the same layout pass (placeTable), so amount columns
// shrink as they do in the pdfkit rendering.
import type { GridRow, PrintedTable } from "../../layout/printed-table.js";
import { placeTable, type GridMetrics } from "../../layout/table-grid.js";
import type { CellAlign } from "../../templates/types.js";
import { AutoStyles, inline, paragraphStyle, pt } from "./xml.js";

export interface WriterTableOptions {
  readonly name: string;
  readonly ruled: boolean;
  readonly ruleWidth: number;
  /** Header rows repeat at the top of every page the table runs onto. */
  readonly repeatHeader: boolean;
  readonly metrics: GridMetrics;
  /** Cell line height over font size. */
  readonly lineFactor: number;
}

const ALIGN: Readonly<Record<CellAlign, "start" | "center" | "end">> = {
  left: "start",
  center: "center",
  right: "end",
  // Writer has no 分散对齐 for ideographs; word processors' exports centre such a label.
  distribute: "center",
};

export function writerTable(styles: AutoStyles, t: PrintedTable, o: WriterTableOptions): { xml: string; width: number } {
  const ncols = t.widths.length;
  const width = t.widths.reduce((s, w) => s + w, 0);
  const placed = placeTable(t, o.metrics);
  const tableStyle = styles.add(
    "table",
    "",
    `<style:table-properties style:width="${pt(width)}" table:align="center" fo:margin-top="0pt" fo:margin-bottom="0pt" style:may-break-between-rows="true"/>`,
  );
  const columns = t.widths
    .map((w) => `<table:table-column table:style-name="${styles.add("table-column", "", `<style:table-column-properties style:column-width="${pt(w)}"/>`)}"/>`)
    .join("");
  const border = o.ruled ? `${pt(o.ruleWidth)} solid #000000` : "none";
  const cellStyle = styles.add(
    "table-cell",
    "",
    `<style:table-cell-properties style:vertical-align="middle" fo:padding-left="${pt(o.metrics.padX)}" fo:padding-right="${pt(o.metrics.padX)}" fo:padding-top="${pt(o.metrics.padY)}" fo:padding-bottom="${pt(o.metrics.padY)}" fo:border="${border}"/>`,
  );
  const all: GridRow[] = [...t.header, ...t.body];
  // Body cells take their column's shrunk size from the layout pass.
  const sizes: (number | undefined)[][] = [
    ...t.header.map((r) => r.cells.map(() => undefined)),
    ...t.body.map((r, i) => r.cells.map((_, j) => placed.body[i]?.cells[j]?.fontSize)),
  ];
  const covered = all.map(() => new Array<boolean>(ncols).fill(false));
  const rowsXml = all.map((row, r) => {
    const rowStyle = styles.add(
      "table-row",
      "",
      `<style:table-row-properties style:min-row-height="${pt(row.minHeight)}" fo:keep-together="always"/>`,
    );
    const starts = new Map(row.cells.map((c, j) => [c.col, { c, size: sizes[r]?.[j] ?? t.fontSize }]));
    const out: string[] = [];
    for (let col = 0; col < ncols; col++) {
      if (covered[r]?.[col]) {
        out.push("<table:covered-table-cell/>");
        continue;
      }
      const start = starts.get(col);
      if (!start) {
        out.push(`<table:table-cell table:style-name="${cellStyle}"><text:p text:style-name="${paragraphStyle(styles, { size: t.fontSize, lineHeight: t.fontSize * o.lineFactor })}"/></table:table-cell>`);
        continue;
      }
      const { c, size } = start;
      const rowSpan = Math.min(c.rowSpan, all.length - r);
      const colSpan = Math.min(c.colSpan, ncols - col);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr || dc) covered[r + dr]![col + dc] = true;
      const p = paragraphStyle(styles, { size, align: ALIGN[c.align], lineHeight: size * o.lineFactor });
      const spans = `${colSpan > 1 ? ` table:number-columns-spanned="${colSpan}"` : ""}${rowSpan > 1 ? ` table:number-rows-spanned="${rowSpan}"` : ""}`;
      const text = c.text === "" ? `<text:p text:style-name="${p}"/>` : `<text:p text:style-name="${p}">${inline(c.text)}</text:p>`;
      out.push(`<table:table-cell table:style-name="${cellStyle}"${spans}>${text}</table:table-cell>`);
    }
    return `<table:table-row table:style-name="${rowStyle}">${out.join("")}</table:table-row>`;
  });
  const head = rowsXml.slice(0, t.header.length).join("\n");
  const body = rowsXml.slice(t.header.length).join("\n");
  const headXml = o.repeatHeader && t.header.length ? `<table:table-header-rows>\n${head}\n</table:table-header-rows>` : head;
  return {
    xml: `<table:table table:name="${o.name}" table:style-name="${tableStyle}">${columns}\n${headXml}\n${body}\n</table:table>`,
    width,
  };
}
