// The 情况说明: sections in the seed's wording, every figure taken from the
// tables (or from a stated prior-year / 年初预算 figure) and recorded as a
// claim, so each stated amount and percentage matches the tables exactly.
import type { Rng } from "../rng.js";
import type { Block, SourceTable } from "../source/schema.js";
import type { Variant } from "../variant.js";
import { formatNarrativeAmount, formatPct, fromWan, pctScaled, roundTo, toWan, uniform, type NarrativeStyle, type Yuan } from "./amount.js";
import { ref, type CellRef, type Claim } from "./claims.js";

export interface NarrativeInput {
  readonly unit: string;
  readonly year: number;
  readonly kind: "admin" | "subdistrict" | "school" | "hospital" | "institution";
  readonly variant: Variant;
  readonly tables: readonly SourceTable[];
  readonly step: Yuan;
  /** Last year's printed figures for the three year-on-year statements (the series corpus); absent: invented (priorOf). */
  readonly priors?: NarrativePriors;
}

/** Prior-year figures (元) of 收、支总计 (s1), 财政拨款收、支总计 (s4) and 一般公共预算财政拨款支出 (s5). */
export interface NarrativePriors {
  readonly s1: Yuan;
  readonly s4: Yuan;
  readonly s5: Yuan;
}

export interface Narrative {
  readonly blocks: Block[];
  /** Claims with `block` relative to `blocks`. */
  readonly claims: Claim[];
  readonly headings: string[];
  readonly style: NarrativeStyle;
}

const SOURCES: readonly [string, string][] = [
  ["fiscal", "财政拨款收入"],
  ["upper_subsidy", "上级补助收入"],
  ["business", "事业收入"],
  ["operating", "经营收入"],
  ["affiliate", "附属单位上缴收入"],
  ["other", "其他收入"],
];
const KINDS: readonly [string, string][] = [
  ["basic", "基本支出"],
  ["project", "项目支出"],
  ["operating", "经营支出"],
];

class Writer {
  readonly blocks: Block[] = [];
  readonly claims: Claim[] = [];
  readonly headings: string[] = [];
  private section = "";
  private pending: Claim[] = [];
  private parts: string[] = [];
  constructor(
    private readonly tables: readonly SourceTable[],
    readonly style: NarrativeStyle,
    readonly unitWord: string,
  ) {}

  value(r: CellRef): Yuan {
    const t = this.tables.find((x) => x.id === r.table);
    return fromWan(t?.cells.find((c) => c.row === r.row && c.col === r.col)?.value);
  }
  sum(refs: readonly CellRef[]): Yuan {
    return refs.reduce((a, r) => a + this.value(r), 0);
  }
  fmt(y: Yuan): string {
    return formatNarrativeAmount(y, this.style);
  }
  heading(text: string): void {
    this.flush();
    this.section = text;
    this.headings.push(text);
    this.blocks.push({ type: "heading", text });
  }
  /** Plain words of the current paragraph. */
  say(text: string): void {
    this.parts.push(text);
  }
  /** "<label><amount><unit>" stating Σ refs. Returns the quote. */
  amount(id: string, label: string, refs: CellRef[], tail = ""): string {
    const y = this.sum(refs);
    const text = this.fmt(y);
    const quote = `${label}${text}${this.unitWord}${tail}`;
    this.pending.push({ kind: "amount", id, section: this.section, block: 0, quote, text, stated: toWan(y), refs });
    this.parts.push(quote);
    return quote;
  }
  /** "<label><pct>%" = num/den; appended to the paragraph. */
  pct(id: string, label: string, num: CellRef[] | Yuan, den: CellRef[] | Yuan): void {
    const d = this.style.pctDecimals;
    const n = typeof num === "number" ? num : this.sum(num);
    const dn = typeof den === "number" ? den : this.sum(den);
    if (dn <= 0) return;
    const stated = pctScaled(n, dn, d) / 10 ** d;
    const text = formatPct(stated, d);
    const quote = `${label}${text}%`;
    const operand = (x: CellRef[] | Yuan) => (typeof x === "number" ? { value: toWan(x) } : { refs: x });
    this.pending.push({ kind: "pct", id, section: this.section, block: 0, quote, text, stated, decimals: d, num: operand(num), den: operand(den) });
    this.parts.push(quote);
  }
  /** "各增加Δ万元，增长p%" against a prior-year figure. */
  change(id: string, refs: CellRef[], prior: Yuan, lead: string): void {
    const cur = this.sum(refs);
    const delta = cur - prior;
    const d = this.style.pctDecimals;
    const stated = pctScaled(Math.abs(delta), prior, d) / 10 ** d;
    const deltaText = this.fmt(Math.abs(delta));
    const pctText = formatPct(stated, d);
    const quote = `${lead}${delta >= 0 ? "增加" : "减少"}${deltaText}${this.unitWord}，${delta >= 0 ? "增长" : "下降"}${pctText}%`;
    const base = { section: this.section, block: 0, quote, prior: toWan(prior), refs };
    this.pending.push({ ...base, kind: "change", id, text: deltaText, stated: toWan(delta) });
    this.pending.push({ ...base, kind: "change_pct", id: `${id}_pct`, text: pctText, stated, decimals: d });
    this.parts.push(quote);
  }
  flush(): void {
    if (this.parts.length === 0) return;
    const index = this.blocks.length;
    this.blocks.push({ type: "paragraph", text: this.parts.join("") });
    for (const c of this.pending) this.claims.push({ ...c, block: index });
    this.parts = [];
    this.pending = [];
  }
  figure(caption: string, series: { label: string; value: number }[]): void {
    this.flush();
    if (series.length > 0) this.blocks.push({ type: "figure", caption, chart: { type: "pie", series } });
  }
}

const PERSONNEL_WORDS = "基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、住房公积金、其他工资福利支出、退休费、其他对个人和家庭的补助";
const PUBLIC_WORDS = "办公费、印刷费、水费、电费、邮电费、差旅费、维修（护）费、培训费、公务接待费、劳务费、委托业务费、工会经费、福利费、公务用车运行维护费、其他交通费用、其他商品和服务支出、办公设备购置";

/** A prior-year figure 3–25% away from this year's, never equal to it. */
function priorOf(cur: Yuan, rng: Rng, step: Yuan): Yuan {
  const g = uniform(rng, 0.03, 0.25) * (rng() < 0.5 ? -1 : 1);
  const p = roundTo(cur / (1 + g), step);
  return p === cur || p <= 0 ? cur + 100 * step : p;
}

export function writeNarrative(input: NarrativeInput, rng: Rng): Narrative {
  const v = input.variant;
  const shanghai = v.template === "shanghai";
  const style: NarrativeStyle = {
    unit: v.unit,
    thousands: shanghai,
    trim: !shanghai,
    pctDecimals: shanghai ? 2 : 1,
  };
  const w = new Writer(input.tables, style, v.unit);
  const Y = input.year;
  const has = (id: string) => input.tables.some((t) => t.id === id);
  const t = (id: string, row: string, col: string) => ref(id, row, col);
  let n = 0;
  const head = (text: string) => w.heading(`${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"][n++] ?? ""}、${text}`);

  head("收入支出决算总体情况说明");
  w.amount("s1.total", `${Y}年度收、支总计`, [t("T1", "income_grand_total", "amount")], "。");
  w.change("s1.change", [t("T1", "income_grand_total", "amount")], input.priors?.s1 ?? priorOf(w.value(t("T1", "income_grand_total", "amount")), rng, input.step), `与${Y - 1}年度相比，收、支总计各`);
  w.say("，主要原因是业务工作量变化，项目经费相应调整。");

  head("收入决算情况说明");
  w.amount("s2.total", `${Y}年度收入合计`, [t("T2", "total", "total")], "。其中：");
  const sources = SOURCES.filter(([col]) => w.value(t("T2", "total", col)) > 0);
  sources.forEach(([col, label], i) => {
    w.amount(`s2.${col}`, label, [t("T2", "total", col)], "，");
    w.pct(`s2.${col}.pct`, `${label}占本年收入`, [t("T2", "total", col)], [t("T2", "total", "total")]);
    w.say(i === sources.length - 1 ? "。" : "；");
  });
  w.figure("图1：收入决算结构", sources.map(([col, label]) => ({ label, value: toWan(w.value(t("T2", "total", col))) })));

  head("支出决算情况说明");
  w.amount("s3.total", `${Y}年度支出合计`, [t("T3", "total", "total")], "。其中：");
  const kinds = KINDS.filter(([col]) => w.value(t("T3", "total", col)) > 0);
  kinds.forEach(([col, label], i) => {
    w.amount(`s3.${col}`, label, [t("T3", "total", col)], "，");
    w.pct(`s3.${col}.pct`, `${label}占本年支出`, [t("T3", "total", col)], [t("T3", "total", "total")]);
    w.say(i === kinds.length - 1 ? "。" : "；");
  });
  w.figure("图2：支出决算结构", kinds.map(([col, label]) => ({ label, value: toWan(w.value(t("T3", "total", col))) })));

  // A template without some tables (the university's four) says nothing of them.
  if (has("T4")) {
    head("财政拨款收入支出决算总体情况说明");
    const t4g = t("T4", "income_grand_total", "amount");
    w.amount("s4.total", `${Y}年度财政拨款收、支总计`, [t4g], "。");
    w.change("s4.change", [t4g], input.priors?.s4 ?? priorOf(w.value(t4g), rng, input.step), `与${Y - 1}年度相比，财政拨款收、支总计各`);
    w.say("。");
  }

  head("一般公共预算财政拨款支出决算情况说明");
  const g = t("T5", "total", "total");
  w.say("（一）总体情况。");
  w.amount("s5.total", `${Y}年度一般公共预算财政拨款支出`, [g], "，");
  w.pct("s5.total.pct", "占本年支出合计的", [g], [t("T3", "total", "total")]);
  w.say("。");
  w.change("s5.change", [g], input.priors?.s5 ?? priorOf(w.value(g), rng, input.step), `与${Y - 1}年度相比，一般公共预算财政拨款支出`);
  w.say("。");
  w.flush();
  w.say("（二）结构情况。主要用于以下方面：");
  const t5 = input.tables.find((x) => x.id === "T5");
  const classes = (t5?.rows ?? []).filter((r) => r.key.length === 3);
  classes.forEach((r, i) => {
    w.amount(`s5.class.${r.key}`, `${r.name ?? r.key}`, [t("T5", r.key, "total")], "，");
    w.pct(`s5.class.${r.key}.pct`, `${r.name ?? r.key}占`, [t("T5", r.key, "total")], [g]);
    w.say(i === classes.length - 1 ? "。" : "；");
  });
  w.flush();
  const budget = roundTo(w.value(g) * uniform(rng, 0.85, 1.1), input.step);
  w.say(`（三）具体情况。${Y}年度一般公共预算财政拨款支出年初预算为${w.fmt(budget)}${v.unit}，`);
  w.amount("s5.actual", "支出决算为", [g], "，");
  w.pct("s5.rate", "完成年初预算的", [g], budget);
  w.say("。其中：");
  w.amount("s5.basic", "基本支出", [t("T5", "total", "basic")], "，");
  w.amount("s5.project", "项目支出", [t("T5", "total", "project")], "。");

  if (has("T6")) {
    head("一般公共预算财政拨款基本支出决算情况说明");
    w.amount("s6.basic", `${Y}年度一般公共预算财政拨款基本支出`, [t("T5", "total", "basic")], "，其中：");
    w.amount("s6.personnel", "人员经费", [t("T6", "personnel_total", "amount")], `，主要包括：${PERSONNEL_WORDS}；`);
    w.amount("s6.public", "公用经费", [t("T6", "public_total", "amount")], `，主要包括：${PUBLIC_WORDS}。`);
  }

  const sangong = shanghai ? "财政拨款“三公”经费支出决算情况说明" : "一般公共预算财政拨款“三公”经费支出决算情况说明";
  const t7 = input.tables.find((x) => x.id === "T7");
  if (t7) {
    head(sangong);
    if (t7.empty) w.say(`${input.unit}${Y}年度无一般公共预算财政拨款“三公”经费支出，“三公”经费年初预算数和支出决算数均为0${v.unit}。`);
    else {
      const a = (col: string) => t("T7", "total", col);
      w.amount("s7.budget", `${Y}年度“三公”经费财政拨款年初预算数为`, [a("budget_total")], "，");
      w.amount("s7.actual", "支出决算为", [a("actual_total")], "，");
      if (w.value(a("budget_total")) > 0) {
        w.pct("s7.rate", "完成年初预算的", [a("actual_total")], [a("budget_total")]);
        w.say("。");
      }
      w.say("其中：");
      w.amount("s7.abroad", "因公出国（境）费支出决算为", [a("actual_abroad")], "；");
      w.amount("s7.vehicle", "公务用车购置及运行费支出决算为", [a("actual_vehicle")], "，其中：");
      w.amount("s7.purchase", "公务用车购置费", [a("actual_vehicle_purchase")], "，");
      w.amount("s7.operation", shanghai ? "公务用车运行维护费" : "公务用车运行费", [a("actual_vehicle_operation")], "；");
      w.amount("s7.reception", "公务接待费支出决算为", [a("actual_reception")], "。");
    }
  }

  if (has("T8")) {
    head(shanghai ? "政府性基金预算财政拨款收入支出决算情况说明" : "政府性基金预算财政拨款收入支出决算情况");
    const e = (col: string) => t("T8", "total", col);
    w.amount("s8.begin", `${Y}年度政府性基金预算财政拨款年初结转和结余`, [e("carry_begin")], "，");
    w.amount("s8.income", "本年收入", [e("income")], "，");
    w.amount("s8.total", "本年支出", [e("total")], "，");
    w.amount("s8.end", "年末结转和结余", [e("carry_end")], "。");
  }

  if (has("T9")) {
    head(shanghai ? "国有资本经营预算财政拨款收入支出决算情况说明" : "国有资本经营预算财政拨款支出决算情况");
    w.amount("s9.total", `${Y}年度国有资本经营预算财政拨款本年支出`, [t("T9", "total", "total")], "。");
  }

  if (input.kind === "admin" || input.kind === "subdistrict") {
    head(shanghai ? "其他重要事项的情况说明" : "机关运行经费支出情况");
    const pub = w.value(t("T6", "public_total", "amount"));
    const run = roundTo(pub * uniform(rng, 0.6, 0.9), input.step);
    w.say(`${shanghai ? "（一）机关运行经费支出情况。" : ""}${Y}年度${input.unit}机关运行经费支出${w.fmt(run)}${v.unit}，主要用于办公及印刷费、邮电费、差旅费、会议费、日常维修费、公务用车运行维护费等。`);
  }
  w.flush();
  return { blocks: w.blocks, claims: w.claims, headings: w.headings, style };
}
