// Header text -> canonical column key, per table. A column's header path is
// its header cells from top to bottom; the rules look at the lowest header
// cell that names the column (the leaf) first, then at the whole path, so
// that "本年支出 / 小计" and "小计" both read as `total`.
import type { StandardTableId } from "../../../schemas/canonical.js";
import { closest, sayingsOf } from "../fuzzy.js";

export interface ColumnRule {
  readonly key: string;
  readonly match: RegExp;
  /** How the header prints, for text read by OCR that no rule matches exactly (fuzzy.ts). */
  readonly says?: readonly string[];
}

const TOTAL = /^(本年(收入|支出))?(合计|小计|总计)$/;
const BASIC = /^基本支出$/;
const PROJECT = /^项目支出$/;
const CARRY_BEGIN = /年初(财政拨款)?结转和结余/;
const CARRY_END = /年末(财政拨款)?结转和结余/;

const SPEND_3: readonly ColumnRule[] = [
  { key: "total", match: TOTAL, says: ["合计", "小计", "本年收入合计", "本年支出合计"] },
  { key: "basic", match: BASIC, says: ["基本支出"] },
  { key: "project", match: PROJECT, says: ["项目支出"] },
  // University (高等学校) set: 项目支出 / 其中：基本建设资金支出.
  { key: "project_capital_construction", match: /^(其中[:：])?基本建设(资金)?(支出)?$/ },
  { key: "carry_begin", match: CARRY_BEGIN, says: ["年初结转和结余", "年初财政拨款结转和结余"] },
  { key: "carry_end", match: CARRY_END, says: ["年末结转和结余", "年末财政拨款结转和结余"] },
  { key: "income", match: /^本年收入$/, says: ["本年收入"] },
];

export const COLUMN_RULES: Partial<Record<StandardTableId, readonly ColumnRule[]>> = {
  T2: [
    { key: "total", match: TOTAL, says: ["合计", "小计", "本年收入合计", "本年支出合计"] },
    { key: "fiscal", match: /^财政拨款(收入)?$/, says: ["财政拨款收入"] },
    { key: "upper_subsidy", match: /^上级补助(收入)?$/, says: ["上级补助收入"] },
    { key: "business", match: /^事业(收入)?$/, says: ["事业收入"] },
    // University (高等学校) set: 事业收入 printed by its parts, under it or in its place; never read as `business`.
    { key: "education_business", match: /^(其中[:：])?教育事业(收入)?$/, says: ["教育事业收入"] },
    { key: "research_business", match: /^(其中[:：])?科研事业(收入)?$/, says: ["科研事业收入"] },
    { key: "other_business", match: /^(其中[:：])?其他事业(收入)?$/ },
    { key: "education_fees", match: /^(其中[:：])?教育收费(收入)?$/ },
    { key: "operating", match: /^经营(收入)?$/, says: ["经营收入"] },
    { key: "affiliate", match: /^附属单位上缴(收入)?$/, says: ["附属单位上缴收入"] },
    { key: "other", match: /^其他(收入)?$/, says: ["其他收入"] },
  ],
  T3: [
    { key: "total", match: TOTAL, says: ["合计", "小计", "本年收入合计", "本年支出合计"] },
    { key: "basic", match: BASIC, says: ["基本支出"] },
    { key: "project", match: PROJECT, says: ["项目支出"] },
    { key: "remit_upper", match: /^上缴上级(支出)?$/, says: ["上缴上级支出"] },
    { key: "operating", match: /^经营(支出)?$/, says: ["经营支出"] },
    { key: "affiliate_subsidy", match: /^对附属单位补助(支出)?$/, says: ["对附属单位补助支出"] },
  ],
  T5: SPEND_3,
  T8: SPEND_3,
  T9: SPEND_3,
};

/** T4's expenditure side, by fund. */
export const T4_EXPENSE_RULES: readonly ColumnRule[] = [
  { key: "total", match: TOTAL, says: ["合计", "小计", "本年收入合计", "本年支出合计"] },
  { key: "general", match: /^一般公共预算(财政拨款)?$/, says: ["一般公共预算财政拨款"] },
  { key: "gov_fund", match: /^政府性基金(预算)?(财政拨款)?$/, says: ["政府性基金预算财政拨款"] },
  { key: "state_capital", match: /^国有资本经营(预算)?(财政拨款)?$/, says: ["国有资本经营预算财政拨款"] },
];

/**
 * T7's two series, tried in order on a column's whole header path. A column
 * comparing or reaching back (上年决算数, 增减, 执行率) is neither series: it stays an extra column.
 */
export const T7_BLOCKS: readonly { readonly block: "actual" | "budget" | null; readonly match: RegExp }[] = [
  { block: null, match: /上年|增减|增长|变动|差额|%|率/ },
  { block: "actual", match: /决算|实际/ },
  { block: "budget", match: /预算/ },
];

/**
 * T7's items, tried in order on one header (or, printed tall, one line label).
 * 公务用车购置及运行费 (and a 小计 under it) is the vehicle group before its two parts;
 * the parts may print short (购置费, 运行维护费) or after 其中：, but a 运行费 of something
 * else (机关运行费) is no part of it.
 */
export const T7_ITEMS: readonly { readonly item: string; readonly match: RegExp; readonly says?: readonly string[] }[] = [
  { item: "total", match: /^(.*三公.*)?(合计|总计)$/ },
  { item: "abroad", match: /因公出国/, says: ["因公出国(境)费"] },
  { item: "vehicle", match: /^(其中[:：])?小计$|购置及运行/, says: ["公务用车购置及运行费"] },
  { item: "vehicle_purchase", match: /购置费$/, says: ["公务用车购置费"] },
  { item: "vehicle_operation", match: /(?<!机关)运行(维护)?费$/, says: ["公务用车运行费"] },
  { item: "reception", match: /公务接待/, says: ["公务接待费"] },
];
const T7_ITEM_SAYINGS = sayingsOf(T7_ITEMS.map((r) => ({ key: r.item, says: r.says })));

/** T7: which block (budget/actual) and which item a column is. */
export function t7ColumnKey(path: readonly string[]): string | null {
  const block = t7Block(path);
  const item = t7Item(path);
  return block && item ? `${block}_${item}` : null;
}

/**
 * T7's keys for all its amount columns, in order: a column whose 预算数/决算数
 * header OCR garbled (灰算数) but whose item is known takes the half of that
 * item's budget/actual pair no other column has; none when both or neither are.
 */
export function t7ColumnKeys(paths: readonly (readonly string[])[]): (string | null)[] {
  // A series printed twice under headers of its own (年初预算数 | 全年预算数): the first is the
  // series, the other an extra column. Under one header (OCR lost the 小计 and 购置费 under
  // 公务用车购置及运行费) the two stay one cell, as keyRows merges them.
  const seriesHeader = (path: readonly string[]): string | undefined => path.find((p) => T7_BLOCKS.some((b) => b.match.test(p)));
  const keys = paths.map(t7ColumnKey).map((k, i, all) => {
    const first = k === null ? i : all.indexOf(k);
    return first < i && seriesHeader(paths[first]!) !== seriesHeader(paths[i]!) ? null : k;
  });
  const taken = new Set(keys.filter((k): k is string => k !== null));
  return paths.map((path, i) => {
    const item = t7Item(path);
    // Only a column whose series no header names (garbled, not a comparison) is guessed.
    if (keys[i] !== null || !item || t7BlockRule(path)) return keys[i] ?? null;
    const free = ["budget", "actual"].map((b) => `${b}_${item}`).filter((k) => !taken.has(k));
    if (free.length !== 1) return null;
    taken.add(free[0]!);
    return free[0]!;
  });
}

const t7BlockRule = (path: readonly string[]): (typeof T7_BLOCKS)[number] | undefined => {
  const joined = path.join("/");
  return T7_BLOCKS.find((b) => b.match.test(joined));
};

export function t7Block(path: readonly string[]): "actual" | "budget" | null {
  return t7BlockRule(path)?.block ?? null;
}

/**
 * The lowest header that names an item: under 公务用车购置及运行费, a 小计 OCR could not read is the group's own figure.
 * A header OCR misread a glyph of (公考接待费, 公务用车延行费) names its item by the closest phrase, before its group's header is asked.
 */
export function t7Item(path: readonly string[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const item = T7_ITEMS.find((r) => r.match.test(path[i]!))?.item ?? closest(path[i]!, T7_ITEM_SAYINGS);
    if (item) return item;
  }
  return null;
}

/** The lowest header above the leaf that names a column other than a total, or null. */
function groupOf(path: readonly string[], read: (t: string) => string | null): string | null {
  for (let i = path.length - 2; i >= 0; i--) {
    const key = read(path[i]!);
    if (key !== null && key !== "total") return key;
  }
  return null;
}

export function matchColumn(rules: readonly ColumnRule[], path: readonly string[]): string | null {
  const leaf = path[path.length - 1] ?? "";
  const said = sayingsOf(rules);
  // Exact rules on every header of the path first, then the OCR fallback on each.
  for (const read of [(t: string) => rules.find((r) => r.match.test(t))?.key ?? null, (t: string) => closest(t, said)]) {
    const own = read(leaf);
    // "项目支出 / 小计" is the group's own figure: a 小计 or 合计 under a header that names a column is that column.
    if (own === "total") return groupOf(path, read) ?? own;
    if (own) return own;
    for (let i = path.length - 2; i >= 0; i--) {
      const key = read(path[i]!);
      // "事业收入 / 其中：教育收费" is a part of its parent, not the parent.
      if (key) return /^其中/.test(leaf) ? `${key}_incl` : key;
    }
  }
  return null;
}
