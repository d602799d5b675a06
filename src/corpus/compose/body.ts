// Body rows of a standard table for each body layout of the template.
import { cell, type GridCell, type GridRow } from "../layout/printed-table.js";
import type { SourceTable } from "../source/schema.js";
import type { BodyLayout, ColumnSpec, TableTemplate } from "../templates/types.js";

/** A source cell as it prints. */
type Lookup = (row: string, col: string) => string;
export type AmountFormat = (value: number | null) => string;

function lookupFor(table: SourceTable, format: AmountFormat): Lookup {
  const values = new Map(table.cells.map((c) => [`${c.row}\u0000${c.col}`, c.value]));
  return (row, col) => {
    const v = values.get(`${row}\u0000${col}`);
    if (v === undefined) throw new Error(`${table.id}: expected a cell ${row}/${col} in the source`);
    return format(v);
  };
}

function amountCell(lookup: Lookup, row: string, col: string, index: number): GridCell {
  return cell(lookup(row, col), index, "right", { ref: { row, col }, shrink: true });
}

function labelOf(table: SourceTable, key: string): string {
  const printed = table.print.labels?.[key];
  if (printed !== undefined) return printed;
  return table.rows.find((r) => r.key === key)?.name ?? "";
}

function indexed(columns: readonly ColumnSpec[], block?: number): { spec: ColumnSpec; index: number }[] {
  return columns.map((spec, index) => ({ spec, index })).filter((c) => block === undefined || c.spec.block === block);
}

function coded(table: SourceTable, t: TableTemplate, lookup: Lookup, total: "top" | "bottom"): GridRow[] {
  const cols = indexed(t.columns);
  const codeCol = cols.find((c) => c.spec.kind === "code")?.index ?? 0;
  const nameCol = cols.find((c) => c.spec.kind === "name")?.index ?? 1;
  const amounts = cols.filter((c) => c.spec.key);
  const codes = table.rows.filter((r) => /^\d+$/.test(r.key));
  const totals = table.rows.filter((r) => !/^\d+$/.test(r.key));
  const order = total === "bottom" ? [...codes, ...totals] : table.rows;
  return order.map((row) => {
    const isCode = /^\d+$/.test(row.key);
    const lead = isCode
      ? [cell(row.key, codeCol, "left"), cell(labelOf(table, row.key), nameCol, "left")]
      : [cell(labelOf(table, row.key), codeCol, "center", { colSpan: 2 })];
    const values = amounts.map((c) => amountCell(lookup, row.key, c.spec.key ?? "", c.index));
    return { cells: [...lead, ...values], minHeight: t.bodyRowHeight, keys: [row.key] };
  });
}

function sided(table: SourceTable, t: TableTemplate, lookup: Lookup, centered: readonly string[]): GridRow[] {
  const lines = table.print.lines;
  if (!lines) throw new Error(`${table.id}: expected print.lines for a 收入|支出 table`);
  const printedKeys = lines.flatMap((l) => (l.key ? [l.key] : []));
  for (const row of table.rows) {
    if (printedKeys.filter((k) => k === row.key).length !== 1) {
      throw new Error(`${table.id}: expected row ${row.key} on exactly one printed line`);
    }
  }
  const bySide = (side: "income" | "expense") => lines.filter((l) => l.side === side).sort((a, b) => a.line - b.line);
  const sides = [bySide("income"), bySide("expense")];
  const n = Math.max(...sides.map((s) => s.length));
  const rows: GridRow[] = [];
  for (let i = 0; i < n; i++) {
    const cells: GridCell[] = [];
    const keys: string[] = [];
    sides.forEach((side, block) => {
      const pl = side[i];
      for (const { spec, index } of indexed(t.columns, block)) {
        if (!pl) cells.push(cell("", index, "left"));
        else if (spec.kind === "name") {
          const label = pl.key ? labelOf(table, pl.key) : "";
          cells.push(cell(label, index, pl.key && centered.includes(pl.key) ? "center" : "left"));
        } else if (spec.kind === "line") cells.push(cell(String(pl.line), index, "center"));
        else if (spec.key && pl.key) cells.push(amountCell(lookup, pl.key, spec.key, index));
        else cells.push(cell("", index, "right"));
      }
      if (pl?.key) keys.push(pl.key);
    });
    rows.push({ cells, minHeight: t.bodyRowHeight, keys });
  }
  return rows;
}

function grouped(
  table: SourceTable,
  t: TableTemplate,
  lookup: Lookup,
  layout: Extract<BodyLayout, { kind: "grouped" }>,
): GridRow[] {
  const footerKeys = new Set(layout.footer.map((f) => f.key));
  const groups = layout.groups.map((prefixes) =>
    prefixes.flatMap((p) => table.rows.filter((r) => !footerKeys.has(r.key) && r.key.slice(0, 3) === p)),
  );
  const placed = new Set(groups.flat().map((r) => r.key));
  const stray = table.rows.find((r) => !footerKeys.has(r.key) && !placed.has(r.key));
  if (stray) throw new Error(`${table.id}: expected row ${stray.key} to belong to a column group`);
  const n = Math.max(...groups.map((g) => g.length));
  const rows: GridRow[] = [];
  for (let i = 0; i < n; i++) {
    const cells: GridCell[] = [];
    const keys: string[] = [];
    groups.forEach((group, block) => {
      const row = group[i];
      for (const { spec, index } of indexed(t.columns, block)) {
        if (!row) cells.push(cell("", index, "left"));
        else if (spec.kind === "code") cells.push(cell(row.key, index, "left"));
        else if (spec.kind === "name") cells.push(cell(labelOf(table, row.key), index, "left"));
        else cells.push(amountCell(lookup, row.key, spec.key ?? "", index));
      }
      if (row) keys.push(row.key);
    });
    rows.push({ cells, minHeight: t.bodyRowHeight, keys });
  }
  const footer: GridCell[] = [];
  layout.groups.forEach((_, block) => {
    const labelled = layout.footer.find((f) => f.labelBlock === block);
    const valued = layout.footer.find((f) => f.valueBlock === block);
    for (const { spec, index } of indexed(t.columns, block)) {
      if (spec.kind === "name" && labelled) footer.push(cell(labelOf(table, labelled.key), index, "center"));
      else if (spec.kind === "amount" && valued) footer.push(amountCell(lookup, valued.key, spec.key ?? "", index));
      else footer.push(cell("", index, "left"));
    }
  });
  rows.push({ cells: footer, minHeight: t.bodyRowHeight, keys: layout.footer.map((f) => f.key) });
  return rows;
}

function single(table: SourceTable, t: TableTemplate, lookup: Lookup): GridRow[] {
  const [row, ...rest] = table.rows;
  if (!row || rest.length > 0) throw new Error(`${table.id}: expected exactly one row for a single-row table`);
  const cells = indexed(t.columns).map(({ spec, index }) => amountCell(lookup, row.key, spec.key ?? "", index));
  return [{ cells, minHeight: t.bodyRowHeight, keys: [row.key] }];
}

/** One canonical row printed tall: a line per item, each amount column's key the prefix of the item's column. */
function items(table: SourceTable, t: TableTemplate, lookup: Lookup, layout: Extract<BodyLayout, { kind: "items" }>): GridRow[] {
  const [row, ...rest] = table.rows;
  if (!row || rest.length > 0 || row.key !== layout.row) throw new Error(`${table.id}: expected the one row ${layout.row} for a tall table`);
  return layout.items.map(({ label, item }) => {
    const cells = indexed(t.columns).map(({ spec, index }) =>
      spec.kind === "name" ? cell(label, index, "left") : amountCell(lookup, row.key, `${spec.key ?? ""}_${item}`, index),
    );
    return { cells, minHeight: t.bodyRowHeight, keys: [row.key] };
  });
}

export function composeBody(table: SourceTable, t: TableTemplate, amountFormat: AmountFormat): GridRow[] {
  const lookup = lookupFor(table, amountFormat);
  switch (t.body.kind) {
    case "coded":
      return coded(table, t, lookup, t.body.total ?? "top");
    case "sided":
      return sided(table, t, lookup, t.body.centered);
    case "grouped":
      return grouped(table, t, lookup, t.body);
    case "single":
      return single(table, t, lookup);
    case "items":
      return items(table, t, lookup, t.body);
  }
}
