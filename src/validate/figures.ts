// The printed figures of one report, addressed by table, row and column, with
// what validation needs beside the value: the page, how finely each table
// prints (its rounding step) and the names a message uses.
import type { Cell, Table } from "../../schemas/canonical.js";
import { UNIT_IN_WAN, type AmountUnit } from "./units.js";

export interface CellRef {
  readonly table: string;
  readonly row: string;
  readonly col: string;
}


const decimalsOf = (text: string): number => {
  const m = /\.(\d+)\s*$/.exec(text.replace(/[,，\s]/g, ""));
  return m ? m[1]!.length : 0;
};

export class Figures {
  private readonly cells = new Map<string, Cell>();
  private readonly tables = new Map<string, Table>();
  private readonly steps = new Map<string, number>();
  private readonly units = new Map<string, { name: string; inWan: number; decimals: number }>();

  constructor(tables: readonly Table[], docUnit: string | null) {
    for (const t of tables) {
      if (t.kind === "extra") continue;
      this.tables.set(t.id, t);
      for (const c of t.cells) this.cells.set(`${t.id}|${c.row}|${c.col}`, c);
      // The last printed digit: 0.01 万元 for "1,136.18", 1 元 for "143589816".
      const printed = t.cells.map((c) => c.text ?? "").filter((x) => /\d/.test(x));
      const decimals = printed.length > 0 ? Math.max(...printed.map(decimalsOf)) : 2;
      const name = t.printed_unit ?? docUnit ?? "万元";
      const unit = UNIT_IN_WAN[name as AmountUnit] ?? 1;
      this.steps.set(t.id, 10 ** -decimals * unit);
      this.units.set(t.id, { name, inWan: unit, decimals });
    }
  }

  table(id: string): Table | undefined {
    return this.tables.get(id);
  }

  has(ref: CellRef): boolean {
    return this.cells.has(`${ref.table}|${ref.row}|${ref.col}`);
  }

  cell(ref: CellRef): Cell | undefined {
    return this.cells.get(`${ref.table}|${ref.row}|${ref.col}`);
  }

  /** The value in 万元; a printed-empty or absent cell counts as 0. */
  value(ref: CellRef): number {
    return this.cell(ref)?.value ?? 0;
  }

  /** The rounding step of a table's printed figures, in 万元. */
  step(table: string): number {
    return this.steps.get(table) ?? 0.01;
  }

  /** A 万元 figure as the table prints it: "368.78 万元", "3,687,808 元". */
  printed(table: string, wan: number): string {
    return `${this.number(table, wan)} ${this.units.get(table)?.name ?? "万元"}`;
  }

  /** The number alone, in the table's unit and decimals. */
  number(table: string, wan: number): string {
    const u = this.units.get(table) ?? { name: "万元", inWan: 1, decimals: 2 };
    return (wan / u.inWan).toLocaleString("en-US", { minimumFractionDigits: u.decimals, maximumFractionDigits: u.decimals });
  }

  rowKeys(table: string): string[] {
    return this.tables.get(table)?.rows.map((r) => r.key) ?? [];
  }

  rowName(table: string, row: string): string | null {
    return this.tables.get(table)?.rows.find((r) => r.key === row)?.name ?? null;
  }

  colName(table: string, col: string): string | null {
    return this.tables.get(table)?.columns?.find((c) => c.key === col)?.name ?? null;
  }

  /** Page of a cell, else the table's first page. */
  page(ref: CellRef): number | null {
    return this.cell(ref)?.page ?? this.tables.get(ref.table)?.pages[0] ?? null;
  }
}
