// Claim patterns as data: section headings, the labels that name a table
// figure in each section, the denominators of shares, and list triggers.
// Labels are matched after normalizeLabel (claims.ts): white space, quotes and
// "（类）" removed, the year prefix ("2021年度") and enumerators stripped.
import type { CellRef, SectionKey } from "./types.js";

const ref = (table: string, row: string, col: string): CellRef => ({ table, row, col });

// ---- document structure -------------------------------------------------

export const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
export const PART_KINDS: readonly { match: RegExp; mode: "narrative" | "appendix" }[] = [
  { match: /^第[一二三四五六七八九十]+部分附件/, mode: "appendix" },
  { match: /决算情况说明|情况说明|决算情况说$/, mode: "narrative" },
];
export const TOP_HEADING = /^[一二三四五六七八九十]{1,3}、/;
export const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[)）]/;
/** A printed line that opens an enumerated item; "35.47万元" at a line start is a wrapped number, not an item. */
export const ITEM_START =
  /^(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[.、](?![\d,]*(?:\.\d+)?(?:万元|亿元|元|%)))/;

/** Ordered: the first heading pattern that matches names the section. */
export const SECTION_HEADINGS: readonly { key: SectionKey; match: RegExp }[] = [
  { key: "s7", match: /三公/ },
  { key: "s6", match: /基本支出/ },
  { key: "s8", match: /政府性基金/ },
  { key: "s9", match: /国有资本经营/ },
  { key: "s5", match: /一般公共预算财政拨款支出/ },
  { key: "s4", match: /财政拨款收入?支出?决算总体|财政拨款收支/ },
  { key: "s1", match: /收入支出决算总体|收支决算总体/ },
  { key: "s2", match: /收入决算/ },
  { key: "s3", match: /支出决算/ },
  { key: "s10", match: /机关运行经费/ },
  { key: "s11", match: /政府采购/ },
  { key: "s12", match: /国有资产/ },
  { key: "s13", match: /绩效/ },
];

// ---- amounts --------------------------------------------------------------

export interface AmountRule {
  readonly sections: readonly SectionKey[];
  readonly label: RegExp;
  /** The quantity part of the claim id ("basic" → "s3.basic"). */
  readonly qty: string;
  readonly refs: readonly CellRef[];
  /** Cells equal to refs by an ALWAYS identity, used when refs were not read. */
  readonly fallback?: readonly CellRef[];
  readonly identity: string;
}

const INCOME_SOURCES: readonly [RegExp, string, string][] = [
  [/^财政拨款(收入)?$/, "fiscal", "fiscal"],
  [/^上级补助收入$/, "upper_subsidy", "upper_subsidy"],
  [/^事业收入$/, "business", "business"],
  [/^经营收入$/, "operating", "operating"],
  [/^附属单位上缴收入$/, "affiliate", "affiliate"],
  [/^其他收入$/, "other", "other"],
];
const T1_SOURCE: Record<string, string> = {
  upper_subsidy: "upper_subsidy", business: "business", operating: "operating", affiliate: "affiliate", other: "other",
};

/** First match wins; a label matching none leaves the amount unbound (never reported). */
export const AMOUNT_RULES: readonly AmountRule[] = [
  // 一、收入支出决算总体
  { sections: ["s1"], label: /^(本年度?)?(收支|收入支出)总计$/, qty: "total",
    refs: [ref("T1", "income_grand_total", "amount")], fallback: [ref("T1", "expense_grand_total", "amount")], identity: "N1" },
  { sections: ["s1", "s2"], label: /^一般公共预算财政拨款(收入)?$/, qty: "fiscal_general",
    refs: [ref("T1", "fiscal_general", "amount")], identity: "N2" },
  { sections: ["s1", "s2"], label: /^政府性基金预算财政拨款(收入)?$/, qty: "fiscal_gov_fund",
    refs: [ref("T1", "fiscal_gov_fund", "amount")], identity: "N2" },
  { sections: ["s1", "s2"], label: /^国有资本经营预算财政拨款(收入)?$/, qty: "fiscal_state_capital",
    refs: [ref("T1", "fiscal_state_capital", "amount")], identity: "N2" },
  { sections: ["s1"], label: /^年初结转和结余$/, qty: "carry_begin", refs: [ref("T1", "carry_begin", "amount")], identity: "N1" },
  { sections: ["s1"], label: /^年末结转和结余$/, qty: "carry_end", refs: [ref("T1", "carry_end", "amount")], identity: "N1" },
  // 二、收入决算
  { sections: ["s2"], label: /^(本年)?收入合计$/, qty: "total",
    refs: [ref("T2", "total", "total")], fallback: [ref("T1", "income_total", "amount")], identity: "N2" },
  ...INCOME_SOURCES.map(([label, qty, col]): AmountRule => ({
    sections: ["s1", "s2"], label, qty, refs: [ref("T2", "total", col)],
    ...(T1_SOURCE[col] ? { fallback: [ref("T1", T1_SOURCE[col] ?? col, "amount")] } : {}), identity: "N2",
  })),
  // 三、支出决算
  { sections: ["s3"], label: /^(本年)?支出合计$/, qty: "total",
    refs: [ref("T3", "total", "total")], fallback: [ref("T1", "expense_total", "amount")], identity: "N3" },
  { sections: ["s3"], label: /^基本支出$/, qty: "basic", refs: [ref("T3", "total", "basic")], identity: "N3" },
  { sections: ["s3"], label: /^项目支出$/, qty: "project", refs: [ref("T3", "total", "project")], identity: "N3" },
  { sections: ["s3"], label: /^经营(性)?支出$/, qty: "operating", refs: [ref("T3", "total", "operating")], identity: "N3" },
  { sections: ["s3"], label: /^上缴上级支出$/, qty: "remit_upper", refs: [ref("T3", "total", "remit_upper")], identity: "N3" },
  { sections: ["s3"], label: /^对附属单位补助支出$/, qty: "affiliate_subsidy", refs: [ref("T3", "total", "affiliate_subsidy")], identity: "N3" },
  // 四、财政拨款收入支出决算总体
  { sections: ["s4"], label: /^财政拨款(收支|收入支出)(总计|总决算)$/, qty: "total",
    refs: [ref("T4", "income_grand_total", "amount")], fallback: [ref("T4", "expense_grand_total", "total")], identity: "N4" },
  // 五、一般公共预算财政拨款支出
  { sections: ["s5"], label: /^(一般公共预算)?财政拨款支出$/, qty: "total",
    refs: [ref("T5", "total", "total")], fallback: [ref("T4", "expense_total", "general")], identity: "N5" },
  { sections: ["s5"], label: /^基本支出$/, qty: "basic", refs: [ref("T5", "total", "basic")], identity: "N7" },
  { sections: ["s5"], label: /^项目支出$/, qty: "project", refs: [ref("T5", "total", "project")], identity: "N7" },
  // 六、基本支出
  { sections: ["s6"], label: /^(一般公共预算)?(财政拨款)?基本支出$/, qty: "basic", refs: [ref("T5", "total", "basic")], identity: "N8" },
  { sections: ["s6"], label: /^人员经费(支出)?$/, qty: "personnel", refs: [ref("T6", "personnel_total", "amount")], identity: "N8" },
  { sections: ["s6"], label: /^(日常)?公用经费(支出)?$/, qty: "public", refs: [ref("T6", "public_total", "amount")], identity: "N8" },
  // 七、三公
  { sections: ["s7"], label: /^(三公经费)?(财政拨款)?(支出)?(年初)?预算(数)?为?$/, qty: "budget",
    refs: [ref("T7", "total", "budget_total")], identity: "N9" },
  { sections: ["s7"], label: /^(三公经费)?(财政拨款)?(支出)?决算(数)?为?$/, qty: "actual",
    refs: [ref("T7", "total", "actual_total")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?因公出国\(境\)(费用?)?(支出)?(决算)?(数)?为?$/, qty: "abroad",
    refs: [ref("T7", "total", "actual_abroad")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?公务用车购置及运行(维护)?费?(支出)?(决算)?(数)?为?$/, qty: "vehicle",
    refs: [ref("T7", "total", "actual_vehicle")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?公务用车购置费?(支出)?(决算)?(数)?为?$/, qty: "purchase",
    refs: [ref("T7", "total", "actual_vehicle_purchase")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?公务用车运行(维护)?费?(支出)?(决算)?(数)?为?$/, qty: "operation",
    refs: [ref("T7", "total", "actual_vehicle_operation")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?(国内)?公务接待费?(支出)?(决算)?(数)?为?$/, qty: "reception",
    refs: [ref("T7", "total", "actual_reception")], identity: "N9" },
  // 八、政府性基金; 九、国有资本经营
  { sections: ["s8"], label: /^(政府性基金预算财政拨款)?年初结转和结余$/, qty: "begin", refs: [ref("T8", "total", "carry_begin")], identity: "N10" },
  { sections: ["s8"], label: /^(政府性基金预算财政拨款)?本年收入$/, qty: "income", refs: [ref("T8", "total", "income")], identity: "N10" },
  { sections: ["s8"], label: /^(政府性基金预算财政拨款)?本年支出$/, qty: "total", refs: [ref("T8", "total", "total")], identity: "N10" },
  { sections: ["s8"], label: /^年末结转和结余$/, qty: "end", refs: [ref("T8", "total", "carry_end")], identity: "N10" },
  { sections: ["s9"], label: /^(国有资本经营预算财政拨款)?本年支出$/, qty: "total", refs: [ref("T9", "total", "total")], identity: "N10" },
  { sections: ["s9"], label: /^(国有资本经营预算财政拨款)?年初结转和结余$/, qty: "begin", refs: [ref("T9", "total", "carry_begin")], identity: "N10" },
  { sections: ["s9"], label: /^(国有资本经营预算财政拨款)?本年收入$/, qty: "income", refs: [ref("T9", "total", "income")], identity: "N10" },
  { sections: ["s9"], label: /^年末结转和结余$/, qty: "end", refs: [ref("T9", "total", "carry_end")], identity: "N10" },
  // 附件 整体绩效: the department's spending by kind
  { sections: ["app"], label: /^基本支出$/, qty: "basic",
    refs: [ref("T5", "total", "basic")], fallback: [ref("T3", "total", "basic")], identity: "N15" },
  { sections: ["app"], label: /^项目支出$/, qty: "project",
    refs: [ref("T5", "total", "project")], fallback: [ref("T3", "total", "project")], identity: "N15" },
];

/** Label prefixes that carry no meaning for binding ("其中：", "主要用于以下方面：", "按功能分类支出划分为"). */
export const LABEL_PREFIXES: readonly RegExp[] = [
  /^.*?\d{4}年度?/,
  /^.*(划分为|主要用于以下方面|主要用于|其中)/,
  /^(本部门|本单位)/,
];

/** Function classes (类) by the tables that list them per section; identity per section. */
export const CLASS_TABLE: Partial<Record<SectionKey, { table: string; identity: string }>> = {
  s1: { table: "T3", identity: "N1" },
  s3: { table: "T3", identity: "N3" },
  s5: { table: "T5", identity: "N6" },
};

/** Class names of every year (names change; codes do not), to back up the names the table prints. */
export const CLASS_NAMES: Readonly<Record<string, readonly string[]>> = {
  "201": ["一般公共服务"], "202": ["外交"], "203": ["国防"], "204": ["公共安全"], "205": ["教育"],
  "206": ["科学技术"], "207": ["文化旅游体育与传媒", "文化体育与传媒"], "208": ["社会保障和就业"],
  "210": ["卫生健康", "医疗卫生与计划生育", "医疗卫生"], "211": ["节能环保"], "212": ["城乡社区"],
  "213": ["农林水"], "214": ["交通运输"], "215": ["资源勘探工业信息等", "资源勘探信息等"],
  "216": ["商业服务业等"], "217": ["金融"], "219": ["援助其他地区"], "220": ["自然资源海洋气象等", "国土海洋气象等"],
  "221": ["住房保障"], "222": ["粮油物资储备"], "224": ["灾害防治及应急管理"], "229": ["其他"],
  "234": ["抗疫特别国债安排"],
};

/** In 五 (三) 具体情况, "支出决算为" speaks of the item's 类/款/项, or of the total outside items. */
export const ITEM_ACTUAL_LABEL = /^(支出)?决算(数)?为?$/;

// ---- shares, rates, changes --------------------------------------------------

export interface DenRule {
  readonly match: RegExp;
  readonly refs: readonly CellRef[];
  readonly fallback?: readonly CellRef[];
}

/** "占<den>X%": what the share is of, by the words after 占 ("的", "比" removed). */
export const DEN_RULES: readonly DenRule[] = [
  { match: /^本年收入(合计)?$|^收入(合计|总额)$/, refs: [ref("T2", "total", "total")], fallback: [ref("T1", "income_total", "amount")] },
  { match: /^(本年)?支出(合计|总额)?$|^总支出$/, refs: [ref("T3", "total", "total")], fallback: [ref("T1", "expense_total", "amount")] },
  { match: /^(一般公共预算)?财政拨款支出(合计|总额)?$/, refs: [ref("T5", "total", "total")], fallback: [ref("T4", "expense_total", "general")] },
  { match: /^(一般公共预算)?(财政拨款)?项目支出(合计|总额)?$/, refs: [ref("T5", "total", "project")] },
  { match: /^(一般公共预算)?(财政拨款)?基本支出(合计|总额)?$/, refs: [ref("T5", "total", "basic")] },
  { match: /^三公经费(财政拨款)?(支出)?(决算)?(数)?(合计|总额)?$/, refs: [ref("T7", "total", "actual_total")] },
];

/** A bare "占X%" is a share of the section's total. */
export const DEFAULT_DEN: Partial<Record<SectionKey, DenRule>> = {
  s2: { match: /^$/, refs: [ref("T2", "total", "total")], fallback: [ref("T1", "income_total", "amount")] },
  s3: { match: /^$/, refs: [ref("T3", "total", "total")], fallback: [ref("T1", "expense_total", "amount")] },
  s5: { match: /^$/, refs: [ref("T5", "total", "total")], fallback: [ref("T4", "expense_total", "general")] },
  s7: { match: /^$/, refs: [ref("T7", "total", "actual_total")] },
};

/** Figures a misplaced share is often of: named in the message when the stated one matches them. */
export const OTHER_DENOMINATORS: readonly { refs: readonly CellRef[]; name: string }[] = [
  { refs: [ref("T3", "total", "total")], name: "本年支出合计（表3）" },
  { refs: [ref("T2", "total", "total")], name: "本年收入合计（表2）" },
  { refs: [ref("T5", "total", "total")], name: "一般公共预算财政拨款支出（表5）" },
  { refs: [ref("T5", "total", "project")], name: "项目支出（表5）" },
  { refs: [ref("T5", "total", "basic")], name: "基本支出（表5）" },
  { refs: [ref("T1", "income_grand_total", "amount")], name: "收支总计（表1）" },
];

export const SHARE_MARK = /占(比)?/;
/** "完成年初预算的X%", "执行率X%": the amount before over the budget before it. */
export const RATE_LABEL = /(完成(年初)?(全年)?预算(数)?的?|(预算)?执行率(为)?)$/;
export const BUDGET_LABEL = /预算(数)?为?$/;
export const CHANGE_AMOUNT = /各?(增加|减少)$/;
export const CHANGE_PCT = /(增长|下降|降低|上升|增加|减少)(了)?$/;
/** A year-on-year comparison in force in the sentence (not "比年初预算增加"). */
export const YOY_CONTEXT = /(与|比|较)(\d{4}年度?|上年度?|上一年度?)|同比|上年/;
export const CHANGE_SUBJECT_TAIL = /(与|比|较)?(\d{4}年度?|上年度?|上一年度?)?(决算数?)?(相比)?各?(增加|减少)$/;
/** The budget counterpart of a 三公 actual: "完成预算的X%" after an item's actual. */
export const BUDGET_OF: Readonly<Record<string, string>> = {
  actual_total: "budget_total", actual_abroad: "budget_abroad", actual_vehicle: "budget_vehicle",
  actual_vehicle_purchase: "budget_vehicle_purchase", actual_vehicle_operation: "budget_vehicle_operation",
  actual_reception: "budget_reception",
};

// ---- lists -------------------------------------------------------------

export interface ListRule {
  readonly sections: readonly SectionKey[];
  /** Opens the list; an optional amount right before 用于 is the list's stated total. */
  readonly trigger: RegExp;
  readonly qty: string;
  readonly refs: readonly CellRef[];
  readonly fallback?: readonly CellRef[];
  readonly identity: string;
}

export const LIST_RULES: readonly ListRule[] = [
  { sections: ["s5", "app"], trigger: /项目支出(?:((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万元|元))?[，,]?主要用于[:：]?/g,
    qty: "projects", refs: [ref("T5", "total", "project")], fallback: [ref("T3", "total", "project")], identity: "N14" },
];
