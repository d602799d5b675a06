// A standard table of a report source as a producer sets it on its table
// pages: landscape or portrait as the variant prints them, composed from the
// variant's template to the page's width (narrower portrait pages fit it).
import { composeStandardTable, type ComposedTable } from "../compose/standard-table.js";
import { STYLE } from "../render/style.js";
import type { ReportSource, SourceTable } from "../source/schema.js";
import { tableTemplate, templateFor } from "../templates/index.js";
import type { Variant } from "../variant.js";
import { contentWidth, TABLE_LANDSCAPE, TABLE_PORTRAIT, type PageGeometry } from "./measure.js";

export interface TablePage {
  readonly portrait: boolean;
  readonly geometry: PageGeometry;
  /** The width tables are set in. */
  readonly room: number;
}

export function tablePage(v: Variant): TablePage {
  const portrait = v.orientation === "portrait";
  const geometry = portrait ? TABLE_PORTRAIT : TABLE_LANDSCAPE;
  return { portrait, geometry, room: contentWidth(geometry) };
}

/** The source's table `id` (a plan that names a table its source lacks is a bug). */
export function sourceTable(source: ReportSource, id: string): SourceTable {
  const table = source.tables.find((t) => t.id === id);
  if (!table) throw new Error(`${source.id}: expected table ${id} in the source`);
  return table;
}

/** The table composed for the variant's table pages. */
export function composeOnPage(table: SourceTable, v: Variant, page: TablePage): ComposedTable {
  return composeStandardTable(table, tableTemplate(templateFor(v), table.id, v), {
    availableWidth: page.room,
    ...(page.portrait ? { fit: STYLE.portraitFit } : {}),
    variant: v,
  });
}
