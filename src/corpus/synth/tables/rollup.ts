// 项 figures -> the 类/款/项 rows of a coded table (表2/3/5/8/9), with the
// 款, 类 and 合计 rows as exact sums. A zero cell is printed empty (null), as
// in the seed's code tables.
import type { Cell, Row } from "../../../../schemas/canonical.js";
import { toWan, type Yuan } from "../amount.js";
import { className } from "../catalogue/classes.js";
import { functionName } from "../catalogue/functions.js";

export type Figures = Record<string, Yuan>;

export interface Rolled {
  readonly rows: Row[];
  readonly cells: Cell[];
  /** Every row's figures (total, 类, 款, 项), for the cross-table lines. */
  readonly sums: ReadonlyMap<string, Figures>;
}

export const nullIfZero = (y: Yuan): number | null => (y === 0 ? null : toWan(y));

function addInto(map: Map<string, Figures>, key: string, f: Figures, cols: readonly string[]): void {
  const cur = map.get(key) ?? Object.fromEntries(cols.map((c) => [c, 0]));
  for (const c of cols) cur[c] = (cur[c] ?? 0) + (f[c] ?? 0);
  map.set(key, cur);
}

export function rollUp(
  perCode: ReadonlyMap<string, Figures>,
  cols: readonly string[],
  year: number,
  totalLast = false,
): Rolled {
  const sums = new Map<string, Figures>();
  const codes = [...perCode.keys()].filter((c) => cols.some((k) => (perCode.get(c)?.[k] ?? 0) !== 0)).sort();
  for (const code of codes) {
    const f = perCode.get(code) ?? {};
    for (const key of [code, code.slice(0, 5), code.slice(0, 3), "total"]) addInto(sums, key, f, cols);
  }
  if (!sums.has("total")) addInto(sums, "total", {}, cols);
  const keys = [...sums.keys()].filter((k) => k !== "total").sort();
  const name = (k: string) => (k.length === 3 ? className(k, year) : functionName(k, year));
  const body: Row[] = keys.map((k) => ({ key: k, name: name(k) }));
  const total: Row = { key: "total", name: "合计" };
  const rows = totalLast ? [...body, total] : [total, ...body];
  const cells = rows.flatMap((r) => cols.map((c) => ({ row: r.key, col: c, value: nullIfZero(sums.get(r.key)?.[c] ?? 0) })));
  return { rows, cells, sums };
}

export function sumOf(f: Figures | undefined, col: string): Yuan {
  return f?.[col] ?? 0;
}
