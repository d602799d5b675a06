// Renders a whole report source: narrative blocks on portrait pages, the
// standard tables where the `tables` block stands (landscape, portrait or
// rotated, as the variant prints them), then page numbers. Returns the bytes
// and where everything landed.
import type { Column } from "../../../schemas/canonical.js";
import { metricsFor } from "./metrics.js";
import { composeStandardTable } from "../compose/standard-table.js";
import type { GenerateOptions } from "../options.js";
import type { Block, ReportSource } from "../source/schema.js";
import { tableTemplate, templateFor } from "../templates/index.js";
import type { TemplateSet } from "../templates/types.js";
import type { Variant } from "../variant.js";
import { addFolios } from "./folio.js";
import { drawGlyphByGlyph } from "./glyphs.js";
import { NarrativeWriter, type BlockPages } from "./narrative.js";
import { createPdf, finish, pageCount } from "./pdf.js";
import { renderStandardTable, type TablePlacement } from "./standard-table.js";
import { A4, STYLE } from "./style.js";

export interface RenderedTable {
  readonly placement: TablePlacement;
  readonly columns: Column[];
  /** What each source cell printed as, keyed `row/col` ("" = printed empty). */
  readonly texts: ReadonlyMap<string, string>;
}

export interface RenderedReport {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  readonly producer: string;
  readonly tables: ReadonlyMap<string, RenderedTable>;
  readonly blocks: readonly { readonly block: Block; readonly pages: BlockPages }[];
}

/** pdfkit's default Producer entry, left as is: the corpus does not pose as another tool's output. */
const PRODUCER = "PDFKit";

function captionFor(source: ReportSource, set: TemplateSet, v: Variant): { left?: string; right: string } {
  const right = `${set.page.unitLabel}：${v.unit}`;
  return set.page.department ? { left: source.table_caption.left, right } : { right };
}

export async function renderReport(source: ReportSource, options: GenerateOptions): Promise<RenderedReport> {
  const v = options.variant;
  const cover = source.document.find((b) => b.type === "cover");
  const doc = createPdf({
    title: cover?.type === "cover" ? cover.title.replace(/\s+/g, "") : `${source.year}年度${source.unit}部门决算`,
    author: source.unit,
    created: new Date(`${source.issued}T09:00:00+08:00`),
  });
  if (v.glyphs === "per-glyph") drawGlyphByGlyph(doc);
  const metrics = metricsFor(doc);
  const draw = { ruled: v.ruled, ruleWidth: STYLE.table.ruleWidth };
  const set = templateFor(v);
  // Narrative grids (第四部分) keep their ruling: the variant's ruling is the standard tables'.
  const writer = new NarrativeWriter(doc, { ...metrics, padY: STYLE.grid.padY, lineFactor: STYLE.grid.lineFactor }, { ...draw, ruled: true });
  const tables = new Map<string, RenderedTable>();
  const blocks: { block: Block; pages: BlockPages }[] = [];
  const portrait = v.orientation === "portrait";
  const margins = portrait ? STYLE.portraitTable : STYLE.landscape;
  const availableWidth = (portrait ? A4.short : A4.long) - margins.left - margins.right;
  let heading = set.page.bookHeading ? `${source.unit}${source.year}年度部门决算表` : undefined;

  for (const block of source.document) {
    if (block.type !== "tables") {
      blocks.push({ block, pages: writer.write(block) });
      continue;
    }
    for (const id of block.ids) {
      const table = source.tables.find((t) => t.id === id);
      if (!table) throw new Error(`${source.id}: expected table ${id} in the source`);
      const composed = composeStandardTable(table, tableTemplate(set, id, v), {
        availableWidth,
        ...(portrait ? { fit: STYLE.portraitFit } : {}),
        variant: v,
      });
      const placement = renderStandardTable(doc, {
        table,
        composed,
        caption: captionFor(source, set, v),
        ...(heading ? { heading } : {}),
        metrics,
        draw,
        variant: v,
      });
      heading = undefined;
      tables.set(id, { placement, columns: composed.columns, texts: composed.texts });
    }
    writer.close();
  }
  addFolios(doc, options.folio);
  const count = pageCount(doc);
  return { bytes: await finish(doc), pageCount: count, producer: PRODUCER, tables, blocks };
}
