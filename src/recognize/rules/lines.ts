// T1 and T4 are keyed by line, not by code: these rules name each line by its
// printed label (numbering stripped). Class lines (一般公共服务支出 …) are keyed
// by their function class code instead, see function-classes.ts.
import { closest, sayingsOf } from "../fuzzy.js";

export interface LineRule {
  readonly key: string;
  readonly match: RegExp;
  /** How the line prints, for text read by OCR that no rule matches exactly (fuzzy.ts). */
  readonly says?: readonly string[];
}

export const T1_INCOME_LINES: readonly LineRule[] = [
  { key: "fiscal_general", match: /^(其中[:：])?一般公共预算财政拨款(收入)?$/, says: ["一般公共预算财政拨款收入", "一般公共预算财政拨款"] },
  { key: "fiscal_gov_fund", match: /^(其中[:：])?政府性基金预算财政拨款(收入)?$/, says: ["政府性基金预算财政拨款收入", "政府性基金预算财政拨款"] },
  // University (高校) variant: one 财政拨款 line with its funds as 其中 parts.
  { key: "fiscal", match: /^财政拨款收入$/ },
  { key: "other_donation", match: /^其中[:：]?捐赠收入$/ },
  { key: "fiscal_state_capital", match: /^(其中[:：])?国有资本经营预算财政拨款(收入)?$/, says: ["国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款"] },
  { key: "upper_subsidy", match: /^上级补助收入$/, says: ["上级补助收入"] },
  { key: "business", match: /^事业收入$/, says: ["事业收入"] },
  // University (高等学校) set: 事业收入 by its parts, as 其中 lines under it or lines of their own.
  { key: "education_business", match: /^(其中[:：])?教育事业收入$/, says: ["教育事业收入"] },
  { key: "research_business", match: /^(其中[:：])?科研事业收入$/, says: ["科研事业收入"] },
  { key: "other_business", match: /^(其中[:：])?其他事业收入$/ },
  { key: "education_fees", match: /^(其中[:：])?教育收费(收入)?$/ },
  { key: "operating", match: /^经营收入$/, says: ["经营收入"] },
  { key: "affiliate", match: /^附属单位上缴收入$/, says: ["附属单位上缴收入"] },
  { key: "other", match: /^其他收入$/, says: ["其他收入"] },
  { key: "income_total", match: /^本年收入合计$/, says: ["本年收入合计"] },
  { key: "use_nonfiscal_surplus", match: /^使用非财政拨款结余/, says: ["使用非财政拨款结余"] },
  { key: "carry_begin", match: /^(年初|上年)结转和结余$/, says: ["年初结转和结余"] },
  { key: "income_grand_total", match: /^(收入)?(总计|合计)$/ },
];

export const T1_EXPENSE_LINES: readonly LineRule[] = [
  { key: "expense_total", match: /^本年支出合计$/, says: ["本年支出合计"] },
  { key: "surplus_distribution", match: /^结余分配$/, says: ["结余分配"] },
  { key: "carry_end", match: /^年末结转和结余$/, says: ["年末结转和结余"] },
  { key: "expense_grand_total", match: /^(支出)?(总计|合计)$/ },
];

export const T4_INCOME_LINES: readonly LineRule[] = [
  { key: "general", match: /^一般公共预算财政拨款(收入)?$/, says: ["一般公共预算财政拨款"] },
  { key: "gov_fund", match: /^政府性基金预算财政拨款(收入)?$/, says: ["政府性基金预算财政拨款"] },
  { key: "state_capital", match: /^国有资本经营预算财政拨款(收入)?$/, says: ["国有资本经营预算财政拨款"] },
  { key: "income_total", match: /^本年收入合计$/, says: ["本年收入合计"] },
  { key: "carry_begin", match: /^年初财政拨款结转和结余$/, says: ["年初财政拨款结转和结余"] },
  { key: "income_grand_total", match: /^(收入)?总计$/ },
];

/** After 年初财政拨款结转和结余, the three fund lines are its breakdown. */
export const T4_CARRY_BEGIN_PARTS: Readonly<Record<string, string>> = {
  general: "carry_begin_general",
  gov_fund: "carry_begin_gov_fund",
  state_capital: "carry_begin_state_capital",
};

export const T4_EXPENSE_LINES: readonly LineRule[] = [
  { key: "expense_total", match: /^本年支出合计$/, says: ["本年支出合计"] },
  { key: "carry_end", match: /^年末财政拨款结转和结余$/, says: ["年末财政拨款结转和结余"] },
  { key: "expense_grand_total", match: /^(支出)?总计$/ },
];

/** T6's two totals; a plain 合计 is kept as `total`. */
export const T6_TOTAL_LINES: readonly LineRule[] = [
  { key: "personnel_total", match: /^人员经费(合计)?$/ },
  { key: "public_total", match: /^公用经费(合计)?$/ },
  { key: "total", match: /^(合计|总计)$/ },
];

export const TOTAL_LINE = /^(合计|总计|本年(收入|支出)?合计)$/;

export function matchLine(rules: readonly LineRule[], name: string): string | null {
  for (const r of rules) if (r.match.test(name)) return r.key;
  return null;
}

/** The line OCR'd text reads as when no rule matches it exactly (fuzzy.ts), or null. */
export function closeLine(rules: readonly LineRule[], name: string): string | null {
  return closest(name, sayingsOf(rules));
}
