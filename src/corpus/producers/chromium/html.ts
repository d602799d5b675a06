// A report source and its variant as one HTML document Chromium prints, as a
// department's web page or HTML export would be: CSS named pages for the
// portrait narrative and the landscape or portrait table pages, page numbers
// in the page's bottom margin box, the narrative as paragraphs and inline
// SVG charts, each standard table a real <table> (colspan/rowspan header,
// the same composed, printed-table model the other producers print) on a
// page of its own. Where the variant repeats the header, it is the <thead>,
// which Chromium prints again on each page the table runs onto; a Word-like
// variant (split "repeat-title") puts the title and the 部门/单位 line in the
// <thead> too. Returns what the read-back needs to find every table.
import { resolveWidths, type GridCell, type GridRow } from "../../layout/printed-table.js";
import { placeTable } from "../../layout/table-grid.js";
import type { FolioStyle } from "../../options.js";
import { STYLE } from "../../render/style.js";
import type { Block, ReportSource } from "../../source/schema.js";
import { templateFor } from "../../templates/index.js";
import type { CellAlign } from "../../templates/types.js";
import type { Variant } from "../../variant.js";
import { captionFor, expectationOf, tailOf, type TableExpectation } from "../expectation.js";
import { fontOf } from "../fonts.js";
import { chartSvg } from "../libreoffice/chart.js";
import { contentWidth, metrics, PORTRAIT, TABLE_LANDSCAPE, TABLE_PORTRAIT, titleSizeFor, type PageGeometry } from "../measure.js";
import { composeOnPage, sourceTable, tablePage } from "../table-page.js";

export interface HtmlDocument {
  readonly html: string;
  readonly tables: readonly TableExpectation[];
}

const pt = (n: number): string => `${Math.round(n * 100) / 100}pt`;

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text in an element: runs of spaces kept as printed. */
const inline = (text: string): string => esc(text).replace(/ {2,}/g, (m) => "&nbsp;".repeat(m.length));

/** Body row height of the variants whose tables run over pages. */
const LOOSE_ROW = 22;

const ALIGN: Readonly<Record<CellAlign, string>> = { left: "l", center: "c", right: "r", distribute: "d" };

function margins(g: PageGeometry): string {
  return `${pt(g.margins.top)} ${pt(g.margins.right)} ${pt(g.margins.bottom)} ${pt(g.margins.left)}`;
}

function css(family: string, folio: FolioStyle): string {
  const N = STYLE.narrative;
  const T = STYLE.table;
  const folioContent = folio === "none" ? "none" : folio === "dashed" ? `"- " counter(page) " -"` : "counter(page)";
  const box = `@bottom-center { content: ${folioContent}; font-family: "${family}"; font-size: ${pt(STYLE.folioSize)}; vertical-align: bottom; padding-bottom: ${pt(STYLE.folioFromBottom - 6)}; }`;
  return `
@page { size: A4 portrait; margin: ${margins(PORTRAIT)}; ${box} }
@page cover { @bottom-center { content: none; } }
@page tl { size: A4 landscape; margin: ${margins(TABLE_LANDSCAPE)}; ${box} }
@page tp { size: A4 portrait; margin: ${margins(TABLE_PORTRAIT)}; ${box} }
html { font-family: "${family}"; }
body { margin: 0; font-size: ${pt(N.bodySize)}; }
.cover { page: cover; text-align: center; }
.cover h1 { font-size: ${pt(STYLE.cover.titleSize)}; width: ${pt(STYLE.cover.width)}; margin: ${pt(STYLE.cover.titleTop - STYLE.portrait.top)} auto 0; line-height: 1.45; }
.cover .date { font-size: ${pt(STYLE.cover.dateSize)}; margin-top: 150pt; }
.toc { break-before: page; }
.toc h2 { font-size: ${pt(STYLE.toc.titleSize)}; text-align: center; margin: 0 0 16pt; }
.toc .l0 { font-size: ${pt(STYLE.toc.partSize)}; font-weight: bold; margin: 4pt 0 0; line-height: 1.5; }
.toc .l1 { font-size: ${pt(STYLE.toc.entrySize)}; margin: 0 0 0 ${pt(2 * STYLE.toc.entrySize)}; line-height: 1.5; }
.newpage { break-before: page; }
h2.part { font-size: ${pt(N.partSize)}; text-align: center; margin: 0 0 18pt; break-after: avoid; }
h3.title { font-size: ${pt(N.titleSize)}; text-align: center; margin: 6pt 0 12pt; break-after: avoid; }
h4.heading { font-size: ${pt(N.headingSize)}; text-indent: ${pt(N.indent)}; margin: 0 0 4pt; break-after: avoid; }
p.body { text-indent: ${pt(N.indent)}; text-align: justify; line-height: ${pt(N.bodySize * 1.45 + N.lineGap)}; margin: 0 0 ${pt(N.paragraphGap)}; }
figure { margin: 0 0 10pt; text-align: center; break-inside: avoid; }
figcaption { font-size: ${pt(STYLE.figure.captionSize)}; }
table { border-collapse: collapse; table-layout: fixed; margin: 0 auto; }
table.grid td, table.grid th { border: ${pt(T.ruleWidth)} solid #000; font-size: ${pt(STYLE.grid.fontSize)}; padding: ${pt(STYLE.grid.padY)} ${pt(STYLE.cellPadX)}; line-height: ${STYLE.grid.lineFactor}; font-weight: normal; }
section.tl { page: tl; }
section.tp { page: tp; }
section.t { break-before: page; }
.book { font-size: ${pt(T.headingSize)}; font-weight: bold; text-align: center; margin: 0 0 ${pt(T.gapAfterTitle)}; }
.tt { font-weight: bold; text-align: center; margin: 0 0 ${pt(T.gapAfterTitle)}; }
.cap { display: flex; justify-content: space-between; font-size: ${pt(T.captionSize)}; margin: 0 auto ${pt(T.gapAfterCaption)}; }
table.std td, table.std th { padding: ${pt(T.padY)} ${pt(STYLE.cellPadX)}; line-height: ${T.lineFactor}; font-weight: normal; vertical-align: middle; }
table.ruled td, table.ruled th { border: ${pt(T.ruleWidth)} solid #000; }
table.std th.tt, table.std th.cap0, table.std th.cap1 { border: none; padding: 0 0 ${pt(T.gapAfterCaption)}; font-size: ${pt(T.captionSize)}; }
table.std th.tt { font-weight: bold; text-align: center; padding-bottom: ${pt(T.gapAfterTitle)}; }
table.std th.cap0 { text-align: left; }
table.std th.cap1 { text-align: right; }
table.std tr { break-inside: avoid; }
.l { text-align: left; } .c { text-align: center; } .r { text-align: right; white-space: nowrap; }
.d { text-align: justify; text-align-last: justify; }
.notes p { font-size: ${pt(T.noteSize)}; line-height: ${pt(T.noteLineHeight)}; margin: 0; }
.notes { margin-top: ${pt(T.gapBeforeNotes)}; }
.empty { font-size: ${pt(T.captionSize + 0.5)}; line-height: ${pt(T.noteLineHeight * 1.2)}; margin: ${pt(T.noteLineHeight)} 0 0; }
`;
}

function cellHtml(tag: "td" | "th", c: GridCell, size: number | undefined, tableSize: number): string {
  const spans = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ""}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ""}`;
  const style = size !== undefined && size !== tableSize ? ` style="font-size:${pt(size)}"` : "";
  return `<${tag} class="${ALIGN[c.align]}"${spans}${style}>${inline(c.text)}</${tag}>`;
}

/**
 * Row cells with the empty cells between them filled in, as an HTML row
 * needs: the grid leaves a column out where a cell above spans down into it
 * (`covered`), and where nothing prints at all.
 */
function rowHtml(row: GridRow, covered: Set<number>, ncols: number, tag: "td" | "th", sizes: ReadonlyMap<number, number>, tableSize: number, height: number): string {
  const byCol = new Map(row.cells.map((c) => [c.col, c]));
  const out: string[] = [];
  for (let col = 0; col < ncols; ) {
    const c = byCol.get(col);
    if (c) {
      out.push(cellHtml(tag, c, sizes.get(col), tableSize));
      col += c.colSpan;
    } else {
      if (!covered.has(col)) out.push(`<${tag}></${tag}>`);
      col++;
    }
  }
  return `<tr style="height:${pt(height)}">${out.join("")}</tr>`;
}

/** For each row, the columns a cell from a row above spans down into. */
function coveredColumns(rows: readonly GridRow[]): Set<number>[] {
  const out = rows.map(() => new Set<number>());
  rows.forEach((r, i) => {
    for (const c of r.cells) for (let dr = 1; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) out[i + dr]?.add(c.col + dc);
  });
  return out;
}

function writeTables(source: ReportSource, v: Variant, ids: readonly string[], heading: { text?: string }): { html: string; tables: TableExpectation[] } {
  const set = templateFor(v);
  const page = tablePage(v);
  const { portrait, room } = page;
  const html: string[] = [];
  const out: TableExpectation[] = [];
  for (const id of ids) {
    const table = sourceTable(source, id);
    const composed = composeOnPage(table, v, page);
    const printed = composed.printed;
    const ncols = printed.widths.length;
    const width = printed.widths.reduce((s, w) => s + w, 0);
    // Amounts take their column's shrunk size, as the other producers print them.
    const placed = placeTable(printed, metrics());
    const caption = captionFor(source, set.page, v);
    const titleSize = titleSizeFor(table.title, room);
    // A report that runs its tables over pages sets them as word processors do, in rows of a 五号 line and more.
    const split = v.split !== "none";
    const headRows = printed.header.map((r, i) => rowHtml(r, coveredColumns(printed.header)[i] ?? new Set(), ncols, "th", new Map(), printed.fontSize, r.minHeight));
    const bodyRows = printed.body.map((r, i) => {
      const sizes = new Map<number, number>();
      r.cells.forEach((c, j) => {
        const s = placed.body[i]?.cells[j]?.fontSize;
        if (s !== undefined) sizes.set(c.col, s);
      });
      return rowHtml(r, new Set(), ncols, "td", sizes, printed.fontSize, split ? Math.max(r.minHeight, LOOSE_ROW) : r.minHeight);
    });
    const titleHtml = `<div class="tt" style="font-size:${pt(titleSize)}">${inline(table.title)}</div>`;
    const capHtml = `<div class="cap" style="width:${pt(width)}"><span>${inline(caption.left ?? "")}</span><span>${inline(caption.right)}</span></div>`;
    const left = Math.ceil(ncols / 2);
    const titleInHead = `<tr><th class="tt" colspan="${ncols}" style="font-size:${pt(titleSize)}">${inline(table.title)}</th></tr>`;
    const capInHead = caption.left
      ? `<tr><th class="cap0" colspan="${left}">${inline(caption.left)}</th><th class="cap1" colspan="${ncols - left}">${inline(caption.right)}</th></tr>`
      : `<tr><th class="cap1" colspan="${ncols}">${inline(caption.right)}</th></tr>`;
    const repeatTitle = v.split === "repeat-title";
    const thead = repeatTitle ? [titleInHead, capInHead, ...headRows] : v.split === "repeat-header" ? headRows : [];
    const tbody = thead.length > 0 ? bodyRows : [...headRows, ...bodyRows];
    const cols = printed.widths.map((w) => `<col style="width:${pt(w)}">`).join("");
    const tail = tailOf(table);
    const notes = [...table.print.notes, ...(table.print.remarks ?? [])];
    html.push(
      `<section class="t ${portrait ? "tp" : "tl"}">` +
        (heading.text ? `<div class="book">${inline(heading.text)}</div>` : "") +
        (repeatTitle ? "" : titleHtml + capHtml) +
        `<table class="std ${v.ruled ? "ruled" : "unruled"}" style="width:${pt(width)};font-size:${pt(printed.fontSize)}"><colgroup>${cols}</colgroup>` +
        (thead.length ? `<thead>${thead.join("")}</thead>` : "") +
        `<tbody>${tbody.join("")}</tbody></table>` +
        (notes.length ? `<div class="notes" style="width:${pt(width)};margin-left:auto;margin-right:auto">${notes.map((n) => `<p>${inline(n)}</p>`).join("")}</div>` : "") +
        (table.empty_statement ? `<p class="empty" style="width:${pt(width)};margin-left:auto;margin-right:auto">${inline(table.empty_statement)}</p>` : "") +
        `</section>`,
    );
    heading.text = undefined;
    out.push(expectationOf(table, composed, caption, { tail, ...(repeatTitle ? { repeated: [table.title, ...(caption.left ? [caption.left] : []), caption.right] } : {}) }));
  }
  return { html: html.join("\n"), tables: out };
}

function blockHtml(block: Exclude<Block, { type: "tables" }>, family: string): string {
  switch (block.type) {
    case "cover":
      return `<div class="cover"><h1>${inline(block.title)}</h1><p class="date">${inline(block.date)}</p></div>`;
    case "toc":
      return `<div class="toc"><h2>${inline(block.title)}</h2>${block.entries.map((e) => `<p class="l${e.level}">${inline(e.text)}</p>`).join("")}</div>`;
    case "part":
      return `<h2 class="part newpage">${inline(block.text)}</h2>`;
    case "title":
      return `<h3 class="title">${inline(block.text)}</h3>`;
    case "heading":
      return `<h4 class="heading">${inline(block.text)}</h4>`;
    case "paragraph":
      return `<p class="body">${inline(block.text)}</p>`;
    case "figure": {
      const f = STYLE.figure;
      const chart = block.chart
        ? chartSvg(block.chart, block.chart.type === "pie" ? Math.min(contentWidth(PORTRAIT), 400) : f.width, f.height, family).replace(/^<\?xml[^>]*>\s*/, "")
        : "";
      return `<figure>${chart}<figcaption>${inline(block.caption)}</figcaption></figure>`;
    }
    case "grid": {
      const widths = resolveWidths((block.widths ?? block.header.map(() => 1)).map((flex) => ({ flex })), contentWidth(PORTRAIT));
      const n = block.header.length;
      const cols = widths.map((w) => `<col style="width:${pt(w)}">`).join("");
      const head = `<tr>${block.header.map((h) => `<th class="c">${inline(h)}</th>`).join("")}</tr>`;
      const rows = block.rows.map((r) => `<tr>${Array.from({ length: n }, (_, i) => `<td class="${i === 0 || i === n - 1 ? "c" : "l"}">${inline(r[i] ?? "")}</td>`).join("")}</tr>`);
      return `<table class="grid" style="width:${pt(widths.reduce((s, w) => s + w, 0))}"><colgroup>${cols}</colgroup>${head}${rows.join("")}</table>`;
    }
  }
}

export interface HtmlOptions {
  readonly folio: FolioStyle;
}

export function buildHtml(source: ReportSource, v: Variant, o: HtmlOptions): HtmlDocument {
  const family = fontOf(v.font).family;
  const set = templateFor(v);
  const heading = { text: set.page.bookHeading ? `${source.unit}${source.year}年度部门决算表` : undefined };
  const body: string[] = [];
  const tables: TableExpectation[] = [];
  let afterTables = false;
  for (const block of source.document) {
    if (block.type === "tables") {
      const t = writeTables(source, v, block.ids, heading);
      body.push(t.html);
      tables.push(...t.tables);
      afterTables = true;
      continue;
    }
    const h = blockHtml(block, family);
    // What follows the tables starts on a fresh portrait page.
    body.push(afterTables && block.type !== "part" ? `<div class="newpage">${h}</div>` : h);
    afterTables = false;
  }
  const cover = source.document.find((b) => b.type === "cover");
  const title = cover?.type === "cover" ? cover.title.replace(/\s+/g, "") : `${source.year}年度${source.unit}部门决算`;
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><meta name="author" content="${esc(source.unit)}">
<style>${css(family, o.folio)}</style></head>
<body>
${body.join("\n")}
</body></html>
`;
  return { html, tables };
}
