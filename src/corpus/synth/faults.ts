// Deliberate errors and rounding seams, applied to a clean report. Each
// fault changes printed figures the way a publisher's slip would; its truth
// records are the identity instances it breaks, found by re-checking the
// report (check.ts), each with rule, table, row and column.
import type { Rng } from "../rng.js";
import type { ReportSource, SourceTable } from "../source/schema.js";
import { formatNarrativeAmount, formatPct, fromWan, pctScaled, roundTo, toWan, uniform, type NarrativeStyle, type Yuan } from "./amount.js";
import { checkReport, failureKey, type Failure } from "./check.js";
import type { Claim } from "./claims.js";

export const FAULTS = {
  "xiang-off": { kind: "error", rule: "T3.hierarchy.kuan", label: "表3 一个项级科目金额有误，所属款不再等于各项之和" },
  "class-off": { kind: "error", rule: "T2.hierarchy.lei", label: "表2 一个类级科目金额有误，不再等于各款之和" },
  "t1-total": { kind: "error", rule: "X.T1.expense_total=T3.total", label: "表1 本年支出合计与表3 合计不一致" },
  "t6-subtotal": { kind: "error", rule: "T6.301=sum", label: "表6 工资福利支出不等于各款之和" },
  "t7-subtotal": { kind: "error", rule: "T7.vehicle=purchase+operation", label: "表7 公务用车购置及运行费不等于购置费与运行费之和" },
  "narrative-amount": { kind: "error", rule: "narrative.amount", label: "情况说明中的金额与表不符" },
  "narrative-pct": { kind: "error", rule: "narrative.pct", label: "情况说明中的百分比与表不符" },
  "seam-t6-t5": { kind: "rounding", rule: "X.T6.personnel_total+public_total=T5.basic", label: "表6 人员经费与公用经费合计比表5 基本支出少 0.01（经济分类与功能分类汇总的舍入缝）" },
  "seam-t6-class": { kind: "rounding", rule: "T6.302=sum", label: "表6 商品和服务支出比各款之和多 0.01（舍入缝）" },
  "seam-pct-double": { kind: "rounding", rule: "narrative.pct", label: "增减百分比经两次舍入（如 6.147→6.15→6.2）" },
} as const;

export type FaultName = keyof typeof FAULTS;
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

/** An identity a fault broke (a checker's Failure), named after the fault that broke it. */
export interface FaultRecord extends Failure {
  readonly fault: FaultName;
  readonly kind: "error" | "rounding";
  readonly description: string;
  readonly section?: string;
  readonly quote?: string;
}

export interface Draft {
  readonly source: ReportSource;
  readonly claims: Claim[];
  /** How the narrative prints figures, so a restated figure looks like the rest. */
  readonly style: NarrativeStyle;
}

function table(d: Draft, id: string): SourceTable {
  const t = d.source.tables.find((x) => x.id === id);
  if (!t) throw new Error(`${d.source.id}: expected table ${id} for a fault`);
  return t;
}

function get(t: SourceTable, row: string, col: string): Yuan {
  return fromWan(t.cells.find((c) => c.row === row && c.col === col)?.value);
}

function shift(t: SourceTable, row: string, col: string, by: Yuan): void {
  const cell = t.cells.find((c) => c.row === row && c.col === col);
  if (!cell) throw new Error(`${t.id}: expected a cell ${row}/${col} to shift`);
  const y = fromWan(cell.value) + by;
  cell.value = toWan(y);
}

function firstWith(t: SourceTable, keyTest: (k: string) => boolean, col: string): string {
  const row = t.rows.find((r) => keyTest(r.key) && get(t, r.key, col) > 0);
  if (!row) throw new Error(`${t.id}: expected a row with ${col} > 0 for a fault`);
  return row.key;
}

/** Rewrites a claim's printed figure inside its quote and paragraph. */
function restate(d: Draft, claim: Claim, newText: string, suffix: string): void {
  const block = d.source.document[claim.block];
  if (block?.type !== "paragraph") throw new Error(`${d.source.id}: claim ${claim.id} does not point at a paragraph`);
  const oldQuote = claim.quote;
  const newQuote = oldQuote.replace(`${claim.text}${suffix}`, `${newText}${suffix}`);
  if (newQuote === oldQuote || !block.text.includes(oldQuote)) throw new Error(`${d.source.id}: cannot restate claim ${claim.id}`);
  block.text = block.text.replace(oldQuote, newQuote);
  for (const c of d.claims) if (c.block === claim.block && c.quote === oldQuote) c.quote = newQuote;
  claim.text = newText;
}

const bigDelta = (rng: Rng, step: Yuan): Yuan => roundTo(uniform(rng, 1, 60) * 10000, step);

function unitWord(d: Draft): string {
  return d.source.printed_unit === "元" ? "元" : "万元";
}

const APPLY: Record<FaultName, (d: Draft, rng: Rng, step: Yuan) => void> = {
  "xiang-off": (d, rng, step) => {
    const t = table(d, "T3");
    const row = firstWith(t, (k) => k.length === 7, "basic");
    const by = bigDelta(rng, step);
    shift(t, row, "total", by);
    shift(t, row, "basic", by);
  },
  "class-off": (d, rng, step) => {
    const t = table(d, "T2");
    const row = firstWith(t, (k) => k.length === 3, "fiscal");
    const by = bigDelta(rng, step);
    shift(t, row, "total", by);
    shift(t, row, "fiscal", by);
  },
  "t1-total": (d, rng, step) => shift(table(d, "T1"), "expense_total", "amount", bigDelta(rng, step)),
  "t6-subtotal": (d, rng, step) => {
    const t = table(d, "T6");
    shift(t, firstWith(t, (k) => k.length === 5 && k.startsWith("301"), "amount"), "amount", roundTo(uniform(rng, 0.3, 8) * 10000, step));
  },
  "t7-subtotal": (d, rng, step) => {
    const t = table(d, "T7");
    if (get(t, "total", "actual_vehicle_operation") <= 0) throw new Error(`${d.source.id}: t7-subtotal needs 公务用车运行费`);
    shift(t, "total", "actual_vehicle_operation", roundTo(uniform(rng, 0.2, 3) * 10000, step));
  },
  "narrative-amount": (d, rng, step) => {
    const claim = d.claims.find((c) => c.kind === "amount" && c.id === "s3.basic") ?? d.claims.find((c) => c.kind === "amount" && c.stated > 0);
    if (claim?.kind !== "amount") throw new Error(`${d.source.id}: expected an amount claim`);
    const y = fromWan(claim.stated) + bigDelta(rng, step);
    restate(d, claim, formatNarrativeAmount(y, d.style), unitWord(d));
    claim.stated = toWan(y);
  },
  "narrative-pct": (d, rng) => {
    const claim = d.claims.find((c) => c.kind === "pct" && c.stated > 0 && c.stated < 100 && c.id.startsWith("s3."));
    const pick = claim ?? d.claims.find((c) => c.kind === "pct" && c.stated > 0 && c.stated < 100);
    if (pick?.kind !== "pct") throw new Error(`${d.source.id}: expected a percentage claim below 100`);
    // The complementary share, or a slip of several points: never within rounding.
    const off = Math.max(1.5, Math.abs(100 - 2 * pick.stated)) * (rng() < 0.5 ? 1 : -1);
    let stated = Math.round((pick.stated + off) * 10 ** pick.decimals) / 10 ** pick.decimals;
    if (stated <= 0 || stated >= 100) stated = Math.round((pick.stated + (pick.stated > 50 ? -3 : 3)) * 10 ** pick.decimals) / 10 ** pick.decimals;
    restate(d, pick, formatPct(stated, pick.decimals), "%");
    pick.stated = stated;
  },
  "seam-t6-t5": (d) => {
    const t = table(d, "T6");
    const row = firstWith(t, (k) => k.length === 5 && k.startsWith("302"), "amount");
    for (const k of [row, "302", "public_total"]) shift(t, k, "amount", -100);
  },
  "seam-t6-class": (d) => shift(table(d, "T6"), "302", "amount", 100),
  "seam-pct-double": (d, _rng, step) => {
    const pctClaim = d.claims.find((c) => c.kind === "change_pct");
    const deltaClaim = d.claims.find((c) => c.kind === "change" && c.quote === pctClaim?.quote);
    if (pctClaim?.kind !== "change_pct" || deltaClaim?.kind !== "change") throw new Error(`${d.source.id}: expected a year-on-year claim`);
    const cur = pctClaim.refs.reduce((a, r) => a + get(table(d, r.table), r.row, r.col), 0);
    const dd = pctClaim.decimals;
    const prior0 = fromWan(pctClaim.prior);
    for (let k = 1; k < 200000; k++) {
      const prior = prior0 + (k % 2 === 0 ? k / 2 : -(k + 1) / 2) * step;
      const delta = Math.abs(cur - prior);
      if (prior <= 0 || delta === 0) continue;
      const exact = pctScaled(delta, prior, dd);
      const twice = Math.floor((pctScaled(delta, prior, dd + 1) + 5) / 10);
      if (twice === exact) continue;
      // Same direction as before, so the wording stays.
      if (Math.sign(cur - prior) !== Math.sign(deltaClaim.stated)) continue;
      const style = d.style;
      const block = d.source.document[pctClaim.block];
      if (block?.type !== "paragraph") break;
      const newDelta = formatNarrativeAmount(delta, style);
      const newPct = formatPct(twice / 10 ** dd, dd);
      const oldQuote = pctClaim.quote;
      const newQuote = oldQuote.replace(`${deltaClaim.text}${unitWord(d)}`, `${newDelta}${unitWord(d)}`).replace(`${pctClaim.text}%`, `${newPct}%`);
      block.text = block.text.replace(oldQuote, newQuote);
      Object.assign(deltaClaim, { quote: newQuote, text: newDelta, prior: toWan(prior), stated: toWan(cur - prior) });
      Object.assign(pctClaim, { quote: newQuote, text: newPct, prior: toWan(prior), stated: twice / 10 ** dd });
      return;
    }
    throw new Error(`${d.source.id}: no prior-year figure gives a double-rounding seam`);
  },
};

function describe(name: FaultName, f: Failure): string {
  const where = f.table === "narrative" ? `情况说明 ${f.row ?? ""}` : `${f.table} 行 ${f.row ?? ""} 列 ${f.col ?? ""}`;
  return `${FAULTS[name].label}。${where}：按 ${f.rule} 应为 ${f.expected}，实为 ${f.actual}`;
}

/**
 * Applies the faults in order to a deep copy of the draft; each identity
 * instance that first fails after a fault is recorded against that fault.
 */
export function applyFaults(clean: Draft, names: readonly FaultName[], rng: Rng): { draft: Draft; records: FaultRecord[] } {
  const draft: Draft = structuredClone(clean);
  const step = draft.source.printed_unit === "元" ? 1 : 100;
  const before = checkReport(draft.source.tables, draft.claims);
  if (before.length > 0) throw new Error(`${draft.source.id}: the clean report breaks ${failureKey(before[0] as Failure)}`);
  const seen = new Map<string, FaultName>();
  for (const name of names) {
    if (FAULTS[name].kind === "rounding" && step !== 100) throw new Error(`${draft.source.id}: rounding seams need a report printed in 万元`);
    APPLY[name](draft, rng, step);
    for (const f of checkReport(draft.source.tables, draft.claims)) if (!seen.has(failureKey(f))) seen.set(failureKey(f), name);
  }
  const records = checkReport(draft.source.tables, draft.claims).map((f): FaultRecord => {
    const name = seen.get(failureKey(f)) ?? (names[0] as FaultName);
    const claim = f.table === "narrative" ? draft.claims.find((c) => c.id === f.row) : undefined;
    return {
      fault: name,
      kind: FAULTS[name].kind,
      rule: f.rule,
      table: f.table,
      row: f.row,
      col: f.col,
      expected: f.expected,
      actual: f.actual,
      description: describe(name, f),
      ...(claim ? { section: claim.section, quote: claim.quote } : {}),
    };
  });
  return { draft, records };
}
