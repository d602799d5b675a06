// The cross-year checks between two reports of one unit, a year apart: Y1
// (carry-over, rules.ts) and Y2 (the narrative's "与上年相比增加Δ" against
// last year's printed figure). Pure: figures in, findings out. Tolerance as
// identities.md §1 has it for one figure printed twice: a printed step (the
// coarser of the two reports'); for a narrative change, half a unit of Δ's
// last printed digit on top of the rounding both figures carry.
import { Finding, type YearChange } from "../../../schemas/canonical.js";
import { fmtAmount } from "../narrative/numbers.js";
import { UNIT_IN_WAN } from "../units.js";
import { EPSILON } from "../tolerance.js";
import { CARRY_COLUMN_TABLES, CARRY_PAIRS, YEAR_RULES } from "./rules.js";

export interface YearCell {
  /** 万元; a printed-empty cell is 0. */
  readonly value: number;
  readonly page: number | null;
  /** Half the table's printed step, in 万元. */
  readonly half: number;
  readonly rowName: string | null;
}

export interface YearReport {
  readonly id: number;
  readonly file: string;
  readonly year: number;
  /** Cells by `${table}|${row}|${col}`. */
  readonly cells: ReadonlyMap<string, YearCell>;
  /** Row keys of each table, in order (for tables checked row by row). */
  readonly rows: ReadonlyMap<string, readonly string[]>;
  readonly changes: readonly YearChange[];
}

export interface YearFinding {
  readonly finding: Finding;
  readonly priorReportId: number;
}

/** How YearReport.cells is keyed. */
export const cellKey = (table: string, row: string, col: string): string => `${table}|${row}|${col}`;
const tableName = (t: string): string => `表${t.replace(/^T/, "")}`;

function verdict(gap: number, tol: number): { severity: Finding["severity"]; within: boolean; words: string } | null {
  if (Math.abs(gap) <= EPSILON) return null;
  const within = Math.abs(gap) <= tol + EPSILON;
  return within ? { severity: "info", within, words: "（舍入误差范围内）" } : { severity: "warning", within, words: "（超出舍入误差；上年数如经调整，应在说明中写明）" };
}

function carryFindings(cur: YearReport, prior: YearReport): YearFinding[] {
  const out: YearFinding[] = [];
  const pairs = [
    ...CARRY_PAIRS,
    ...CARRY_COLUMN_TABLES.flatMap((t) =>
      (cur.rows.get(t.table) ?? []).map((row) => ({
        table: t.table, begin: { row, col: t.begin }, end: { row, col: t.end },
        beginName: `${cur.cells.get(cellKey(t.table, row, t.begin))?.rowName ?? row} 年初结转和结余`, endName: "年末结转和结余",
      })),
    ),
  ];
  for (const p of pairs) {
    const b = cur.cells.get(cellKey(p.table, p.begin.row, p.begin.col));
    const e = prior.cells.get(cellKey(p.table, p.end.row, p.end.col));
    if (!b || !e) continue;
    const gap = b.value - e.value;
    const v = verdict(gap, 2 * Math.max(b.half, e.half));
    if (!v) continue;
    const message =
      `${tableName(p.table)}「${p.beginName}」${cur.year}年度为 ${fmtAmount(b.value)} 万元，` +
      `${prior.year}年度决算${tableName(p.table)}「${p.endName}」为 ${fmtAmount(e.value)} 万元，相差 ${fmtAmount(Math.abs(gap))} 万元${v.words}。上年报告：${prior.file}${e.page ? ` 第${e.page}页` : ""}`;
    out.push({
      priorReportId: prior.id,
      finding: Finding.parse({
        rule: YEAR_RULES.carry.rule, severity: v.severity, table: p.table, row: p.begin.row, col: p.begin.col, page: b.page,
        expected: e.value, actual: b.value, within_rounding: v.within, message, refs: [], identity: YEAR_RULES.carry.identity,
        detail: `上年（${prior.year}）${tableName(p.table)} ${p.end.row}/${p.end.col} = ${fmtAmount(e.value)}；本年 ${p.begin.row}/${p.begin.col} = ${fmtAmount(b.value)}`,
      }),
    });
  }
  return out;
}

function sumOf(r: YearReport, refs: YearChange["refs"]): { value: number; tol: number } | null {
  let value = 0;
  let tol = 0;
  for (const ref of refs) {
    const c = r.cells.get(cellKey(ref.table, ref.row ?? "", ref.col ?? ""));
    if (!c) return null;
    value += c.value;
    if (c.value !== 0) tol += c.half;
  }
  return { value, tol };
}

function changeFindings(cur: YearReport, prior: YearReport): YearFinding[] {
  const out: YearFinding[] = [];
  for (const ch of cur.changes) {
    const now = sumOf(cur, ch.refs);
    const before = sumOf(prior, ch.refs);
    if (!now || !before) continue;
    const implied = now.value - ch.delta;
    const gap = implied - before.value;
    const half = (10 ** -ch.decimals * UNIT_IN_WAN[ch.unit]) / 2;
    const v = verdict(gap, half + now.tol + before.tol);
    if (!v) continue;
    const cells = ch.refs.map((r) => `${tableName(r.table)} ${r.row}/${r.col}`).join(" + ");
    const moved = ch.delta >= 0 ? "增加" : "减少";
    // This year's figure less the change: an increase is taken off, a decrease put back.
    const back = `${fmtAmount(now.value)} ${ch.delta >= 0 ? "−" : "+"} ${fmtAmount(Math.abs(ch.delta))}`;
    const message =
      `情况说明「${ch.section}」: 所述${moved} ${ch.text}${ch.unit}，上年应为 ${fmtAmount(implied)} 万元（${back}），` +
      `${prior.year}年度决算为 ${fmtAmount(before.value)} 万元，相差 ${fmtAmount(Math.abs(gap))} 万元${v.words}。「${ch.quote}」上年报告：${prior.file}`;
    out.push({
      priorReportId: prior.id,
      finding: Finding.parse({
        rule: YEAR_RULES.change.rule, severity: v.severity, table: "narrative", row: ch.id, col: null, page: ch.page,
        expected: before.value, actual: implied, within_rounding: v.within, message, refs: ch.refs, identity: YEAR_RULES.change.identity,
        section: ch.section, quote: ch.quote,
        detail: `${cells} = ${fmtAmount(now.value)}；${back} = ${fmtAmount(implied)}；上年（${prior.year}）${cells} = ${fmtAmount(before.value)}`,
      }),
    });
  }
  return out;
}

/** Findings on `cur` from comparing it with `prior`, the same unit's report of the year before. */
export function crossYearFindings(cur: YearReport, prior: YearReport): YearFinding[] {
  if (prior.year !== cur.year - 1) return [];
  return [...carryFindings(cur, prior), ...changeFindings(cur, prior)];
}
