// Header text -> canonical column key, per table. A column's header path is
// its header cells from top to bottom; the rules look at the lowest header
// cell that names the column (the leaf) first, then at the whole path, so
// that "本年支出 / 小计" and "小计" both read as `total`.
import type { StandardTableId } from "../../../schemas/canonical.js";

export interface ColumnRule {
  readonly key: string;
  readonly match: RegExp;
}

const TOTAL = /^(本年(收入|支出))?(合计|小计|总计)$/;
const BASIC = /^基本支出$/;
const PROJECT = /^项目支出$/;
const CARRY_BEGIN = /年初(财政拨款)?结转和结余/;
const CARRY_END = /年末(财政拨款)?结转和结余/;

const SPEND_3: readonly ColumnRule[] = [
  { key: "total", match: TOTAL },
  { key: "basic", match: BASIC },
  { key: "project", match: PROJECT },
  { key: "carry_begin", match: CARRY_BEGIN },
  { key: "carry_end", match: CARRY_END },
  { key: "income", match: /^本年收入$/ },
];

export const COLUMN_RULES: Partial<Record<StandardTableId, readonly ColumnRule[]>> = {
  T2: [
    { key: "total", match: TOTAL },
    { key: "fiscal", match: /^财政拨款(收入)?$/ },
    { key: "upper_subsidy", match: /^上级补助(收入)?$/ },
    { key: "business", match: /^事业(收入)?$/ },
    { key: "operating", match: /^经营(收入)?$/ },
    { key: "affiliate", match: /^附属单位上缴(收入)?$/ },
    { key: "other", match: /^其他(收入)?$/ },
  ],
  T3: [
    { key: "total", match: TOTAL },
    { key: "basic", match: BASIC },
    { key: "project", match: PROJECT },
    { key: "remit_upper", match: /^上缴上级(支出)?$/ },
    { key: "operating", match: /^经营(支出)?$/ },
    { key: "affiliate_subsidy", match: /^对附属单位补助(支出)?$/ },
  ],
  T5: SPEND_3,
  T8: SPEND_3,
  T9: SPEND_3,
};

/** T4's expenditure side, by fund. */
export const T4_EXPENSE_RULES: readonly ColumnRule[] = [
  { key: "total", match: TOTAL },
  { key: "general", match: /^一般公共预算(财政拨款)?$/ },
  { key: "gov_fund", match: /^政府性基金(预算)?(财政拨款)?$/ },
  { key: "state_capital", match: /^国有资本经营(预算)?(财政拨款)?$/ },
];

/** T7: which block (budget/actual) and which item a column is. */
export function t7ColumnKey(path: readonly string[]): string | null {
  const joined = path.join("/");
  const block = /决算|实际/.test(joined) ? "actual" : /预算/.test(joined) ? "budget" : null;
  if (!block) return null;
  const items = path.filter((p) => !/^(预算数?|决算数?|实际数?)$/.test(p) && !/三公/.test(p));
  const leaf = items[items.length - 1] ?? "";
  const item =
    /^合计$/.test(leaf) ? "total"
    : /因公出国/.test(leaf) ? "abroad"
    : /^小计$/.test(leaf) || /购置及运行/.test(leaf) ? "vehicle"
    : /购置费$/.test(leaf) ? "vehicle_purchase"
    : /运行(维护)?费$/.test(leaf) ? "vehicle_operation"
    : /公务接待/.test(leaf) ? "reception"
    : null;
  return item ? `${block}_${item}` : null;
}

export function matchColumn(rules: readonly ColumnRule[], path: readonly string[]): string | null {
  const leaf = path[path.length - 1] ?? "";
  for (const r of rules) if (r.match.test(leaf)) return r.key;
  for (let i = path.length - 2; i >= 0; i--) {
    for (const r of rules) {
      if (!r.match.test(path[i]!)) continue;
      // "事业收入 / 其中：教育收费" is a part of its parent, not the parent.
      return /^其中/.test(leaf) ? `${r.key}_incl` : r.key;
    }
  }
  return null;
}
