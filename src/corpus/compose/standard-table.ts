// A standard table (T1..T9) from its source and the template: header, 栏次
// row and body, checked so that every source cell is printed exactly once.
import type { Column } from "../../../schemas/canonical.js";
import { resolveWidths, type PrintedTable } from "../layout/printed-table.js";
import type { SourceTable } from "../source/schema.js";
import type { TableTemplate } from "../templates/types.js";
import { composeBody } from "./body.js";
import { columnNames, numberRow, placeHeader } from "./header.js";

export interface ComposedTable {
  readonly printed: PrintedTable;
  readonly columns: Column[];
}

export function composeStandardTable(table: SourceTable, t: TableTemplate, availableWidth: number): ComposedTable {
  const ncols = t.columns.length;
  const header = placeHeader(t.header, ncols, t.headerRowHeight);
  const numbers = table.print.column_numbers;
  const fullHeader = t.numberRow && numbers ? [...header, numberRow(t.numberRow, numbers, t.headerRowHeight)] : header;
  const body = composeBody(table, t);
  checkEveryCellPrinted(table, body.flatMap((r) => r.cells.flatMap((c) => (c.ref ? [c.ref] : []))));
  return {
    printed: { widths: resolveWidths(t.columns, availableWidth), fontSize: t.fontSize, header: fullHeader, body },
    columns: columnNames(header, t.columns),
  };
}

function checkEveryCellPrinted(table: SourceTable, refs: readonly { row: string; col: string }[]): void {
  const seen = new Map<string, number>();
  for (const r of refs) seen.set(`${r.row}/${r.col}`, (seen.get(`${r.row}/${r.col}`) ?? 0) + 1);
  for (const c of table.cells) {
    const n = seen.get(`${c.row}/${c.col}`) ?? 0;
    if (n !== 1) throw new Error(`${table.id}: expected cell ${c.row}/${c.col} printed once, got ${n}`);
  }
}
