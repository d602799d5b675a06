// One unit's money for one year, built bottom-up in integer 元: spending per
// 项 and fund, income per 项 and source, carry-over, the 表6 economic split of
// the general-budget 基本支出 and the 三公 figures. Every table is a roll-up
// of this ledger, so every identity of identities.md holds by construction.
import type { Rng } from "../rng.js";
import { roundTo, splitExact, uniform, type Yuan } from "./amount.js";
import { staffLines, type Fund, type LineSpec, type T6Kind, type UnitSpec } from "./catalogue/units.js";

export interface Split {
  basic: Yuan;
  project: Yuan;
}

export interface Spend {
  readonly fund: Record<Fund, Split>;
  /** Paid from non-fiscal income: in 表3 only. */
  readonly nf: Split & { operating: Yuan };
}

export interface Income {
  fiscal: Yuan;
  upper_subsidy: Yuan;
  business: Yuan;
  operating: Yuan;
  affiliate: Yuan;
  other: Yuan;
}

export interface Carry {
  begin: Yuan;
  end: Yuan;
}

export type CarryKey = Fund | "nf";

export interface SangongSeries {
  abroad: Yuan;
  purchase: Yuan;
  operation: Yuan;
  reception: Yuan;
}

export interface Ledger {
  readonly unit: UnitSpec;
  readonly year: number;
  readonly step: Yuan;
  /** 7-digit 项 codes, ascending. */
  readonly codes: readonly string[];
  readonly spend: ReadonlyMap<string, Spend>;
  readonly income: ReadonlyMap<string, Income>;
  readonly carry: ReadonlyMap<string, Record<CarryKey, Carry>>;
  readonly useNonfiscalSurplus: Yuan;
  readonly surplusDistribution: Yuan;
  /** 表6 amounts by 5-digit economic code. */
  readonly t6: ReadonlyMap<string, Yuan>;
  readonly sangong: { budget: SangongSeries; actual: SangongSeries } | null;
}

const isAdmin = (u: UnitSpec): boolean => u.kind === "admin" || u.kind === "subdistrict";

function resolveCode(line: LineSpec, unit: UnitSpec, year: number): string {
  if (line.code !== "medical") return line.code;
  const admin = isAdmin(unit);
  if (year <= 2017) return admin ? "2100501" : "2100502";
  return admin ? "2101101" : "2101102";
}

const PERSONNEL_ADMIN: Record<string, number> = { "30101": 22, "30102": 30, "30103": 6, "30107": 12, "30112": 3, "30199": 5 };
const PERSONNEL_INST: Record<string, number> = { "30101": 25, "30102": 6, "30107": 38, "30112": 3, "30199": 8 };
const PUBLIC: Record<string, number> = {
  "30201": 15, "30202": 2, "30205": 2, "30206": 5, "30207": 4, "30211": 6, "30213": 8, "30216": 2,
  "30226": 5, "30227": 5, "30228": 8, "30229": 6, "30239": 5, "30299": 15, "31002": 5,
};
/** Basic spending of these kinds is all 人员经费, on one economic 款 (medical: two for 行政单位). */
const DIRECT: Record<Exclude<T6Kind, "salary" | "medical">, string> = {
  pension: "30108",
  annuity: "30109",
  housing: "30113",
  housing_sub: "30399",
  retire: "30302",
};

function add(map: Map<string, Yuan>, key: string, y: Yuan): void {
  if (y !== 0) map.set(key, (map.get(key) ?? 0) + y);
}

function splitInto(map: Map<string, Yuan>, total: Yuan, weights: Record<string, number>, rng: Rng, step: Yuan): void {
  const keys = Object.keys(weights);
  const parts = splitExact(total, keys.map((k) => (weights[k] ?? 0) * uniform(rng, 0.7, 1.3)), step);
  keys.forEach((k, i) => add(map, k, parts[i] ?? 0));
}

/**
 * Carry-over chained across years (the series corpus): this year's 年初 per
 * 项 and key is last year's 年末, and a 项 the unit no longer has next year
 * carries nothing out. Without it, both ends are drawn (the planned corpus).
 */
export interface CarryChain {
  /** Last year's 年末 per 项 code and key, this year's 年初 (a code absent: 0). Absent: the unit's first year, 年初 drawn. */
  readonly begin?: ReadonlyMap<string, Readonly<Record<CarryKey, Yuan>>>;
  /** The 项 codes the unit has next year; any other code ends the year with 0. Absent: no next year. */
  readonly nextCodes?: ReadonlySet<string>;
}

const CARRY_KEYS: readonly CarryKey[] = ["general", "gov_fund", "state_capital", "nf"];

/** The 项 codes a unit spends on in a year (the lines the ledger builds). */
export function ledgerCodes(unit: UnitSpec, year: number): Set<string> {
  const lines = [...unit.lines, ...staffLines(unit.kind)].filter((l) => (l.from ?? 0) <= year && year <= (l.to ?? 9999));
  return new Set(lines.map((l) => resolveCode(l, unit, year)));
}

/** 年末结转和结余 per 项 code and key: next year's CarryChain.begin. */
export function carryEnds(l: Ledger): Map<string, Record<CarryKey, Yuan>> {
  const out = new Map<string, Record<CarryKey, Yuan>>();
  for (const [code, c] of l.carry) out.set(code, { general: c.general.end, gov_fund: c.gov_fund.end, state_capital: c.state_capital.end, nf: c.nf.end });
  return out;
}

export function buildLedger(unit: UnitSpec, year: number, step: Yuan, rng: Rng, chain?: CarryChain): Ledger {
  const lines = [...unit.lines, ...staffLines(unit.kind)].filter((l) => (l.from ?? 0) <= year && year <= (l.to ?? 9999));
  const wsum = lines.reduce((a, l) => a + l.w, 0);
  const scale = unit.scale * 10000 * (1 + 0.06 * (year - 2017)) * uniform(rng, 0.9, 1.1);
  const spend = new Map<string, Spend>();
  const carry = new Map<string, Record<CarryKey, Carry>>();
  const t6kind = new Map<string, T6Kind>();
  const zero = (): Split => ({ basic: 0, project: 0 });
  const noCarry = (): Record<CarryKey, Carry> => ({
    general: { begin: 0, end: 0 }, gov_fund: { begin: 0, end: 0 }, state_capital: { begin: 0, end: 0 }, nf: { begin: 0, end: 0 },
  });

  for (const line of lines) {
    const code = resolveCode(line, unit, year);
    const amount = Math.max(roundTo((scale * line.w * uniform(rng, 0.8, 1.2)) / wsum, step), 100 * step);
    const nfAmount = line.nf ? roundTo(amount * line.nf, step) : 0;
    const fiscal = amount - nfAmount;
    const fundKey: Fund = line.fund ?? "general";
    const basic = line.basic >= 1 ? fiscal : roundTo(fiscal * line.basic, step);
    const s: Spend = { fund: { general: zero(), gov_fund: zero(), state_capital: zero() }, nf: { basic: 0, project: 0, operating: 0 } };
    s.fund[fundKey] = { basic, project: fiscal - basic };
    if (nfAmount > 0) {
      const operating = line.operating ? roundTo(nfAmount * uniform(rng, 0.15, 0.3), step) : 0;
      const nfBasic = roundTo((nfAmount - operating) * line.basic, step);
      s.nf.basic = nfBasic;
      s.nf.project = nfAmount - operating - nfBasic;
      s.nf.operating = operating;
    }
    spend.set(code, s);
    t6kind.set(code, line.t6 ?? "salary");

    // Carry-over: project money of gov-fund and state-capital lines always,
    // of general lines when the unit carries; non-fiscal money of 事业单位.
    const c = noCarry();
    const project = s.fund[fundKey].project;
    if (project > 0 && (fundKey !== "general" || unit.carry)) {
      c[fundKey] = { begin: roundTo(project * uniform(rng, 0, 0.25), step), end: roundTo(project * uniform(rng, 0, 0.25), step) };
    }
    if (nfAmount > 0) c.nf = { begin: roundTo(nfAmount * uniform(rng, 0.05, 0.2), step), end: roundTo(nfAmount * uniform(rng, 0.05, 0.2), step) };
    if (chain) {
      for (const k of CARRY_KEYS) {
        if (chain.begin) c[k].begin = chain.begin.get(code)?.[k] ?? 0;
        if (chain.nextCodes && !chain.nextCodes.has(code)) c[k].end = 0;
      }
    }
    carry.set(code, c);
  }

  const codes = [...spend.keys()].sort();
  const income = new Map<string, Income>();
  for (const code of codes) {
    const s = spend.get(code);
    const c = carry.get(code);
    if (!s || !c) continue;
    const fundIncome = (f: Fund) => s.fund[f].basic + s.fund[f].project + c[f].end - c[f].begin;
    const nfTotal = s.nf.basic + s.nf.project + s.nf.operating + c.nf.end - c.nf.begin;
    const rest = nfTotal - s.nf.operating;
    const business = rest > 0 ? roundTo(rest * 0.85, step) : 0;
    income.set(code, {
      fiscal: fundIncome("general") + fundIncome("gov_fund") + fundIncome("state_capital"),
      upper_subsidy: 0,
      business,
      operating: s.nf.operating,
      affiliate: 0,
      other: nfTotal - s.nf.operating - business,
    });
  }

  // 结余分配 and 使用非财政拨款结余 move 表1's balance; the difference is
  // income the unit took in beyond what it spent and carried.
  let useNonfiscalSurplus = 0;
  let surplusDistribution = 0;
  const nfCode = codes.find((c) => (spend.get(c)?.nf.basic ?? 0) > 0);
  if (unit.surplus && nfCode) {
    const base = spend.get(nfCode)?.nf.basic ?? 0;
    surplusDistribution = roundTo(base * uniform(rng, 0.03, 0.06), step);
    useNonfiscalSurplus = roundTo(base * uniform(rng, 0.01, 0.03), step);
    const inc = income.get(nfCode);
    if (inc) inc.business += surplusDistribution - useNonfiscalSurplus;
  }

  // 表6: the general-budget 基本支出, by economic code.
  const t6 = new Map<string, Yuan>();
  let salary = 0;
  for (const code of codes) {
    const basic = spend.get(code)?.fund.general.basic ?? 0;
    const kind = t6kind.get(code) ?? "salary";
    if (kind === "salary") salary += basic;
    else if (kind === "medical") {
      if (isAdmin(unit)) {
        const [a = 0, b = 0] = splitExact(basic, [7, 3], step);
        add(t6, "30110", a);
        add(t6, "30111", b);
      } else add(t6, "30110", basic);
    } else add(t6, DIRECT[kind], basic);
  }
  const publicPart = roundTo(salary * uniform(rng, 0.1, 0.2), step);
  splitInto(t6, salary - publicPart, isAdmin(unit) ? PERSONNEL_ADMIN : PERSONNEL_INST, rng, step);

  let sangong: Ledger["sangong"] = null;
  let fixed = 0;
  if (unit.sangong) {
    const actual: SangongSeries = {
      operation: roundTo(publicPart * uniform(rng, 0.04, 0.1), step),
      reception: roundTo(publicPart * uniform(rng, 0.005, 0.02), step),
      abroad: rng() < 0.2 ? roundTo(publicPart * uniform(rng, 0.02, 0.05), step) : 0,
      purchase: rng() < 0.15 ? roundTo(publicPart * uniform(rng, 0.1, 0.2), step) : 0,
    };
    const budgetOf = (y: Yuan): Yuan => (y > 0 ? roundTo(y * uniform(rng, 0.9, 1.25), step) : 0);
    const budget: SangongSeries = {
      operation: budgetOf(actual.operation),
      reception: budgetOf(actual.reception),
      abroad: budgetOf(actual.abroad),
      purchase: budgetOf(actual.purchase),
    };
    sangong = { budget, actual };
    // The basic-expenditure part of each 三公 item (X18: 表6 ≤ 表7 决算).
    const parts: [string, Yuan][] = [
      ["30231", roundTo(actual.operation * uniform(rng, 0.5, 0.8), step)],
      ["30217", roundTo(actual.reception * uniform(rng, 0.5, 0.9), step)],
      ["30212", roundTo(actual.abroad * 0.8, step)],
      ["31013", actual.purchase],
    ];
    for (const [k, y] of parts) {
      add(t6, k, y);
      fixed += y;
    }
  }
  splitInto(t6, publicPart - fixed, PUBLIC, rng, step);

  return { unit, year, step, codes, spend, income, carry, useNonfiscalSurplus, surplusDistribution, t6, sangong };
}
