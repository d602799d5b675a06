// What is wrong with a report before any sum: a standard table it should have
// and does not, a table printed but not read, a figure that cannot be right.
import type { Finding, Table } from "../../schemas/canonical.js";
import { cellName } from "./evaluate.js";
import type { Figures } from "./figures.js";
import { TABLE_LABEL } from "./names.js";

const STANDARD_NAMES: Record<string, string> = {
  T1: "收入支出决算总表", T2: "收入决算表", T3: "支出决算表", T4: "财政拨款收入支出决算总表", T5: "一般公共预算财政拨款支出决算表",
  T6: "一般公共预算财政拨款基本支出决算表", T7: "一般公共预算财政拨款“三公”经费支出决算表", T8: "政府性基金预算财政拨款收入支出决算表",
  T9: "国有资本经营预算财政拨款支出决算表",
};

/** Columns that hold spending or income: a negative figure there is implausible. */
const NON_NEGATIVE: Record<string, readonly string[]> = {
  T2: ["total", "fiscal", "upper_subsidy", "business", "operating", "affiliate", "other", "education_business", "research_business", "other_business", "education_fees"],
  T3: ["total", "basic", "project", "remit_upper", "operating", "affiliate_subsidy"],
  T5: ["total", "basic", "project", "project_capital_construction"],
  T6: ["amount"],
  T7: ["budget_total", "budget_abroad", "budget_vehicle", "budget_vehicle_purchase", "budget_vehicle_operation", "budget_reception",
    "actual_total", "actual_abroad", "actual_vehicle", "actual_vehicle_purchase", "actual_vehicle_operation", "actual_reception"],
  T8: ["income", "total", "basic", "project"],
  T9: ["income", "total", "basic", "project"],
};

/**
 * The tables a report should have: the national and Shanghai sets are T1–T8,
 * plus T9 from 2019 (the pre-2019 set has eight); a report with none of T4
 * and T6–T9 is the university (高等学校) set: T1–T3, and its 财政拨款支出决算表
 * read as T5 where it prints one.
 */
export function expectedTables(present: readonly string[], year: number | null): string[] {
  const full = present.some((id) => /^T[46-9]$/.test(id));
  if (!full) return ["T1", "T2", "T3"];
  return ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", ...(year !== null && year >= 2019 ? ["T9"] : [])];
}

export function structureFindings(tables: readonly Table[], year: number | null, fig: Figures): Finding[] {
  const standard = tables.filter((t) => t.kind !== "extra");
  const present = standard.map((t) => t.id);
  const out: Finding[] = [];
  const base = { col: null, expected: null, actual: null, within_rounding: false } as const;
  for (const id of expectedTables(present, year)) {
    if (present.includes(id)) continue;
    out.push({
      ...base, rule: "table.missing", severity: "error", table: id, row: null, page: null,
      message: `缺少${TABLE_LABEL[id]}（${STANDARD_NAMES[id]}）：公开的决算表应包含此表，报告中既无此表也无“本单位无此项”的说明`,
    });
  }
  for (const t of standard) {
    // H5: a 项 is printed under its 款 and 类, a 款 under its 类 (a lost row hides its figures from the sums).
    const keys = new Set(t.rows.map((r) => r.key));
    for (const r of t.rows) {
      if (!/^\d{5}$|^\d{7}$/.test(r.key)) continue;
      const parent = r.key.slice(0, r.key.length - 2);
      if (keys.has(parent)) continue;
      out.push({
        ...base, rule: "codes.parent_missing", identity: "H5", severity: "warning", table: t.id, row: r.key, page: t.cells.find((c) => c.row === r.key)?.page ?? t.pages[0] ?? null,
        message: `${TABLE_LABEL[t.id]}「${r.key} ${r.name ?? ""}」的上级科目 ${parent} 没有列出：各级科目应逐级列示`,
      });
    }
    if (t.cells.length === 0 && !t.empty) {
      out.push({
        ...base, rule: "table.unread", severity: "warning", table: t.id, row: null, page: t.pages[0] ?? null,
        message: `${TABLE_LABEL[t.id]}「${t.title ?? ""}」有标题但未读出任何数字，也没有空表说明`,
      });
    }
    for (const c of t.cells) {
      if (c.value === null || c.value >= 0 || !(NON_NEGATIVE[t.id] ?? []).includes(c.col)) continue;
      const ref = { table: t.id, row: c.row, col: c.col };
      out.push({
        ...base, rule: "figure.negative", severity: "warning", table: t.id, row: c.row, col: c.col, page: c.page ?? t.pages[0] ?? null,
        actual: c.value, message: `${TABLE_LABEL[t.id]}「${cellName(ref, fig, t.id)}」为负数 ${fig.printed(t.id, c.value)}：收入、支出不应为负`,
      });
    }
  }
  return out;
}
