// A standard table (T1..T9) from its source and the template: header, 栏次
// row and body, code columns as the variant prints them, checked so that
// every source cell is printed exactly once.
import type { Column } from "../../../schemas/canonical.js";
import { resolveWidths, type CellRef, type PrintedTable, type WidthFit } from "../layout/printed-table.js";
import type { SourceTable } from "../source/schema.js";
import { T7_ITEMS } from "../templates/build.js";
import type { ColumnSpec, TableTemplate } from "../templates/types.js";
import type { Variant } from "../variant.js";
import { composeBody } from "./body.js";
import { applyCodes } from "./codes.js";
import { columnNames, numberRow, placeHeader } from "./header.js";
import { addLineNumbers } from "./line-numbers.js";
import { printAmount } from "./number-format.js";

export interface ComposedTable {
  readonly printed: PrintedTable;
  readonly columns: Column[];
  /** What each source cell prints as ("" for an empty cell), keyed `row/col`. */
  readonly texts: ReadonlyMap<string, string>;
}

export interface ComposeOptions {
  readonly availableWidth: number;
  /** Narrower pages than the template's (portrait): how the columns fit. */
  readonly fit?: WidthFit;
  readonly variant: Variant;
}

export const cellKey = (r: CellRef): string => `${r.row}/${r.col}`;

export function composeStandardTable(table: SourceTable, t: TableTemplate, o: ComposeOptions): ComposedTable {
  const ncols = t.columns.length;
  const header = placeHeader(t.header, ncols, t.headerRowHeight);
  const numbers = table.print.column_numbers;
  const body = composeBody(table, t, (v) => printAmount(v, o.variant));
  const coded = applyCodes(
    {
      columns: t.columns,
      header,
      ...(t.numberRow && numbers ? { numberRow: numberRow(t.numberRow, numbers, t.headerRowHeight) } : {}),
      body,
    },
    o.variant.codes,
    t.headerRowHeight,
  );
  const grid = o.variant.line_numbers && t.body.kind === "coded" ? addLineNumbers(coded) : coded;
  const texts = new Map<string, string>();
  for (const row of grid.body) for (const c of row.cells) if (c.ref) texts.set(cellKey(c.ref), c.text);
  checkEveryCellPrinted(table, grid.body.flatMap((r) => r.cells.flatMap((c) => (c.ref ? [c.ref] : []))));
  return {
    printed: {
      widths: resolveWidths(grid.columns.map((c) => widen(c, o.variant)), o.availableWidth, o.fit),
      fontSize: t.fontSize,
      header: grid.numberRow ? [...grid.header, grid.numberRow] : grid.header,
      body: grid.body,
    },
    columns: t.body.kind === "items" ? itemColumns(grid.header, grid.columns, t.body.items) : columnNames(grid.header, grid.columns),
    texts,
  };
}

/** A tall table's canonical columns: prefix × item, in the canonical item order, named "预算数 / 因公出国（境）费". */
function itemColumns(header: ComposedTable["printed"]["header"], columns: readonly ColumnSpec[], items: readonly { label: string; item: string }[]): Column[] {
  const order: readonly string[] = T7_ITEMS;
  const sorted = [...items].sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
  return columnNames(header, columns).flatMap((c) => sorted.map((i) => ({ key: `${c.key}_${i.item}`, name: `${c.name} / ${i.label}` })));
}

/** Amounts in 元 run four digits longer: their columns widen, the name columns give way. */
function widen(c: ColumnSpec, v: Variant): ColumnSpec {
  return v.unit === "元" && c.kind === "amount" && c.width !== undefined ? { ...c, width: c.width * YUAN_WIDEN } : c;
}

const YUAN_WIDEN = 1.3;

function checkEveryCellPrinted(table: SourceTable, refs: readonly CellRef[]): void {
  const seen = new Map<string, number>();
  for (const r of refs) seen.set(cellKey(r), (seen.get(cellKey(r)) ?? 0) + 1);
  for (const c of table.cells) {
    const n = seen.get(cellKey(c)) ?? 0;
    if (n !== 1) throw new Error(`${table.id}: expected cell ${c.row}/${c.col} printed once, got ${n}`);
  }
}
