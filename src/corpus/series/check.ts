// The cross-year chain between two consecutive reports of one unit, checked
// exactly (integer 元) on what they print: 年初结转和结余 is last year's
// 年末 (表1; 表4 in total and by fund; 表8 on every row printed both years),
// and a year-on-year statement's prior (this year's figure − the stated Δ)
// is last year's printed figure. Works on a ReportSource or a truth alike.
import { fromWan, toWan, type Yuan } from "../synth/amount.js";
import type { Claim } from "../synth/claims.js";

export interface ChainTable {
  readonly id: string;
  readonly rows: readonly { readonly key: string }[];
  readonly cells: readonly { readonly row: string; readonly col: string; readonly value: number | null }[];
}

export interface ChainReport {
  readonly tables: readonly ChainTable[];
  readonly claims: readonly Claim[];
}

/** One link of the chain that does not hold: `expected` is last year's printed figure, `actual` this year's (万元). */
export interface ChainBreak {
  /** T1, T4, T8, or narrative. */
  readonly table: string;
  /** A row key; for a narrative statement, the figure it restates ("T1:income_grand_total", "T4:income_grand_total", "T5:total"). */
  readonly row: string;
  readonly col: string | null;
  readonly expected: number;
  readonly actual: number;
  /** The year-on-year claim and its words, for a narrative statement. */
  readonly claim?: string;
  readonly quote?: string;
}

/** The carry-over links: [table, this year's row, col] = [table, last year's row, col]. */
const CARRY_LINKS: readonly { table: string; row: string; col: string; priorRow: string; priorCol: string }[] = [
  { table: "T1", row: "carry_begin", col: "amount", priorRow: "carry_end", priorCol: "amount" },
  { table: "T4", row: "carry_begin", col: "amount", priorRow: "carry_end", priorCol: "total" },
  { table: "T4", row: "carry_begin_general", col: "amount", priorRow: "carry_end", priorCol: "general" },
  { table: "T4", row: "carry_begin_gov_fund", col: "amount", priorRow: "carry_end", priorCol: "gov_fund" },
  { table: "T4", row: "carry_begin_state_capital", col: "amount", priorRow: "carry_end", priorCol: "state_capital" },
];

/** The year-on-year statements a chain checks (their claim ids). */
export const CHANGE_CLAIMS: readonly string[] = ["s1.change", "s4.change", "s5.change"];

function valueOf(r: ChainReport, table: string, row: string, col: string): Yuan {
  return fromWan(r.tables.find((t) => t.id === table)?.cells.find((c) => c.row === row && c.col === col)?.value);
}

export function chainBreaks(prior: ChainReport, cur: ChainReport): ChainBreak[] {
  const out: ChainBreak[] = [];
  const link = (table: string, row: string, col: string, actual: Yuan, expected: Yuan) => {
    if (actual !== expected) out.push({ table, row, col, expected: toWan(expected), actual: toWan(actual) });
  };
  for (const l of CARRY_LINKS) link(l.table, l.row, l.col, valueOf(cur, l.table, l.row, l.col), valueOf(prior, l.table, l.priorRow, l.priorCol));

  const t8 = cur.tables.find((t) => t.id === "T8");
  const t8Prior = new Set(prior.tables.find((t) => t.id === "T8")?.rows.map((r) => r.key) ?? []);
  for (const r of t8?.rows ?? []) {
    if (t8Prior.has(r.key)) link("T8", r.key, "carry_begin", valueOf(cur, "T8", r.key, "carry_begin"), valueOf(prior, "T8", r.key, "carry_end"));
  }

  for (const c of cur.claims) {
    if (c.kind !== "change" || !CHANGE_CLAIMS.includes(c.id)) continue;
    const sum = (r: ChainReport) => c.refs.reduce((a, x) => a + valueOf(r, x.table, x.row, x.col), 0);
    const implied = sum(cur) - fromWan(c.stated);
    const last = sum(prior);
    const first = c.refs[0];
    if (implied !== last && first) {
      out.push({ table: "narrative", row: `${first.table}:${first.row}`, col: null, expected: toWan(last), actual: toWan(implied), claim: c.id, quote: c.quote });
    }
  }
  return out;
}
