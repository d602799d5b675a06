// Per-项 figures of each coded table, read off the ledger.
import type { Yuan } from "../amount.js";
import type { Fund } from "../catalogue/units.js";
import type { Ledger } from "../ledger.js";
import type { Figures } from "./rollup.js";

export const T2_COLS = ["total", "fiscal", "upper_subsidy", "business", "operating", "affiliate", "other"] as const;
export const T3_COLS = ["total", "basic", "project", "remit_upper", "operating", "affiliate_subsidy"] as const;
export const T5_COLS = ["total", "basic", "project"] as const;
export const T8_COLS = ["carry_begin", "income", "total", "basic", "project", "carry_end"] as const;

export function t2Figures(l: Ledger): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const code of l.codes) {
    const i = l.income.get(code);
    if (!i) continue;
    const total = i.fiscal + i.upper_subsidy + i.business + i.operating + i.affiliate + i.other;
    out.set(code, { total, ...i });
  }
  return out;
}

export function t3Figures(l: Ledger): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const code of l.codes) {
    const s = l.spend.get(code);
    if (!s) continue;
    const funds = Object.values(s.fund);
    const basic = funds.reduce((a, f) => a + f.basic, 0) + s.nf.basic;
    const project = funds.reduce((a, f) => a + f.project, 0) + s.nf.project;
    out.set(code, { total: basic + project + s.nf.operating, basic, project, remit_upper: 0, operating: s.nf.operating, affiliate_subsidy: 0 });
  }
  return out;
}

export function t5Figures(l: Ledger): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const code of l.codes) {
    const g = l.spend.get(code)?.fund.general;
    if (g) out.set(code, { total: g.basic + g.project, basic: g.basic, project: g.project });
  }
  return out;
}

/** 表8 (gov fund), or 表9 of either form (state capital): spending with carry-over. */
export function fundFigures(l: Ledger, fund: Exclude<Fund, "general">): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const code of l.codes) {
    const s = l.spend.get(code)?.fund[fund];
    const c = l.carry.get(code)?.[fund];
    if (!s || !c) continue;
    const total = s.basic + s.project;
    out.set(code, { carry_begin: c.begin, income: total + c.end - c.begin, total, basic: s.basic, project: s.project, carry_end: c.end });
  }
  return out;
}

export function fundIncome(l: Ledger, fund: Fund): Yuan {
  let y = 0;
  for (const code of l.codes) {
    const s = l.spend.get(code)?.fund[fund];
    const c = l.carry.get(code)?.[fund];
    if (s && c) y += s.basic + s.project + c.end - c.begin;
  }
  return y;
}

export function carryTotal(l: Ledger, key: Fund | "nf", side: "begin" | "end"): Yuan {
  let y = 0;
  for (const code of l.codes) y += l.carry.get(code)?.[key][side] ?? 0;
  return y;
}
