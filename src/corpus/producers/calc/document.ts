// A report source and its variant as a LibreOffice Calc workbook (Flat ODS),
// as a department that keeps its whole 决算 in a spreadsheet prints it: a
// cover sheet, the narrative in wrapped cells (a sheet per part), and each
// standard table on a sheet of its own — title and 部门/单位 line in merged
// rows, the header with merged cells, figures as text, right-aligned with no
// padding so they sit flush against the ruling, amount columns as tight as
// their widest figure, and, once per report, a column narrower than its
// widest figure: the figure runs over the ruling into the empty cell on its
// left, as Calc draws text that overflows into an empty neighbour. Row
// heights are set here and every page break is a manual one, so where each
// table and row lands is known without reading the PDF (index.ts checks it).
import type { ComposedTable } from "../../compose/standard-table.js";
import { resolveWidths, type GridCell, type GridRow } from "../../layout/printed-table.js";
import { wrapText } from "../../layout/text-wrap.js";
import { STYLE } from "../../render/style.js";
import type { Block, ReportSource, SourceTable } from "../../source/schema.js";
import { templateFor } from "../../templates/index.js";
import type { CellAlign } from "../../templates/types.js";
import type { Variant } from "../../variant.js";
import { captionFor, expectationOf, type TableExpectation } from "../expectation.js";
import { fontOf } from "../fonts.js";
import { chartSvg } from "../libreoffice/chart.js";
import { contentHeight, contentWidth, fontWidth, PORTRAIT, TABLE_LANDSCAPE, TABLE_PORTRAIT, titleSizeFor, type PageGeometry } from "../measure.js";
import type { Located } from "../readback.js";
import { composeOnPage, tablePage } from "../table-page.js";
import type { CellStyle, MasterName, Sheet, SheetCell, SheetRow } from "./sheet.js";

/** Line height over font size for the row heights set here: generous, since fonts' own line heights differ (Noto CJK 1.45 em). */
const LINE = 1.55;
/** Wrapped text is measured in the report's font; Calc's own breaking may take a little more. */
const WIDTH_SLACK = 1.08;

/** Text width in the report's font. */
type Width = (text: string, size: number) => number;
/** Share of a page's printable height the rows may fill (Calc rounds row heights to its own units). */
const FILL = 0.95;
/** Body rows of variants whose tables run over pages: a 五号 line and more, as word processors and spreadsheets set them. */
const LOOSE_ROW = 22;
/** Pad of text cells; figures have none. */
const PAD = 2;
/** An amount column is never narrower than this (its heading wraps in it). */
const MIN_AMOUNT = 34;
/** The column made too narrow for its widest figure: this share of it. */
const OVERRUN = 0.8;

export interface OdsLayout {
  readonly sheets: Sheet[];
  readonly tables: TableExpectation[];
  /** Where each table lands: pages and each row key's page, by construction. */
  readonly located: Map<string, Located>;
  readonly pageCount: number;
  /** The column printed narrower than its widest figure ("T2 business"), if one qualified. */
  readonly overrun?: string;
}

const style = (size: number, align: CellStyle["align"], more: Partial<CellStyle> = {}): CellStyle => ({ size, align, border: false, wrap: true, padX: PAD, ...more });

/** Lines a text takes in a cell `width` wide at `size` (bold a little wider, as a synthetic bold may be). */
function linesOf(m: Width, text: string, width: number, size: number, bold = false): number {
  if (text === "") return 1;
  return wrapText(text, Math.max(1, width - 2 * PAD), (t) => m(t, size) * WIDTH_SLACK * (bold ? 1.05 : 1)).length;
}

const heightOf = (lines: number, size: number): number => lines * size * LINE + 2;

const ALIGN: Readonly<Record<CellAlign, CellStyle["align"]>> = { left: "start", center: "center", right: "end", distribute: "center" };

/** Row heights of grid rows (header rows may span each other): each row tall enough for its cells, a spanning cell's need added to its last row. */
function gridHeights(m: Width, rows: readonly GridRow[], widths: readonly number[], size: number, min: (r: GridRow) => number): number[] {
  const xs = [0];
  for (const w of widths) xs.push((xs[xs.length - 1] ?? 0) + w);
  const span = (c: GridCell): number => (xs[c.col + c.colSpan] ?? 0) - (xs[c.col] ?? 0);
  const need = (c: GridCell): number => (c.ref ? heightOf(1, size) : heightOf(linesOf(m, c.text, span(c), size), size));
  const heights = rows.map((r) => Math.max(min(r), ...r.cells.filter((c) => c.rowSpan === 1).map(need)));
  rows.forEach((r, i) =>
    r.cells.forEach((c) => {
      if (c.rowSpan === 1) return;
      const last = Math.min(rows.length, i + c.rowSpan) - 1;
      const have = heights.slice(i, last + 1).reduce((s, h) => s + h, 0);
      if (need(c) > have) heights[last] = (heights[last] ?? 0) + need(c) - have;
    }),
  );
  return heights;
}

/** The columns a table's figures print in. */
const amountColumns = (t: ComposedTable): Set<number> => new Set(t.printed.body.flatMap((r) => r.cells.filter((c) => c.ref && c.colSpan === 1).map((c) => c.col)));

/** The widest figure of each amount column, at the table's size. */
function widest(m: Width, t: ComposedTable, size: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of t.printed.body) for (const c of r.cells) if (c.ref && c.colSpan === 1) out.set(c.col, Math.max(out.get(c.col) ?? 0, m(c.text, size)));
  return out;
}

/**
 * Column widths as a spreadsheet's: each amount column as wide as its widest
 * figure (no padding), the other columns sharing the rest in the template's
 * proportions; the font made smaller when the figures leave the names too little.
 * `overrun`: an amount column made narrower than its widest figure.
 */
function sheetWidths(m: Width, t: ComposedTable, room: number, overrun: number | undefined): { widths: number[]; size: number } {
  const amounts = amountColumns(t);
  const others = t.printed.widths.reduce((s, w, i) => s + (amounts.has(i) ? 0 : w), 0);
  let size = t.printed.fontSize;
  for (;;) {
    const wide = widest(m, t, size);
    const amountWidth = (i: number): number => {
      const w = Math.max(MIN_AMOUNT * (size / t.printed.fontSize), (wide.get(i) ?? 0) * 1.02 + 1.5);
      return i === overrun ? Math.max(12, (wide.get(i) ?? 0) * OVERRUN) : w;
    };
    const fixed = [...amounts].reduce((s, i) => s + amountWidth(i), 0);
    const left = room - 2 - fixed;
    if (left >= others * 0.55 || size <= 6.5) {
      const scale = left / others;
      return { widths: t.printed.widths.map((w, i) => (amounts.has(i) ? amountWidth(i) : w * scale)), size };
    }
    size -= 0.25;
  }
}

/** An amount column whose left neighbour prints no figure at all, and which has a figure: where a too-wide figure can overflow. */
function overrunColumn(t: ComposedTable): number | undefined {
  const amounts = amountColumns(t);
  const filled = new Set(t.printed.body.flatMap((r) => r.cells.filter((c) => c.ref && c.text.trim() !== "").map((c) => c.col)));
  return [...amounts].sort((a, b) => a - b).find((i) => filled.has(i) && amounts.has(i - 1) && !filled.has(i - 1));
}

interface TableSheet {
  readonly sheet: Sheet;
  readonly expectation: TableExpectation;
  /** Index of each body row in sheet.rows, and the keys it prints. */
  readonly body: readonly { readonly row: number; readonly keys: readonly string[] }[];
  readonly overrun?: string;
}

function tableSheet(m: Width, source: ReportSource, v: Variant, table: SourceTable, n: number, heading: { text?: string }, overrunLeft: { done: boolean }): TableSheet {
  const set = templateFor(v);
  const page = tablePage(v);
  const { portrait, room } = page;
  const composed = composeOnPage(table, v, page);
  const candidate = overrunLeft.done ? undefined : overrunColumn(composed);
  const { widths, size } = sheetWidths(m, composed, room, candidate);
  if (candidate !== undefined) overrunLeft.done = true;
  const ncols = widths.length;
  const width = widths.reduce((s, w) => s + w, 0);
  const T = STYLE.table;
  const rows: SheetRow[] = [];
  const full = (text: string, s: CellStyle, height: number): SheetRow => ({ cells: [{ col: 0, text, colSpan: ncols, style: s }], height });
  if (heading.text) {
    rows.push(full(heading.text, style(T.headingSize, "center", { bold: true, wrap: false }), T.headingSize * LINE + T.gapAfterTitle));
    heading.text = undefined;
  }
  const first = rows.length;
  const titleSize = titleSizeFor(table.title, width);
  rows.push(full(table.title, style(titleSize, "center", { bold: true, wrap: false }), titleSize * LINE + T.gapAfterTitle));
  const caption = captionFor(source, set.page, v);
  const capStyle = (align: CellStyle["align"]): CellStyle => style(T.captionSize, align, { wrap: false, padX: 0 });
  if (caption.left) {
    // The 部门 text takes as many columns as it needs; the unit the rest.
    const need = m(caption.left, T.captionSize) * WIDTH_SLACK + 4;
    let k = 1;
    for (let w = widths[0] ?? 0; w < need && k < ncols - 1; k++) w += widths[k] ?? 0;
    rows.push({
      cells: [
        { col: 0, text: caption.left, colSpan: k, style: capStyle("start") },
        { col: k, text: caption.right, colSpan: ncols - k, style: capStyle("end") },
      ],
      height: T.captionSize * LINE + T.gapAfterCaption,
    });
  } else rows.push(full(caption.right, capStyle("end"), T.captionSize * LINE + T.gapAfterCaption));
  const printed = composed.printed;
  const header = gridHeights(m, printed.header, widths, size, (r) => r.minHeight);
  const headFrom = rows.length;
  printed.header.forEach((r, i) =>
    rows.push({
      cells: r.cells.map((c): SheetCell => ({ col: c.col, text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan, style: style(size, ALIGN[c.align], { border: v.ruled }) })),
      height: header[i] ?? r.minHeight,
    }),
  );
  const headTo = rows.length;
  const split = v.split !== "none";
  const bodyHeights = gridHeights(m, printed.body, widths, size, (r) => (split ? Math.max(r.minHeight, LOOSE_ROW) : r.minHeight));
  const body = printed.body.map((r, i) => {
    const cells = r.cells.map((c): SheetCell => {
      const figure = c.ref !== undefined;
      // Figures are text right-aligned with no padding (flush against the ruling), and never wrap.
      const s = figure ? style(size, "end", { border: v.ruled, wrap: false, padX: 0 }) : style(size, ALIGN[c.align], { border: v.ruled });
      return { col: c.col, text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan, style: s };
    });
    // A grid cell the layout leaves out still carries the ruling.
    const present = new Set(r.cells.flatMap((c) => Array.from({ length: c.colSpan }, (_, k) => c.col + k)));
    for (let col = 0; col < ncols; col++) if (!present.has(col) && v.ruled) cells.push({ col, text: "", style: style(size, "start", { border: true }) });
    rows.push({ cells, height: bodyHeights[i] ?? r.minHeight });
    return { row: rows.length - 1, keys: r.keys };
  });
  const noteStyle = style(T.noteSize, "start");
  for (const note of [...table.print.notes, ...(table.print.remarks ?? [])]) rows.push(full(note, noteStyle, heightOf(linesOf(m, note, width, T.noteSize), T.noteSize)));
  if (table.empty_statement) {
    const s = T.captionSize + 0.5;
    rows.push(full(table.empty_statement, style(s, "start"), heightOf(linesOf(m, table.empty_statement, width, s), s) + T.noteLineHeight));
  }
  // Print titles: the header rows, or (Word-like) the title and 部门/单位 line with them.
  const repeat: [number, number] | undefined = v.split === "repeat-title" ? [first, headTo] : v.split === "repeat-header" ? [headFrom, headTo] : undefined;
  const sheet: Sheet = { name: `表${n}`, master: portrait ? "TablePortrait" : "TableLandscape", widths, rows, ...(repeat ? { repeat } : {}) };
  const repeated = v.split === "repeat-title" ? [table.title, ...(caption.left ? [caption.left] : []), caption.right] : undefined;
  const overrun = candidate !== undefined ? `${table.id} ${composed.columns.find((c) => printed.body.some((r) => r.cells.some((x) => x.col === candidate && x.ref?.col === c.key)))?.key ?? String(candidate)}` : undefined;
  return { sheet, expectation: expectationOf(table, composed, caption, repeated ? { repeated } : {}), body, ...(overrun ? { overrun } : {}) };
}

/** Rows of narrative blocks, in a sheet `widths` wide. */
function textRows(m: Width, block: Exclude<Block, { type: "tables" | "cover" | "toc" }>, widths: readonly number[], family: string): SheetRow[] {
  const ncols = widths.length;
  const width = widths.reduce((s, w) => s + w, 0);
  const N = STYLE.narrative;
  const full = (text: string, s: CellStyle, gap = 0): SheetRow => ({ cells: [{ col: 0, text, colSpan: ncols, style: s }], height: heightOf(linesOf(m, text, width, s.size, s.bold), s.size) + gap });
  switch (block.type) {
    case "part":
      return [full(block.text, style(N.partSize, "center", { bold: true }), 18)];
    case "title":
      return [full(block.text, style(N.titleSize, "center", { bold: true }), 12)];
    case "heading":
      return [full(block.text, style(N.headingSize, "start", { bold: true }), 4)];
    case "paragraph":
      // A paragraph typed into a cell opens with two ideographic spaces, as such documents indent.
      return [full(`\u3000\u3000${block.text}`, style(N.bodySize, "justify"), N.paragraphGap)];
    case "figure": {
      const f = STYLE.figure;
      const rows: SheetRow[] = [];
      if (block.chart) {
        const w = block.chart.type === "pie" ? Math.min(width, 400) : f.width;
        rows.push({ cells: [{ col: 0, text: "", colSpan: ncols, style: style(N.bodySize, "center"), image: { svg: chartSvg(block.chart, w, f.height, family), width: w, height: f.height } }], height: f.height + 6 });
      }
      rows.push(full(block.caption, style(f.captionSize, "center"), 10));
      return rows;
    }
    case "grid": {
      const g = STYLE.grid;
      const cellOf = (text: string, col: number, align: CellStyle["align"]): SheetCell => ({ col, text, style: style(g.fontSize, align, { border: true }) });
      const lines = (texts: readonly string[]) => Math.max(...texts.map((t, i) => linesOf(m, t, widths[i] ?? width, g.fontSize)));
      const head: SheetRow = { cells: block.header.map((t, i) => cellOf(t, i, "center")), height: Math.max(g.headerRowHeight, heightOf(lines(block.header), g.fontSize)) };
      const body = block.rows.map((r): SheetRow => {
        const texts = Array.from({ length: ncols }, (_, i) => r[i] ?? "");
        return { cells: texts.map((t, i) => cellOf(t, i, i === 0 || i === ncols - 1 ? "center" : "start")), height: Math.max(g.bodyRowHeight, heightOf(lines(texts), g.fontSize)) };
      });
      return [head, ...body, { cells: [], height: 10 }];
    }
  }
}

function coverSheet(m: Width, block: Extract<Block, { type: "cover" }>): Sheet {
  const c = STYLE.cover;
  const width = contentWidth(PORTRAIT);
  return {
    name: "封面",
    master: "Cover",
    widths: [width],
    rows: [
      { cells: [], height: c.titleTop - PORTRAIT.margins.top },
      { cells: [{ col: 0, text: block.title, style: style(c.titleSize, "center", { bold: true }) }], height: heightOf(linesOf(m, block.title, c.width, c.titleSize, true), c.titleSize) },
      { cells: [], height: 150 },
      { cells: [{ col: 0, text: block.date, style: style(c.dateSize, "center") }], height: heightOf(1, c.dateSize) },
    ],
  };
}

function tocSheet(m: Width, block: Extract<Block, { type: "toc" }>): Sheet {
  const t = STYLE.toc;
  const width = contentWidth(PORTRAIT);
  const rows: SheetRow[] = [{ cells: [{ col: 0, text: block.title, style: style(t.titleSize, "center", { bold: true }) }], height: heightOf(1, t.titleSize) + 16 }];
  for (const e of block.entries) {
    const size = e.level === 0 ? t.partSize : t.entrySize;
    const text = e.level === 0 ? e.text : `\u3000\u3000${e.text}`;
    rows.push({ cells: [{ col: 0, text, style: style(size, "start", { bold: e.level === 0 }) }], height: heightOf(linesOf(m, text, width, size), size) });
  }
  return { name: "目录", master: "Portrait", widths: [width], rows };
}

/** A narrative sheet's columns: one across the page, or a grid's when the sheet holds one. */
function textWidths(blocks: readonly Block[]): number[] {
  const grid = blocks.find((b): b is Extract<Block, { type: "grid" }> => b.type === "grid");
  const room = contentWidth(PORTRAIT);
  if (!grid) return [room];
  const other = blocks.find((b) => b.type === "grid" && b.header.length !== grid.header.length);
  if (other) throw new Error("Expected the grids of one narrative sheet to have as many columns");
  return resolveWidths((grid.widths ?? grid.header.map(() => 1)).map((flex) => ({ flex })), room);
}

const GEOMETRY: Readonly<Record<MasterName, PageGeometry>> = { Cover: PORTRAIT, Portrait: PORTRAIT, TableLandscape: TABLE_LANDSCAPE, TablePortrait: TABLE_PORTRAIT };

/** Page heights the rows may fill, by master page. */
export const budgetOf = (m: MasterName): number => contentHeight(GEOMETRY[m]) * FILL;

/**
 * Manual page breaks: a row starts a page when it no longer fits under the
 * rows above it (with the print-title rows Calc repeats on a continuation
 * page); a heading never ends a page. Returns each row's page in the sheet (0-based).
 */
export function paginate(sheet: Sheet, keepWithNext: ReadonlySet<number> = new Set()): number[] {
  const budget = budgetOf(sheet.master);
  const [from, to] = sheet.repeat ?? [0, 0];
  const repeated = sheet.rows.slice(from, to).reduce((s, r) => s + r.height, 0);
  const pages: number[] = [];
  let page = 0;
  let used = 0;
  let firstOnPage = 0;
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    if (used + row.height > budget && i > firstOnPage) {
      let at = i;
      while (at - 1 > firstOnPage && keepWithNext.has(at - 1)) at--;
      page++;
      sheet.rows[at]!.breakBefore = true;
      used = i >= to && to > from ? repeated : 0;
      for (let k = at; k < i; k++) {
        pages[k] = page;
        used += sheet.rows[k]!.height;
      }
      firstOnPage = at;
    }
    pages[i] = page;
    used += row.height;
  }
  return pages;
}

export function layoutWorkbook(source: ReportSource, v: Variant): OdsLayout {
  const family = fontOf(v.font).family;
  const m = fontWidth(v.font);
  const set = templateFor(v);
  const heading = { text: set.page.bookHeading ? `${source.unit}${source.year}年度部门决算表` : undefined };
  const sheets: { sheet: Sheet; keep: Set<number>; table?: TableSheet }[] = [];
  const overrunLeft = { done: false };
  let pending: Block[] = [];
  let tableNo = 0;
  let textNo = 0;
  const flushText = (): void => {
    if (pending.length === 0) return;
    const widths = textWidths(pending);
    const rows: SheetRow[] = [];
    const keep = new Set<number>();
    for (const b of pending) {
      if (b.type === "tables" || b.type === "cover" || b.type === "toc") continue;
      const made = textRows(m, b, widths, family);
      if (b.type === "part" || b.type === "title" || b.type === "heading") made.forEach((_, k) => keep.add(rows.length + k));
      rows.push(...made);
    }
    sheets.push({ sheet: { name: `说明${++textNo}`, master: "Portrait", widths, rows }, keep });
    pending = [];
  };
  for (const block of source.document) {
    if (block.type === "cover") sheets.push({ sheet: coverSheet(m, block), keep: new Set() });
    else if (block.type === "toc") sheets.push({ sheet: tocSheet(m, block), keep: new Set() });
    else if (block.type === "tables") {
      flushText();
      for (const id of block.ids) {
        const table = source.tables.find((t) => t.id === id);
        if (!table) throw new Error(`${source.id}: expected table ${id} in the source`);
        const t = tableSheet(m, source, v, table, ++tableNo, heading, overrunLeft);
        sheets.push({ sheet: t.sheet, keep: new Set(), table: t });
      }
    } else {
      if (block.type === "part") flushText();
      pending.push(block);
    }
  }
  flushText();
  const located = new Map<string, Located>();
  let offset = 0;
  let overrun: string | undefined;
  for (const { sheet, keep, table } of sheets) {
    const pages = paginate(sheet, keep);
    const count = (pages[pages.length - 1] ?? 0) + 1;
    if (table) {
      const rowPages = new Map<string, number>();
      const bodyPages = new Set<number>();
      for (const b of table.body) {
        const p = offset + (pages[b.row] ?? 0) + 1;
        bodyPages.add(p);
        for (const k of b.keys) rowPages.set(k, p);
      }
      located.set(table.expectation.id, { pages: Array.from({ length: count }, (_, i) => offset + i + 1), rowPages, split: bodyPages.size > 1 });
      overrun ??= table.overrun;
    }
    offset += count;
  }
  return {
    sheets: sheets.map((s) => s.sheet),
    tables: sheets.flatMap((s) => (s.table ? [s.table.expectation] : [])),
    located,
    pageCount: offset,
    ...(overrun ? { overrun } : {}),
  };
}
