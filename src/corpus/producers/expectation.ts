// What the read-back (readback.ts) looks for to find a standard table in a
// producer's PDF, built from the same composed table the producer printed:
// its title, the caption's unit text, the header, each body row's texts in
// cell order with the row keys it prints, and the lines under it.
import type { Column } from "../../../schemas/canonical.js";
import type { ComposedTable } from "../compose/standard-table.js";
import type { SourceTable } from "../source/schema.js";
import type { TablePageStyle } from "../templates/types.js";
import type { Variant } from "../variant.js";

export interface TableExpectation {
  readonly id: string;
  readonly title: string;
  /** The caption's unit text ("金额单位：万元"), printed right after the title. */
  readonly captionRight: string;
  /** The header rows' texts (and the 栏次 row's), in cell order. */
  readonly header: string;
  /** Each body row's printed texts in cell order, and the row keys it prints. */
  readonly rows: readonly { readonly texts: readonly string[]; readonly keys: readonly string[] }[];
  /** 注 lines, remarks and the empty-table statement, in print order. */
  readonly tail: readonly string[];
  readonly columns: Column[];
  readonly texts: ReadonlyMap<string, string>;
  /** Printed again above the header on each continuation page (title, 部门 line, unit), in print order. */
  readonly repeated?: readonly string[];
}

/** The caption line above a table: the department on the left where the template prints it, the unit on the right. */
export function captionFor(source: { readonly table_caption: { readonly left: string } }, page: TablePageStyle, v: Variant): { left?: string; right: string } {
  const right = `${page.unitLabel}：${v.unit}`;
  return page.department ? { left: source.table_caption.left, right } : { right };
}

/** The 注 lines and remarks under a table, then its empty-table statement. */
export function tailOf(table: SourceTable): string[] {
  return [...table.print.notes, ...(table.print.remarks ?? []), ...(table.empty_statement ? [table.empty_statement] : [])];
}

export function expectationOf(
  table: SourceTable,
  composed: ComposedTable,
  caption: { readonly left?: string; readonly right: string },
  o: { readonly tail?: readonly string[]; readonly repeated?: readonly string[] } = {},
): TableExpectation {
  return {
    id: table.id,
    title: table.title,
    captionRight: caption.right,
    header: composed.printed.header.flatMap((r) => r.cells.map((c) => c.text)).join(""),
    rows: composed.printed.body.map((r) => ({ texts: r.cells.map((c) => c.text).filter((t) => t.trim() !== ""), keys: r.keys })),
    tail: o.tail ?? tailOf(table),
    columns: composed.columns,
    texts: composed.texts,
    ...(o.repeated ? { repeated: o.repeated } : {}),
  };
}
