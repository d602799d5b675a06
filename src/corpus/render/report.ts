// Renders a whole report source: narrative blocks on portrait pages, the
// standard tables on landscape pages where the `tables` block stands, then
// page numbers. Returns the bytes and where everything landed.
import type { Column } from "../../../schemas/canonical.js";
import { composeStandardTable } from "../compose/standard-table.js";
import type { GridMetrics } from "../layout/table-grid.js";
import type { GenerateOptions } from "../options.js";
import type { Block, ReportSource } from "../source/schema.js";
import { templateFor } from "../templates/index.js";
import { addFolios } from "./folio.js";
import { NarrativeWriter, type BlockPages } from "./narrative.js";
import { createPdf, finish, pageCount, type Doc } from "./pdf.js";
import { renderStandardTable, type TablePlacement } from "./standard-table.js";
import { A4, STYLE } from "./style.js";
import { measure } from "./text.js";

export interface RenderedTable {
  readonly placement: TablePlacement;
  readonly columns: Column[];
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

function metricsFor(doc: Doc): GridMetrics {
  return {
    measure: (text, size) => measure(doc, text, { size }),
    padX: STYLE.cellPadX,
    padY: STYLE.table.padY,
    lineFactor: STYLE.table.lineFactor,
    minFontSize: STYLE.minFontSize,
  };
}

export async function renderReport(source: ReportSource, options: GenerateOptions): Promise<RenderedReport> {
  const cover = source.document.find((b) => b.type === "cover");
  const doc = createPdf({
    title: cover?.type === "cover" ? cover.title.replace(/\s+/g, "") : `${source.year}年度${source.unit}部门决算`,
    author: source.unit,
    created: new Date(`${source.issued}T09:00:00+08:00`),
  });
  const metrics = metricsFor(doc);
  const draw = { ruled: options.ruled, ruleWidth: STYLE.table.ruleWidth };
  const template = templateFor(source);
  const writer = new NarrativeWriter(doc, { ...metrics, padY: STYLE.grid.padY, lineFactor: STYLE.grid.lineFactor }, draw);
  const tables = new Map<string, RenderedTable>();
  const blocks: { block: Block; pages: BlockPages }[] = [];
  const landscapeWidth = STYLE.landscape.left + STYLE.landscape.right;

  for (const block of source.document) {
    if (block.type !== "tables") {
      blocks.push({ block, pages: writer.write(block) });
      continue;
    }
    for (const id of block.ids) {
      const table = source.tables.find((t) => t.id === id);
      if (!table) throw new Error(`${source.id}: expected table ${id} in the source`);
      const composed = composeStandardTable(table, template.tables[id], A4.long - landscapeWidth);
      const placement = renderStandardTable(doc, {
        table,
        composed,
        caption: source.table_caption,
        metrics,
        draw,
        repeatHeader: options.repeatHeader,
      });
      tables.set(id, { placement, columns: composed.columns });
    }
    writer.close();
  }
  addFolios(doc, options.folio);
  const count = pageCount(doc);
  return { bytes: await finish(doc), pageCount: count, producer: PRODUCER, tables, blocks };
}
