// A check → a finding, or nothing when it holds exactly.
import type { Finding } from "../../schemas/canonical.js";
import type { Check, Side } from "./check.js";
import type { CellRef, Figures } from "./figures.js";
import { COL_MEANING, ROW_MEANING, TABLE_LABEL } from "./names.js";
import { classify, EPSILON, roundingBound } from "./tolerance.js";

const total = (s: Side, fig: Figures): number => s.refs.reduce((a, r) => a + r.sign * fig.value(r), 0);

/** "表6 公用经费合计" — the table's own row name when it printed one. */
export function cellName(ref: CellRef, fig: Figures, home?: string): string {
  const row = fig.rowName(ref.table, ref.row) ?? ROW_MEANING[ref.row] ?? ref.row;
  const code = /^\d+$/.test(ref.row) ? `${ref.row} ` : "";
  const col = ["amount"].includes(ref.col) ? "" : ` ${COL_MEANING[ref.col] ?? fig.colName(ref.table, ref.col) ?? ref.col}`;
  const table = ref.table === home ? "" : `${TABLE_LABEL[ref.table] ?? ref.table} `;
  return `${table}${code}${row}${col}`;
}

function terms(s: Side, fig: Figures, home: string, label?: string): string {
  const sum = fig.number(s.refs[0]?.table ?? home, total(s, fig));
  if (label || s.refs.length > 6) return `${label ?? `${s.refs.length} 项之和`} ${sum}`;
  const parts = s.refs.map((r, i) => `${i === 0 ? (r.sign < 0 ? "− " : "") : r.sign < 0 ? " − " : " + "}${cellName(r, fig, home)} ${fig.number(r.table, fig.value(r))}`);
  return s.refs.length === 1 ? parts.join("") : `${parts.join("")} = ${sum}`;
}

export function evaluate(check: Check, fig: Figures): Finding | null {
  const lhs = total(check.lhs, fig);
  const rhs = total(check.rhs, fig);
  const gap = lhs - rhs;
  if (check.op === "<=" && gap <= EPSILON) return null;
  if (check.op === ">=" && gap >= -EPSILON) return null;
  const refs = [...check.lhs.refs, ...check.rhs.refs];
  const nonZero = refs.filter((r) => Math.abs(fig.value(r)) > EPSILON).length;
  const step = Math.max(...refs.map((r) => fig.step(r.table)));
  // Two tables each rounded on their own may differ by a step per roll-up: at least two.
  const bound = Math.max(roundingBound(nonZero - 1, step), check.across ? 2 * step : 0);
  const outcome = classify(gap, bound);
  if (outcome === "exact") return null;
  const at = check.lhs.refs[0]!;
  const others = lhs - at.sign * fig.value(at);
  const expected = (rhs - others) * at.sign;
  const actual = fig.value(at);
  const rounding = outcome === "rounding";
  const home = at.table;
  const detail = `${terms(check.lhs, fig, home)}；${terms(check.rhs, fig, home, check.rhsLabel)}`;
  const relation = check.op === "=" ? "应等于" : check.op === "<=" ? "不应大于" : "不应小于";
  const message =
    `${TABLE_LABEL[home] ?? home}「${cellName(at, fig, home)}」${check.op === "=" ? `应为 ${fig.printed(home, expected)}，实为 ${fig.printed(home, actual)}` : `为 ${fig.printed(home, actual)}，${relation} ${fig.printed(home, expected)}`}，差 ${fig.printed(home, Math.abs(gap))}` +
    `${rounding ? "（舍入误差范围内）" : check.status === "COND" ? "（该恒等式有前提，表中未必体现，请核对）" : ""}。${detail}`;
  return {
    rule: check.rule,
    identity: check.identity,
    severity: rounding ? "info" : check.status === "ALWAYS" ? "error" : "warning",
    table: at.table,
    row: at.row,
    col: at.col,
    page: fig.page(at),
    expected: Number(expected.toFixed(6)),
    actual: Number(actual.toFixed(6)),
    within_rounding: rounding,
    message,
    refs: refs.filter((r) => r !== at).map((r) => ({ table: r.table, row: r.row, col: r.col })),
    detail: `${detail}（${relation}，允许舍入差 ${fig.printed(home, bound)}）`,
  };
}
