// The claim model: what one figure in the 情况说明 says and which table cells it speaks of.
export interface CellRef {
  readonly table: string;
  readonly row: string;
  readonly col: string;
}

/** The sections of the 情况说明 (national and Shanghai templates), plus the 附件 (整体绩效) appendix. */
export type SectionKey =
  | "s1" | "s2" | "s3" | "s4" | "s5" | "s6" | "s7" | "s8" | "s9"
  | "s10" | "s11" | "s12" | "s13" | "app";

/**
 * One side of a share or rate: table cells (preferred, the tolerance model
 * recomputes from printed table amounts) or a figure stated in the narrative.
 */
export type Operand =
  | { readonly refs: readonly CellRef[]; readonly fallback?: readonly CellRef[] }
  | { readonly value: number; readonly text: string };

export type ClaimKind = "amount" | "pct" | "change" | "change_pct" | "sum" | "bound";

export interface ClaimBase {
  /** Section key + quantity + kind, e.g. "s3.basic.pct"; unique within one report. */
  readonly id: string;
  readonly kind: ClaimKind;
  readonly section: SectionKey;
  /** The heading as printed (compacted), e.g. "三、支出决算情况说明". */
  readonly heading: string;
  /** The sub-heading in force, e.g. "（三）", or null. */
  readonly sub: string | null;
  /** The sentence (or clause run) the figure was read from. */
  readonly quote: string;
  readonly page: number;
  /** The printed figure (amounts converted to 万元; percentages in %). */
  readonly stated: number;
  /** The figure as printed, before conversion ("1,136.18", "6.2"). */
  readonly text: string;
  /** Decimals printed after the point. */
  readonly decimals: number;
  /** Unit printed after an amount (万元, 元, 亿元), "%" for shares. */
  readonly unit: "万元" | "元" | "亿元" | "%";
  /** The identity of identities.md §4b this claim instantiates (N1…N18). */
  readonly identity: string;
}

export interface AmountClaim extends ClaimBase {
  readonly kind: "amount";
  /** Bound table cells (their sum is the figure); empty when unbound. */
  readonly refs: readonly CellRef[];
  /** Cells equal by an ALWAYS identity, used when the primary ones were not read. */
  readonly fallback: readonly CellRef[];
  /** The reading with a decimal point lost at a line break ("2420|82" → 2420.82): the figure is uncertain. */
  readonly altStated?: number;
}

export interface PctClaim extends ClaimBase {
  readonly kind: "pct";
  readonly num: Operand;
  readonly den: Operand;
}

/** A year-on-year change "增加/减少 Δ": the prior year is current − Δ. */
export interface ChangeClaim extends ClaimBase {
  readonly kind: "change";
  /** The current-year cells the change is of. */
  readonly refs: readonly CellRef[];
  readonly fallback: readonly CellRef[];
}

/** "增长/下降 p%": p = |Δ| / (current − Δ), Δ signed (the prior-year base). */
export interface ChangePctClaim extends ClaimBase {
  readonly kind: "change_pct";
  readonly refs: readonly CellRef[];
  readonly fallback: readonly CellRef[];
  /** The signed change in 万元 as stated in the same sentence. */
  readonly delta: number;
  readonly deltaText: string;
}

/** A list of items whose amounts should sum to a total (projects → 项目支出). */
export interface SumClaim extends ClaimBase {
  readonly kind: "sum";
  /** The item amounts (万元) and their printed text. */
  readonly parts: readonly { readonly value: number; readonly text: string; readonly decimals: number }[];
  /** What the sum is compared with: table cells, or a total stated with the list. */
  readonly total: Operand;
  /** An ALWAYS identity (政府采购 货物 + 工程 + 服务 = 总额): a gap beyond rounding is an error, not a SOFT warning. */
  readonly strict?: boolean;
}

/**
 * An inequality: the stated figure may not exceed `max` (机关运行经费 ≤ 表6 公用经费合计;
 * 授予中小企业 ≤ 政府采购总额; 小微 ≤ 中小). A violation is a warning, never an error.
 */
export interface BoundClaim extends ClaimBase {
  readonly kind: "bound";
  readonly max: Operand;
  /** What the bound is, for messages ("政府采购支出总额"). */
  readonly maxName: string;
  /** The condition under which the inequality applies (COND identities), for messages. */
  readonly cond?: string;
}

export type Claim = AmountClaim | PctClaim | ChangeClaim | ChangePctClaim | SumClaim | BoundClaim;

export interface NarrativePage {
  readonly page: number;
  readonly text: string;
}
