// Raw rows of a recognised table -> canonical rows and cells: row keys
// (codes, line keys, `total`), column keys, amounts in 万元.
import type { Cell, Column, Row, StandardTableId } from "../../schemas/canonical.js";
import { parseAmount, toWan } from "./amount.js";
import type { ColumnInfo, RawRow } from "./grid-table.js";
import { COLUMN_RULES, T4_EXPENSE_RULES, matchColumn, t7ColumnKeys } from "./rules/columns.js";
import { functionClassCode } from "./rules/function-classes.js";
import {
  T1_EXPENSE_LINES,
  T1_INCOME_LINES,
  T4_CARRY_BEGIN_PARTS,
  T4_EXPENSE_LINES,
  T4_INCOME_LINES,
  T6_TOTAL_LINES,
  TOTAL_LINE,
  closeLine,
  matchLine,
} from "./rules/lines.js";
import { t7AsWide } from "./t7-tall.js";
import { compact, stripNumbering } from "./text.js";

export type Unit = "万元" | "元" | "亿元";

export interface KeyedTable {
  readonly columns: Column[];
  readonly rows: Row[];
  readonly cells: Cell[];
  /** Amount texts that could not be read as numbers, for the report's diagnostics. */
  readonly unreadable: string[];
}

/** Column key of every amount column, by grid column index. */
export function columnKeys(id: StandardTableId | null, columns: readonly ColumnInfo[]): Map<number, Column> {
  const out = new Map<number, Column>();
  const amountCols = columns.filter((c) => c.role === "amount");
  const groups = [...new Set(amountCols.map((c) => c.group))];
  const t7 = id === "T7" ? t7ColumnKeys(amountCols.map((c) => c.path)) : [];
  for (const [i, c] of amountCols.entries()) {
    const name = c.path.join(" / ") || null;
    let key: string | null = null;
    if (id === "T1" || id === "T6") key = "amount";
    else if (id === "T4") key = c.group === groups[0] ? "amount" : matchColumn(T4_EXPENSE_RULES, c.path);
    else if (id === "T7") key = t7[i] ?? null;
    else if (id) key = matchColumn(COLUMN_RULES[id] ?? [], c.path);
    out.set(c.index, { key: key ?? `c${c.index + 1}`, name });
  }
  return out;
}

function levelOf(code: string): 1 | 2 | 3 {
  return code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3;
}

/** Row key of one raw row, or null for filler lines (only a 行次, or nothing). */
function rowKey(id: StandardTableId | null, row: RawRow, firstGroup: number, state: { t4CarryBegin: boolean }): string | null {
  const label = row.name ? stripNumbering(compact(row.name)) : "";
  const income = row.group === firstGroup;
  if (id === "T1" || id === "T4") {
    if (row.code) return row.code.slice(0, 3) === row.code ? row.code : null;
    if (label === "") return null;
    if (income) {
      const lines = id === "T1" ? T1_INCOME_LINES : T4_INCOME_LINES;
      const key = matchLine(lines, label) ?? closeLine(lines, label);
      if (id === "T4" && key === "carry_begin") state.t4CarryBegin = true;
      if (id === "T4" && key && state.t4CarryBegin && T4_CARRY_BEGIN_PARTS[key]) return T4_CARRY_BEGIN_PARTS[key]!;
      return key;
    }
    const lines = id === "T1" ? T1_EXPENSE_LINES : T4_EXPENSE_LINES;
    return matchLine(lines, label) ?? functionClassCode(label) ?? closeLine(lines, label);
  }
  if (row.code) return row.code;
  if (label === "") return id === "T7" && row.amounts.length > 0 ? "total" : null;
  if (id === "T6") return matchLine(T6_TOTAL_LINES, label);
  if (TOTAL_LINE.test(label)) return "total";
  return null;
}

export function keyRows(id: StandardTableId | null, printed: readonly RawRow[], printedColumns: readonly ColumnInfo[], unit: Unit): KeyedTable {
  // A T7 printed tall is keyed as the wide table it stands for.
  const wide = id === "T7" ? t7AsWide(printed, printedColumns) : null;
  const raw = wide?.raw ?? printed;
  const columns = wide?.columns ?? printedColumns;
  const colKeys = columnKeys(id, columns);
  const firstGroup = Math.min(...columns.map((c) => c.group));
  const rows: Row[] = [];
  const cells: Cell[] = [];
  const unreadable: string[] = [];
  const seen = new Set<string>();
  const usedCols = new Set<string>();
  const state = { t4CarryBegin: false };
  // Side-by-side blocks are read block by block (收入 lines before 支出 lines).
  const ordered = [...raw].sort((a, b) => a.group - b.group);
  for (const r of ordered) {
    let key = rowKey(id, r, firstGroup, state);
    if (!key && id === null && (r.name || r.code)) key = r.code ?? `r${rows.length + 1}`;
    if (!key || seen.has(key)) continue;
    // T7's single row may print nothing at all: it is still the table's row.
    if (id === "T7" && r.amounts.length === 0) continue;
    seen.add(key);
    rows.push({ key, name: r.name, level: /^\d+$/.test(key) ? levelOf(key) : null });
    const placed = new Map<string, number>();
    for (const a of r.amounts) {
      const col = colKeys.get(a.column);
      if (!col) continue;
      const parsed = parseAmount(a.text);
      if (!parsed.ok) unreadable.push(a.text);
      usedCols.add(col.key);
      // Two printed cells read as one canonical cell: keep the one with a figure, never both.
      const cell: Cell = {
        row: key,
        col: col.key,
        value: parsed.ok ? toWan(parsed.value, unit) : null,
        text: a.text,
        page: a.page ?? r.page,
        bbox: a.bbox,
        ...(a.confidence === undefined ? {} : { confidence: a.confidence }),
      };
      const earlier = placed.get(col.key);
      if (earlier === undefined) {
        placed.set(col.key, cells.length);
        cells.push(cell);
      } else if (cells[earlier]!.value === null && cell.value !== null) cells[earlier] = cell;
    }
  }
  // T6 lists its economic codes block by block, then its two totals (as the contract orders them).
  if (id === "T6") rows.sort((a, b) => Number(!/^\d+$/.test(a.key)) - Number(!/^\d+$/.test(b.key)));
  const columnsOut: Column[] = [];
  for (const c of colKeys.values()) if (!columnsOut.some((k) => k.key === c.key)) columnsOut.push(c);
  return { columns: columnsOut, rows, cells, unreadable };
}
