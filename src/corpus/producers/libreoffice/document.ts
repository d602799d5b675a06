// A report source and its variant as a Flat ODT (one XML file Writer opens
// directly): page styles for the narrative (portrait) and the table pages
// (landscape or portrait), the narrative blocks as paragraphs, each standard
// table as a Writer table built from the same composed, printed-table model
// the pdfkit renderer draws (compose/standard-table.ts), a page break before
// each table. Also returns what the read-back needs to find every table in
// the converted PDF: titles, the printed text of each body row, the lines
// under the table.
import { cell, resolveWidths, type GridRow, type PrintedTable } from "../../layout/printed-table.js";
import type { FolioStyle } from "../../options.js";
import { STYLE } from "../../render/style.js";
import type { Block, ReportSource } from "../../source/schema.js";
import { templateFor } from "../../templates/index.js";
import type { Variant } from "../../variant.js";
import { captionFor, expectationOf, type TableExpectation } from "../expectation.js";
import { contentWidth, metrics, PORTRAIT, TABLE_LANDSCAPE, TABLE_PORTRAIT, titleSizeFor, type PageGeometry } from "../measure.js";
import { composeOnPage, sourceTable, tablePage } from "../table-page.js";
import { chartSvg } from "./chart.js";
import { writerTable } from "./table.js";
import { AutoStyles, esc, para, paragraphStyle, pt, type ParaStyle } from "./xml.js";

/** The family name fontconfig gives the Noto Sans SC (Hans) OTFs. */
export const FONT_FAMILY = "Noto Sans S Chinese";

export interface FodtDocument {
  readonly xml: string;
  readonly tables: readonly TableExpectation[];
}

const N = STYLE.narrative;
/** Word processors' line pitch for body text: the font's own height plus the pdfkit renderer's gap. */
const BODY_LINE = N.bodySize * 1.45 + N.lineGap;
const CELL_LINE = 1.2;

/** Folio height and its distance from the page's bottom edge, as the pdfkit renderer places it. */
const FOLIO_BOX = 12;

function pageLayout(name: string, g: PageGeometry, folio: boolean): string {
  const orientation = g.width > g.height ? "landscape" : "portrait";
  // The footer sits inside the bottom margin: the page margin ends at the folio's baseline area.
  const bottom = folio ? Math.max(8, STYLE.folioFromBottom - FOLIO_BOX / 2) : g.margins.bottom;
  const footerGap = Math.max(2, g.margins.bottom - bottom - FOLIO_BOX);
  const footer = folio
    ? `<style:footer-style><style:header-footer-properties fo:min-height="${pt(FOLIO_BOX)}" fo:margin-top="${pt(footerGap)}"/></style:footer-style>`
    : "<style:footer-style/>";
  return (
    `<style:page-layout style:name="${name}"><style:page-layout-properties fo:page-width="${pt(g.width)}" fo:page-height="${pt(g.height)}" ` +
    `style:print-orientation="${orientation}" fo:margin-top="${pt(g.margins.top)}" fo:margin-bottom="${pt(bottom)}" ` +
    `fo:margin-left="${pt(g.margins.left)}" fo:margin-right="${pt(g.margins.right)}" style:writing-mode="lr-tb"/>` +
    `<style:header-style/>${footer}</style:page-layout>`
  );
}

function folioXml(style: FolioStyle): string {
  if (style === "none") return "";
  const n = `<text:page-number text:select-page="current">1</text:page-number>`;
  return `<style:footer><text:p text:style-name="Footer">${style === "dashed" ? `- ${n} -` : n}</text:p></style:footer>`;
}

class Writer {
  readonly styles = new AutoStyles();
  readonly body: string[] = [];
  /** The master page the next paragraph starts (a page break into it). */
  private pending: string | undefined;
  private figures = 0;
  private tableCount = 0;

  constructor(first: string) {
    this.pending = first;
  }

  breakTo(master: string): void {
    this.pending = master;
  }

  p(style: ParaStyle, text: string): void {
    const master = this.pending;
    this.pending = undefined;
    this.body.push(para(paragraphStyle(this.styles, master ? { ...style, master } : style), text));
  }

  /** A table needs a paragraph before it to carry a pending page break. */
  flushBreak(): void {
    if (this.pending) this.p({ size: 2, lineHeight: 2 }, "");
  }

  raw(xml: string): void {
    this.body.push(xml);
  }

  nextTableName(prefix: string): string {
    this.tableCount++;
    return `${prefix}${this.tableCount}`;
  }

  nextFigure(): number {
    return ++this.figures;
  }
}

function writeBlock(w: Writer, block: Exclude<Block, { type: "tables" }>): void {
  switch (block.type) {
    case "cover": {
      const c = STYLE.cover;
      w.p({ size: c.titleSize, bold: true, align: "center", lineHeight: c.titleSize * 1.45 + 14, marginTop: c.titleTop - STYLE.portrait.top }, block.title);
      w.p({ size: c.dateSize, align: "center", marginTop: 150 }, block.date);
      w.breakTo("Standard");
      return;
    }
    case "toc": {
      const t = STYLE.toc;
      w.p({ size: t.titleSize, bold: true, align: "center", marginBottom: 16 }, block.title);
      for (const e of block.entries) {
        if (e.level === 0) w.p({ size: t.partSize, bold: true, marginTop: 4, lineHeight: t.partSize * 1.5 }, e.text);
        else w.p({ size: t.entrySize, marginLeft: 2 * t.entrySize, lineHeight: t.entrySize * 1.5 }, e.text);
      }
      w.breakTo("Standard");
      return;
    }
    case "part":
      w.breakTo("Standard");
      w.p({ size: N.partSize, bold: true, align: "center", marginBottom: 18, keepWithNext: true }, block.text);
      return;
    case "title":
      w.p({ size: N.titleSize, bold: true, align: "center", marginTop: 6, marginBottom: 12, keepWithNext: true }, block.text);
      return;
    case "heading":
      w.p({ size: N.headingSize, bold: true, indent: N.indent, marginBottom: 4, keepWithNext: true }, block.text);
      return;
    case "paragraph":
      w.p({ size: N.bodySize, align: "justify", indent: N.indent, lineHeight: BODY_LINE, marginBottom: N.paragraphGap }, block.text);
      return;
    case "figure": {
      const f = STYLE.figure;
      if (block.chart) {
        const n = w.nextFigure();
        // A pie's legend sits right of it: the picture is wider, as a pasted chart object is.
        const width = block.chart.type === "pie" ? Math.min(contentWidth(PORTRAIT), 400) : f.width;
        const svg = Buffer.from(chartSvg(block.chart, width, f.height), "utf8").toString("base64");
        const frameStyle = w.styles.add("graphic", `style:parent-style-name="Graphics"`, `<style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" fo:border="none"/>`);
        const style = paragraphStyle(w.styles, { size: N.bodySize, align: "center", marginBottom: 6, keepWithNext: true });
        w.flushBreak();
        w.raw(
          `<text:p text:style-name="${style}"><draw:frame draw:style-name="${frameStyle}" draw:name="图表${n}" text:anchor-type="as-char" ` +
            `svg:width="${pt(width)}" svg:height="${pt(f.height)}" draw:z-index="${n - 1}"><draw:image draw:mime-type="image/svg+xml">` +
            `<office:binary-data>${svg}</office:binary-data></draw:image></draw:frame></text:p>`,
        );
      }
      w.p({ size: f.captionSize, align: "center", marginBottom: 10 }, block.caption);
      return;
    }
    case "grid": {
      const g = STYLE.grid;
      const ncols = block.header.length;
      const widths = resolveWidths((block.widths ?? block.header.map(() => 1)).map((flex) => ({ flex })), contentWidth(PORTRAIT));
      const header: GridRow = { cells: block.header.map((text, i) => cell(text, i, "center")), minHeight: g.headerRowHeight, keys: [] };
      const body: GridRow[] = block.rows.map((r) => ({
        cells: Array.from({ length: ncols }, (_, i) => cell(r[i] ?? "", i, i === 0 || i === ncols - 1 ? "center" : "left")),
        minHeight: g.bodyRowHeight,
        keys: [],
      }));
      const printed: PrintedTable = { widths, fontSize: g.fontSize, header: [header], body };
      w.flushBreak();
      const { xml } = writerTable(w.styles, printed, {
        name: w.nextTableName("表格"),
        ruled: true,
        ruleWidth: STYLE.table.ruleWidth,
        repeatHeader: false,
        metrics: { ...metrics(), padY: g.padY, lineFactor: g.lineFactor },
        lineFactor: g.lineFactor,
      });
      w.raw(xml);
      w.p({ size: 6, lineHeight: 10 }, "");
      return;
    }
  }
}

function writeTables(w: Writer, source: ReportSource, v: Variant, ids: readonly string[], heading: { text?: string }): TableExpectation[] {
  const set = templateFor(v);
  const page = tablePage(v);
  const { portrait, room } = page;
  const master = portrait ? "TablePortrait" : "TableLandscape";
  const T = STYLE.table;
  const out: TableExpectation[] = [];
  for (const id of ids) {
    const table = sourceTable(source, id);
    const composed = composeOnPage(table, v, page);
    w.breakTo(master);
    if (heading.text) {
      w.p({ size: T.headingSize, bold: true, align: "center", marginBottom: T.gapAfterTitle, keepWithNext: true }, heading.text);
      heading.text = undefined;
    }
    const titleSize = titleSizeFor(table.title, room);
    w.p({ size: titleSize, bold: true, align: "center", marginBottom: T.gapAfterTitle, keepWithNext: true }, table.title);
    const { xml, width } = writerTable(w.styles, composed.printed, {
      name: w.nextTableName("表"),
      ruled: v.ruled,
      ruleWidth: T.ruleWidth,
      repeatHeader: v.split === "repeat-header",
      metrics: metrics(),
      lineFactor: CELL_LINE,
    });
    const inset = Math.max(0, (room - width) / 2);
    const caption = captionFor(source, set.page, v);
    const capStyle = { size: T.captionSize, marginLeft: inset, marginRight: inset, marginBottom: T.gapAfterCaption, keepWithNext: true };
    if (caption.left) w.p({ ...capStyle, rightTab: width - 0.5 }, `${caption.left}\t${caption.right}`);
    else w.p({ ...capStyle, align: "end" }, caption.right);
    w.raw(xml);
    const tail = [...table.print.notes, ...(table.print.remarks ?? [])];
    tail.forEach((note, i) =>
      w.p({ size: T.noteSize, lineHeight: T.noteLineHeight, marginLeft: inset, marginRight: inset, marginTop: i === 0 ? T.gapBeforeNotes : 0 }, note),
    );
    if (table.empty_statement) {
      w.p({ size: T.captionSize + 0.5, lineHeight: T.noteLineHeight * 1.2, marginLeft: inset, marginRight: inset, marginTop: T.noteLineHeight }, table.empty_statement);
      tail.push(table.empty_statement);
    }
    out.push(expectationOf(table, composed, caption, { tail }));
  }
  return out;
}

export interface FodtOptions {
  readonly folio: FolioStyle;
}

export function buildFodt(source: ReportSource, v: Variant, o: FodtOptions): FodtDocument {
  const first = source.document[0]?.type === "cover" ? "Cover" : "Standard";
  const w = new Writer(first);
  const set = templateFor(v);
  const heading = { text: set.page.bookHeading ? `${source.unit}${source.year}年度部门决算表` : undefined };
  const tables: TableExpectation[] = [];
  for (const block of source.document) {
    if (block.type === "tables") {
      tables.push(...writeTables(w, source, v, block.ids, heading));
      // What follows the tables starts on a fresh portrait page.
      w.breakTo("Standard");
    } else writeBlock(w, block);
  }
  const cover = source.document.find((b) => b.type === "cover");
  const title = cover?.type === "cover" ? cover.title.replace(/\s+/g, "") : `${source.year}年度${source.unit}部门决算`;
  const created = `${source.issued}T09:00:00`;
  const footer = folioXml(o.folio);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>${esc(title)}</dc:title><meta:initial-creator>${esc(source.unit)}</meta:initial-creator><dc:creator>${esc(source.unit)}</dc:creator><meta:creation-date>${created}</meta:creation-date><dc:date>${created}</dc:date><dc:language>zh-CN</dc:language></office:meta>
<office:font-face-decls><style:font-face style:name="${FONT_FAMILY}" svg:font-family="'${FONT_FAMILY}'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:punctuation-wrap="hanging" style:line-break="strict" style:writing-mode="page" fo:hyphenation-ladder-count="no-limit"/><style:text-properties style:font-name="${FONT_FAMILY}" style:font-name-asian="${FONT_FAMILY}" style:font-name-complex="${FONT_FAMILY}" fo:font-size="12pt" style:font-size-asian="12pt" style:font-size-complex="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="${pt(STYLE.folioSize)}" style:font-size-asian="${pt(STYLE.folioSize)}"/></style:style>
<style:style style:name="Graphics" style:family="graphic"><style:graphic-properties svg:y="0pt" style:vertical-pos="top" style:vertical-rel="baseline"/></style:style>
</office:styles>
<office:automatic-styles>
${pageLayout("pmCover", PORTRAIT, false)}
${pageLayout("pmPortrait", PORTRAIT, o.folio !== "none")}
${pageLayout("pmTableLandscape", TABLE_LANDSCAPE, o.folio !== "none")}
${pageLayout("pmTablePortrait", TABLE_PORTRAIT, o.folio !== "none")}
${w.styles.toXml()}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pmPortrait">${footer}</style:master-page>
<style:master-page style:name="Cover" style:page-layout-name="pmCover" style:next-style-name="Standard"/>
<style:master-page style:name="TableLandscape" style:page-layout-name="pmTableLandscape">${footer}</style:master-page>
<style:master-page style:name="TablePortrait" style:page-layout-name="pmTablePortrait">${footer}</style:master-page>
</office:master-styles>
<office:body><office:text>
${w.body.join("\n")}
</office:text></office:body></office:document>
`;
  return { xml, tables };
}

