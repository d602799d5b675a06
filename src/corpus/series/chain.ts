// Carrying one year's ledger into the next: each report of a unit is built
// with last year's 年末 per 项 and fund as its 年初, nothing carried out of a
// 项 the unit drops next year, and last year's printed totals as the priors
// of its year-on-year statements. A cross-year break changes one of these
// inputs before the roll-up, so the report itself stays consistent; the
// chain is then checked (check.ts) and must break exactly where the fault
// says and nowhere else.
import { createRng, seedOf, type Rng } from "../rng.js";
import { fromWan, roundTo, stepOf, uniform, type Yuan } from "../synth/amount.js";
import { buildFinalWith, type BuiltSource } from "../synth/build.js";
import type { Fund } from "../synth/catalogue/units.js";
import { carryEnds, ledgerCodes, type CarryChain, type CarryKey, type Ledger } from "../synth/ledger.js";
import type { NarrativePriors } from "../synth/narrative.js";
import { chainBreaks, type ChainBreak } from "./check.js";
import { planSeries, type ChangeStatement, type SeriesEntry, type YearFaultSpec } from "./plan.js";
import { seriesTruth, yearFaultRecords, type SeriesTruth, type YearFaultRecord } from "./truth.js";

export interface SeriesReport {
  readonly plan: SeriesEntry;
  readonly built: BuiltSource;
  readonly ledger: Ledger;
  readonly series: SeriesTruth;
  readonly yearFaults: YearFaultRecord[];
}

type CarryMap = Map<string, Record<CarryKey, Yuan>>;

const valueOf = (b: BuiltSource, table: string, row: string, col: string): Yuan =>
  fromWan(b.source.tables.find((t) => t.id === table)?.cells.find((c) => c.row === row && c.col === col)?.value);

/** Last year's printed figures the three year-on-year statements restate. */
function priorsOf(prev: BuiltSource): NarrativePriors {
  return { s1: valueOf(prev, "T1", "income_grand_total", "amount"), s4: valueOf(prev, "T4", "income_grand_total", "amount"), s5: valueOf(prev, "T5", "total", "total") };
}

const STATEMENT_KEY: Record<ChangeStatement, keyof NarrativePriors> = { "T1:income_grand_total": "s1", "T4:income_grand_total": "s4", "T5:total": "s5" };

/** year-change: the stated prior moved 1.5–25 万元 off last year's figure (Δ and p follow it). */
function shiftPrior(priors: NarrativePriors, statement: ChangeStatement, rng: Rng, step: Yuan): NarrativePriors {
  const key = STATEMENT_KEY[statement];
  const by = roundTo(uniform(rng, 1.5, 25) * 10000, step);
  const prior = priors[key] - by > 0 && rng() < 0.5 ? priors[key] - by : priors[key] + by;
  return { ...priors, [key]: prior };
}

/** year-carry: one 项's 年初 in `fund` moved 2–9 万元 off last year's 年末 (down while that leaves ≥ 1 万元, else up). */
function shiftBegin(begin: CarryMap, plan: SeriesEntry, fund: Fund, rng: Rng, step: Yuan): CarryMap {
  const year = plan.entry.year;
  const codes = plan.unit.spec.lines
    .filter((l) => (l.fund ?? "general") === fund && l.basic < 1 && (l.from ?? 0) <= year && year <= (l.to ?? 9999))
    .map((l) => l.code);
  const code = codes.sort((a, b) => (begin.get(b)?.[fund] ?? 0) - (begin.get(a)?.[fund] ?? 0) || a.localeCompare(b))[0];
  if (!code) throw new Error(`${plan.entry.id}: no ${fund} 项 with project money to move its 年初`);
  const by = roundTo(uniform(rng, 2, 9) * 10000, step);
  const was = begin.get(code) ?? { general: 0, gov_fund: 0, state_capital: 0, nf: 0 };
  const out: CarryMap = new Map([...begin].map(([k, v]) => [k, { ...v }]));
  out.set(code, { ...was, [fund]: was[fund] >= by + 10000 ? was[fund] - by : was[fund] + by });
  return out;
}

/** A figure no report prints below zero (income, spending, carry-over). */
function assertNonNegative(b: BuiltSource): void {
  for (const t of b.source.tables) {
    const bad = t.cells.find((c) => c.value !== null && c.value < 0);
    if (bad) throw new Error(`${b.source.id}: ${t.id} ${bad.row}/${bad.col} is ${bad.value}`);
  }
}

/** The breaks a fault must make: the carry-over links (never a statement), or exactly its one statement. */
function expectedShape(fault: YearFaultSpec, breaks: readonly ChainBreak[]): boolean {
  if (breaks.length === 0) return false;
  if (fault.fault === "year-carry") return breaks.every((b) => b.table !== "narrative") && breaks.some((b) => b.table === "T1" && b.row === "carry_begin");
  return breaks.length === 1 && breaks[0]?.table === "narrative" && breaks[0].row === fault.statement;
}

function buildOne(plan: SeriesEntry, prev: SeriesReport | undefined): SeriesReport {
  const { entry, unit } = plan;
  const step = stepOf(entry.variant.unit);
  const rng = createRng(seedOf(`${entry.id}:${entry.seed}`));
  let begin: CarryMap | undefined = prev ? carryEnds(prev.ledger) : undefined;
  let priors = prev ? priorsOf(prev.built) : undefined;
  const fault = plan.yearFault;
  if (fault && (!prev || !begin || !priors)) throw new Error(`${entry.id}: a cross-year break needs last year's report`);
  if (fault?.fault === "year-carry" && begin) begin = shiftBegin(begin, plan, fault.fund, rng, step);
  if (fault?.fault === "year-change" && priors) priors = shiftPrior(priors, fault.statement, rng, step);
  const carry: CarryChain = { ...(begin ? { begin } : {}), ...(plan.last ? {} : { nextCodes: ledgerCodes(unit.spec, entry.year + 1) }) };
  const { built, ledger } = buildFinalWith(entry, {
    unit: { ...unit.spec, name: plan.printed }, carry, ...(priors ? { priors } : {}), ...(plan.cover !== plan.printed ? { coverName: plan.cover } : {}),
  });
  assertNonNegative(built);

  const breaks = prev ? chainBreaks({ tables: prev.built.source.tables, claims: prev.built.extras.claims }, { tables: built.source.tables, claims: built.extras.claims }) : [];
  if (!fault && breaks.length > 0) throw new Error(`${entry.id}: the chain from ${entry.year - 1} breaks at ${breaks.map((b) => `${b.table} ${b.row}`).join(", ")}`);
  if (fault && !expectedShape(fault, breaks)) throw new Error(`${entry.id}: ${fault.fault} broke ${breaks.map((b) => `${b.table} ${b.row}`).join(", ") || "nothing"}`);
  const minOff = Math.min(...breaks.map((b) => Math.abs(b.actual - b.expected)));
  if (breaks.length > 0 && minOff < 1) throw new Error(`${entry.id}: a cross-year break under 1 万元 (${minOff})`);
  return { plan, built, ledger, series: seriesTruth(unit, plan.printed, plan.cover), yearFaults: fault ? yearFaultRecords(fault.fault, entry.year - 1, breaks) : [] };
}

/** Every report of the series plan, each unit's years in order, chained. */
export function buildSeries(seed: number): SeriesReport[] {
  const out: SeriesReport[] = [];
  for (const plan of planSeries(seed)) {
    const prev = plan.first ? undefined : out[out.length - 1];
    if (prev && (prev.plan.unit.key !== plan.unit.key || prev.plan.entry.year !== plan.entry.year - 1)) throw new Error(`${plan.entry.id}: expected last year's report just before it`);
    out.push(buildOne(plan, prev));
  }
  return out;
}
