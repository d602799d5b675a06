// narrativeFindings: every bound claim against the table figures, with the
// tolerance model of identities.md §1. Agreement gives no finding; a gap
// within rounding is info, beyond it an error (a warning for SOFT sums).
import { Finding, type Table } from "../../../schemas/canonical.js";
import { resolve, type Figure } from "./cells.js";
import { extractClaims } from "./claims.js";
import { EPS, fmt, fmtAmount, nearlyEqual, parsePrinted, roundHalfUp, UNIT_IN_WAN, type AmountUnit } from "./numbers.js";
import { OTHER_DENOMINATORS } from "./rules.js";
import type { AmountClaim, BoundClaim, CellRef, ChangePctClaim, Claim, NarrativePage, PctClaim, SumClaim } from "./types.js";

type Outcome = "exact" | "rounding" | "error";

interface Verdict {
  readonly outcome: Outcome;
  readonly expected: number;
  readonly actual: number;
  readonly refs: readonly CellRef[];
  readonly detail: string;
  readonly pct: boolean;
  readonly soft?: boolean;
  /** The stated share is what another figure's share would be: a wrong denominator, not a loose estimate. */
  readonly explained?: boolean;
}

const RULE: Record<Claim["kind"], string> = {
  amount: "narrative.amount", pct: "narrative.pct", change: "narrative.change", change_pct: "narrative.change_pct", sum: "narrative.sum",
  bound: "narrative.bound",
};

const refName = (refs: readonly CellRef[]): string =>
  refs.map((r) => `表${r.table.replace(/^T/, "")} ${r.row}/${r.col}`).join(" + ");

/** Percentages: EXACT at the printed decimals, ROUNDING within one unit of the last printed digit. */
function pctOutcome(p: number, stated: number, decimals: number): Outcome {
  if (nearlyEqual(roundHalfUp(p, decimals), stated)) return "exact";
  return Math.abs(p - stated) <= 10 ** -decimals + EPS ? "rounding" : "error";
}

function amountVerdict(c: AmountClaim, fig: Figure): Verdict {
  const nstep = 10 ** -c.decimals * (c.unit === "%" ? 1 : UNIT_IN_WAN[c.unit]);
  // Only the same figure is exact: "169.7" for a table's 169.69 is a gap that
  // rounding to the narrative's one decimal explains (info), as identities.md §1 has it.
  const exact = nearlyEqual(fig.value, c.stated);
  const within = Math.abs(c.stated - fig.value) <= nstep / 2 + fig.tol + EPS;
  return {
    outcome: exact ? "exact" : within ? "rounding" : "error",
    expected: fig.value, actual: c.stated, refs: fig.refs, pct: false,
    detail: `${refName(fig.refs)} = ${fmtAmount(fig.value)}；情况说明 ${c.text}${c.unit}`,
  };
}

function pctVerdict(c: PctClaim, tables: readonly Table[]): Verdict | null {
  const num = resolve(tables, c.num);
  const den = resolve(tables, c.den);
  if (!num || !den || den.value <= 0) return null;
  const p = (100 * num.value) / den.value;
  const outcome = pctOutcome(p, c.stated, c.decimals);
  let detail = `${fmtAmount(num.value)} / ${fmtAmount(den.value)} = ${fmt(p, 3)}%`;
  let explained = false;
  if (den.refs.length > 0) detail += `（分母 ${refName(den.refs)}）`;
  if (outcome === "error") {
    // Percent of what: name the figure the stated share is really of, when one fits.
    for (const alt of OTHER_DENOMINATORS) {
      const a = resolve(tables, { refs: alt.refs });
      if (!a || a.value <= 0 || refName(alt.refs) === refName(den.refs)) continue;
      const q = (100 * num.value) / a.value;
      if (pctOutcome(q, c.stated, c.decimals) !== "error") {
        explained = true;
        detail += `；所述 ${c.text}% 是 ${fmtAmount(num.value)} / ${fmtAmount(a.value)} = ${fmt(q, 3)}%，即占${alt.name}，分母与所述口径不符`;
        break;
      }
    }
  } else if (outcome === "rounding") {
    detail += `，${c.decimals}位小数应为 ${roundHalfUp(p, c.decimals).toFixed(c.decimals)}%`;
  }
  return { outcome, expected: roundHalfUp(p, c.decimals + 1), actual: c.stated, refs: [...num.refs, ...den.refs], detail, pct: true, explained };
}

function changePctVerdict(c: ChangePctClaim, tables: readonly Table[]): Verdict | null {
  const cur = resolve(tables, { refs: c.refs, fallback: c.fallback });
  if (!cur) return null;
  const base = cur.value - c.delta;
  if (base <= 0) return null;
  const p = (100 * Math.abs(c.delta)) / base;
  const outcome = pctOutcome(p, c.stated, c.decimals);
  const op = c.delta < 0 ? "+" : "−";
  let detail = `${fmtAmount(Math.abs(c.delta))} / (${fmtAmount(cur.value)} ${op} ${fmtAmount(Math.abs(c.delta))}) = ${fmt(p, 3)}%（上年数 = 本年 ${refName(cur.refs)} ${op} 增减额）`;
  if (outcome === "rounding") detail += `，${c.decimals}位小数应为 ${roundHalfUp(p, c.decimals).toFixed(c.decimals)}%`;
  return { outcome, expected: roundHalfUp(p, c.decimals + 1), actual: c.stated, refs: cur.refs, detail, pct: true };
}

function sumVerdict(c: SumClaim, tables: readonly Table[]): Verdict | null {
  const total = resolve(tables, c.total);
  if (!total) return null;
  const unit = (c.unit === "%" ? "万元" : c.unit) as AmountUnit;
  // A printed zero is exact (identities.md §1): it adds no rounding.
  const halfParts = c.parts.reduce((a, p) => a + (p.value === 0 ? 0 : 0.5 * 10 ** -p.decimals * UNIT_IN_WAN[unit]), 0);
  const totalHalf = "value" in c.total
    ? (total.value === 0 ? 0 : 0.5 * 10 ** -parsePrinted(c.total.text.replace(/[万亿]?元$/, "")).decimals * UNIT_IN_WAN[unit])
    : total.tol;
  const d = Math.max(c.decimals, 2);
  const exact = nearlyEqual(roundHalfUp(c.stated, d), roundHalfUp(total.value, d));
  const within = Math.abs(c.stated - total.value) <= halfParts + totalHalf + EPS;
  const against = "value" in c.total ? `所述合计 ${c.total.text}` : refName(total.refs);
  return {
    outcome: exact ? "exact" : within ? "rounding" : "error", soft: !c.strict,
    expected: total.value, actual: c.stated, refs: total.refs, pct: false,
    detail: `${c.parts.map((p) => p.text).join(" + ")} = ${fmtAmount(c.stated)}；${against} = ${fmtAmount(total.value)}（${c.strict ? "ALWAYS：分项之和" : "SOFT：明细之和"}）`,
  };
}

/** stated ≤ max; beyond it by no more than the rounding of both figures is info, further a warning (never an error). */
function boundVerdict(c: BoundClaim, tables: readonly Table[]): Verdict | null {
  const max = resolve(tables, c.max);
  if (!max) return null;
  const unit = (c.unit === "%" ? "万元" : c.unit) as AmountUnit;
  const half = c.stated === 0 ? 0 : 0.5 * 10 ** -c.decimals * UNIT_IN_WAN[unit];
  const maxHalf = "value" in c.max
    ? (max.value === 0 ? 0 : 0.5 * 10 ** -parsePrinted(c.max.text.replace(/[万亿]?元$/, "")).decimals * UNIT_IN_WAN[unit])
    : max.tol;
  const over = c.stated - max.value;
  const outcome: Outcome = over <= EPS ? "exact" : over <= half + maxHalf + EPS ? "rounding" : "error";
  const against = "value" in c.max ? `所述${c.maxName} ${c.max.text}` : `${c.maxName}（${refName(max.refs)}）`;
  return {
    outcome, soft: true, expected: max.value, actual: c.stated, refs: max.refs, pct: false,
    detail: `${c.text}${c.unit} ≤ ${against} = ${fmtAmount(max.value)}（INEQ：不应超过${c.cond ? `；${c.cond}` : ""}）`,
  };
}

function verdictOf(c: Claim, tables: readonly Table[]): Verdict | null {
  switch (c.kind) {
    case "amount": {
      const fig = resolve(tables, { refs: c.refs, fallback: c.fallback });
      if (!fig) return null;
      const v = amountVerdict(c, fig);
      // An uncertain figure is only ever cleared, never reported.
      return c.altStated === undefined || v.outcome === "exact" ? v : null;
    }
    case "pct": return pctVerdict(c, tables);
    case "change_pct": return changePctVerdict(c, tables);
    case "sum": return sumVerdict(c, tables);
    case "bound": return boundVerdict(c, tables);
    case "change": return null; // the prior year is not in the tables
  }
}

function where(c: Claim): string {
  return c.section === "app" ? `附件「${c.heading.replace(/^第.+?部分附件/, "").replace(/^「|」$/g, "") || "附件"}」` : `情况说明「${c.heading}」${c.sub ?? ""}`;
}

function findingOf(c: Claim, v: Verdict): Finding {
  const pct = v.pct ? "%" : "";
  const show = (x: number): string => (v.pct ? fmt(x, 2) : fmtAmount(x));
  const gap = Math.abs(v.actual - v.expected);
  const within = v.outcome === "rounding";
  // SOFT identities (N14: 绩效 coverage, project lists) are errors only when the wrong figure is pinned down.
  const soft = (v.soft || c.identity === "N14") && !v.explained;
  const severity = within ? "info" : soft ? "warning" : "error";
  const verdictText = within ? "（舍入误差范围内）" : "（超出舍入误差）";
  const should = c.kind === "bound" ? "应不超过" : "应为";
  const message = `${where(c)}: ${should} ${show(v.expected)}${pct}，实为 ${show(v.actual)}${pct}，相差 ${v.pct ? fmt(gap, 2) : fmtAmount(gap)}${pct}${verdictText}。「${c.quote}」：${v.detail}`;
  return Finding.parse({
    rule: RULE[c.kind], severity, table: "narrative", row: c.id, col: null, page: c.page,
    expected: v.expected, actual: v.actual, within_rounding: within, message,
    refs: v.refs.map((r) => ({ table: r.table, row: r.row, col: r.col })),
    identity: c.identity, section: c.heading, quote: c.quote, detail: v.detail,
  });
}

/** Findings for the narrative figures that disagree with the tables (none for those that agree). */
export function narrativeFindings(
  tables: readonly Table[],
  narrative: readonly NarrativePage[],
  claims: readonly Claim[] = extractClaims(narrative, tables),
): Finding[] {
  const out: Finding[] = [];
  for (const c of claims) {
    const v = verdictOf(c, tables);
    if (v && v.outcome !== "exact") out.push(findingOf(c, v));
  }
  return out;
}
