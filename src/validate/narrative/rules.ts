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
/**
 * Sections a sub-heading opens inside a top section no heading names (Shanghai
 * "十一、其他重要事项的情况说明" holds "（一）机关运行经费支出情况", "（二）政府采购支出情况").
 */
export const SUB_SECTION_KEYS: readonly SectionKey[] = ["s10", "s11"];

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
  // 三公 items' 年初预算 (the actuals follow)
  { sections: ["s7"], label: /^(全年)?因公出国\(境\)(费用?)?(支出)?(年初)?预算(数)?为?$/, qty: "abroad_budget",
    refs: [ref("T7", "total", "budget_abroad")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?公务用车购置及运行(维护)?费?(支出)?(年初)?预算(数)?为?$/, qty: "vehicle_budget",
    refs: [ref("T7", "total", "budget_vehicle")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?公务用车购置费?(支出)?(年初)?预算(数)?为?$/, qty: "purchase_budget",
    refs: [ref("T7", "total", "budget_vehicle_purchase")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?公务用车运行(维护)?费?(支出)?(年初)?预算(数)?为?$/, qty: "operation_budget",
    refs: [ref("T7", "total", "budget_vehicle_operation")], identity: "N9" },
  { sections: ["s7"], label: /^(全年)?(国内)?公务接待费?(支出)?(年初)?预算(数)?为?$/, qty: "reception_budget",
    refs: [ref("T7", "total", "budget_reception")], identity: "N9" },
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
/** A bare "决算为" after an item's "年初预算为…" speaks of the same item (and a bare "预算为" after its actual). */
export const BARE_T7 = { actual: /^(支出)?决算(数)?为?$/, budget: /^(年初)?预算(数)?为?$/ };

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

/** 三公 sub-breakdowns: "公务用车运行费2.82万元…其中：燃料费0.5万元；维修费2.05万元；保险费0.27万元" sum to the item. */
export interface BreakdownRule {
  readonly sections: readonly SectionKey[];
  /** The 表7 columns whose stated amount a breakdown can follow. */
  readonly parents: readonly string[];
  /** The label of one part (an amount no AMOUNT_RULE binds). */
  readonly part: RegExp;
  readonly identity: string;
}

export const BREAKDOWN_RULES: readonly BreakdownRule[] = [
  { sections: ["s7"],
    parents: ["actual_abroad", "actual_vehicle", "actual_vehicle_purchase", "actual_vehicle_operation", "actual_reception"],
    part: /^(车辆|公务用车)?(燃料|燃油|油料|维修|维护|维修\(护\)|保养|保险|过路过桥|过桥过路|路桥|停车|年检|车辆购置税|牌照|国际旅|城市间交通|住宿|伙食|公杂|其他)(费用?)?(支出)?为?$/,
    identity: "N9" },
];

// ---- stated figures the tables do not print (机关运行经费, 政府采购) -------

/** A figure named in a section; the first one stated per name and section is used. */
export interface FigureRule {
  readonly sections: readonly SectionKey[];
  readonly label: RegExp;
  readonly name: string;
}

export const FIGURE_RULES: readonly FigureRule[] = [
  { sections: ["s10"], label: /机关运行经费(支出)?(决算)?(数)?(合计)?(为|共计)?$/, name: "run" },
  { sections: ["s11"], label: /政府采购(支出)?(总额|总金额|金额)(\(以合同签订为准\))?(为|共计)?$/, name: "proc.total" },
  { sections: ["s11"], label: /^(政府采购)?货物(采购)?(支出|金额)?为?$/, name: "proc.goods" },
  { sections: ["s11"], label: /^(政府采购)?工程(采购)?(支出|金额)?为?$/, name: "proc.works" },
  { sections: ["s11"], label: /^(政府采购)?服务(采购)?(支出|金额)?为?$/, name: "proc.services" },
  { sections: ["s11"], label: /^授予中小企业(的)?合同(总)?金额(为|共计)?$/, name: "proc.sme" },
  { sections: ["s11"], label: /^授予小微企业(的)?合同(总)?金额(为|共计)?$/, name: "proc.micro" },
];

export type FigureOperand = { readonly figure: string } | { readonly refs: readonly CellRef[] };

export type Relation =
  | { readonly kind: "sum"; readonly qty: string; readonly identity: string; readonly parts: readonly string[]; readonly total: string; readonly strict: boolean }
  | { readonly kind: "bound"; readonly qty: string; readonly identity: string; readonly figure: string;
      readonly max: FigureOperand; readonly maxName: string; readonly cond?: string };

/** What the stated figures of a section must satisfy (identities.md §4b N11, N12). */
export const RELATIONS: readonly Relation[] = [
  { kind: "bound", qty: "run", identity: "N11", figure: "run", max: { refs: [ref("T6", "public_total", "amount")] },
    maxName: "表6 公用经费合计", cond: "COND：仅适用于行政单位和参公事业单位" },
  { kind: "sum", qty: "procurement", identity: "N12", parts: ["proc.goods", "proc.works", "proc.services"], total: "proc.total", strict: true },
  { kind: "bound", qty: "sme", identity: "N12", figure: "proc.sme", max: { figure: "proc.total" }, maxName: "政府采购支出总额" },
  { kind: "bound", qty: "micro", identity: "N12", figure: "proc.micro", max: { figure: "proc.sme" }, maxName: "授予中小企业合同金额" },
];
