// The 三公 table (T7) printed tall: its items down the rows (合计, 因公出国（境）费,
// 公务用车购置及运行费 with 购置费 and 运行费 under it, 公务接待费) and its series across
// (预算数, 决算数). It is read as the wide table it stands for: one row whose columns
// are (series header, line label) pairs, so the wide layout's column rules key both
// and a line that is no 三公 item (会议费, 培训费) stays an extra column as it would wide.
import type { ColumnInfo, RawAmount, RawRow } from "./grid-table.js";
import { t7Block, t7Item } from "./rules/columns.js";
import { compact } from "./text.js";

export interface WideT7 {
  readonly raw: RawRow[];
  readonly columns: ColumnInfo[];
}

/** A "其中：" printed on a line of its own introduces the parts below it; it is no line. */
const LEAD_IN = /^其中[:：]?$/;

const lineItem = (name: string): string | null => t7Item([compact(name)]);

/** The wide reading of a tall T7, or null when the table is not printed tall. */
export function t7AsWide(raw: readonly RawRow[], columns: readonly ColumnInfo[]): WideT7 | null {
  const amountCols = columns.filter((c) => c.role === "amount");
  // Items across the columns: the wide layout already.
  if (amountCols.some((c) => t7Item(c.path) !== null)) return null;
  if (!amountCols.some((c) => t7Block(c.path) !== null)) return null;
  const lines = raw.filter((r): r is RawRow & { name: string } => r.name !== null && !LEAD_IN.test(compact(r.name)));
  // A 合计 alone says nothing of the orientation; an item down the rows does.
  if (!lines.some((r) => (lineItem(r.name) ?? "total") !== "total")) return null;
  const out: ColumnInfo[] = [];
  const amounts: RawAmount[] = [];
  // Series by series, lines top to bottom: the wide layout's column order.
  for (const col of amountCols) {
    for (const line of lines) {
      const a = line.amounts.find((x) => x.column === col.index);
      if (!a) continue;
      const index = out.length;
      out.push({ index, path: [...col.path, compact(line.name)], role: "amount", group: 0 });
      amounts.push({ ...a, column: index, page: line.page });
    }
  }
  const page = lines[0]!.page;
  return { raw: [{ page, group: 0, code: null, name: null, amounts }], columns: out };
}
