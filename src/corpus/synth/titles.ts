// Table titles, 注 lines and empty-table statements as data, by template,
// wording and numbering (variants.md §2/§3).
import type { StandardTableId } from "../../../schemas/canonical.js";
import type { Variant } from "../variant.js";
import { chineseNumber } from "./catalogue/classes.js";

type Titles = Record<StandardTableId, string>;

const STANDARD: Titles = {
  T1: "收入支出决算总表",
  T2: "收入决算表",
  T3: "支出决算表",
  T4: "财政拨款收入支出决算总表",
  T5: "一般公共预算财政拨款支出决算表",
  T6: "一般公共预算财政拨款基本支出决算明细表",
  T7: "一般公共预算财政拨款“三公”经费支出决算表",
  T8: "政府性基金预算财政拨款收入支出决算表",
  T9: "国有资本经营预算财政拨款支出决算表",
};

/** Shanghai 2024 template (variants.md §2). */
const SHANGHAI: Partial<Titles> = {
  T6: "一般公共预算财政拨款基本支出决算表",
  T7: "财政拨款“三公”经费支出决算表",
  T9: "国有资本经营预算财政拨款收入支出决算表",
};

/** The university template (西南大学): its four tables. */
const UNIVERSITY: Partial<Titles> = {
  T1: "高等学校收支决算总表",
  T2: "收入决算表",
  T3: "支出决算表",
  T5: "财政拨款支出决算表",
};

/** Wordings seen elsewhere: 柞水 (收入/支出决算总表), 曾都 (基本支出决算表). */
const ALTERNATIVE: Partial<Titles> = {
  T1: "收入支出决算表",
  T2: "收入决算总表",
  T3: "支出决算总表",
  T6: "一般公共预算财政拨款基本支出决算表",
};

export const BUDGET_TITLES: Partial<Titles> = {
  T1: "部门收支预算总表",
  T2: "部门收入预算总表",
  T3: "部门支出预算总表",
  T4: "财政拨款收支预算总表",
  T5: "一般公共预算支出预算表",
  T6: "一般公共预算基本支出预算表",
  T7: "一般公共预算“三公”经费支出预算表",
  T8: "政府性基金预算支出预算表",
};

export function baseTitle(id: StandardTableId, v: Pick<Variant, "template" | "wording">): string {
  const alt = v.wording === "alternative" ? ALTERNATIVE[id] : undefined;
  const sh = v.template === "shanghai" ? SHANGHAI[id] : undefined;
  const uni = v.template === "university" ? UNIVERSITY[id] : undefined;
  return uni ?? alt ?? sh ?? STANDARD[id];
}

export function numberedTitle(base: string, n: number, year: number, numbering: Variant["numbering"]): string {
  switch (numbering) {
    case "表1":
      return `${year}年度${base}（表${n}）`;
    case "表一":
      return `${base}（表${chineseNumber(n)}）`;
    case "公开01表":
      return `公开${String(n).padStart(2, "0")}表 ${base}`;
    case "none":
      return base;
  }
}

export function tableTitle(id: StandardTableId, n: number, year: number, v: Variant): string {
  return numberedTitle(baseTitle(id, v), n, year, v.numbering);
}

/** The first 注 line (what the table shows); the national template adds the formulas. */
export const NOTE_LEAD: Record<StandardTableId, string> = {
  T1: "注：本表反映部门本年度的总收支和年末结转结余情况。",
  T2: "注：本表反映部门本年度取得的各项收入情况。",
  T3: "注：本表反映部门本年度各项支出情况。",
  T4: "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
  T5: "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
  T6: "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
  T7: "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。",
  T8: "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
  T9: "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
};

export const NOTE_T9_FLOWS = "注：本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况。";

export const NOTE_FORMULA: Partial<Record<StandardTableId, string>> = {
  T2: "1栏各行 = (2+3+4+5+6+7) 栏各行。",
  T3: "1栏各行 = (2+3+4+5+6) 栏各行。",
  T5: "1栏各行 = (2+3) 栏各行。",
  T7: "1栏 = (2+3+6) 栏；3栏 = (4+5) 栏；7栏 = (8+9+12) 栏；9栏 = (10+11) 栏。",
  T8: "6栏各行 = (1+2-3) 栏各行；3栏各行 = (4+5) 栏各行。",
  T9: "1栏各行 = (2+3) 栏各行。",
};

const EMPTY_WHAT: Partial<Record<StandardTableId, string>> = {
  T7: "一般公共预算财政拨款“三公”经费支出",
  T8: "政府性基金预算财政拨款收入支出",
  T9: "国有资本经营预算财政拨款支出",
};

export function emptyStatement(id: StandardTableId, template: Variant["template"], unit: string): string {
  const what = EMPTY_WHAT[id] ?? "数据";
  return template === "shanghai" ? `说明：${unit}本年度没有${what}，故本表无数据。` : `本单位本年度无${what}`;
}
