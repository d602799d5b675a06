// The university (高等学校) template, as 西南大学 prints its 部门决算
// (variants.md §"University template"): four tables, 表1 高等学校收支决算总表,
// 表2 收入决算表, 表3 支出决算表, 表4 财政拨款支出决算表 (→ T1, T2, T3, T5).
// 表2 splits 事业收入 into its 小计 and the university's own 教育事业收入 and
// 科研事业收入; the rest prints as the national template does.
import { amount, code, h, name, numbers } from "./build.js";
import { NATIONAL } from "./national.js";
import type { TableTemplate, TemplateSet } from "./types.js";

/**
 * Keys of the university's own columns and lines. Descriptive for now: the
 * canonical ones are being settled in the spec (standard-tables.md).
 */
export const UNIVERSITY_KEYS = {
  /** 表2 column and 表1 line: 教育事业收入, a part of 事业收入. */
  education: "education_business",
  /** 表2 column and 表1 line: 科研事业收入, a part of 事业收入. */
  research: "research_business",
  /** 表1 line 财政拨款收入 (all funds: a university has no 基金/国资 lines). */
  fiscal: "fiscal",
} as const;

/** The four tables, in print order. */
export const UNIVERSITY_TABLES = ["T1", "T2", "T3", "T5"] as const;

const T2: TableTemplate = {
  ...NATIONAL.tables.T2,
  columns: [
    code(48), name(), amount("total", 56), amount("fiscal", 56), amount("upper_subsidy", 40),
    amount("business", 56), amount(UNIVERSITY_KEYS.education, 56), amount(UNIVERSITY_KEYS.research, 56),
    amount("operating", 40), amount("affiliate", 40), amount("other", 40),
  ],
  header: [
    [
      h("项 目", { colSpan: 2 }), h("本年收入合计", { rowSpan: 2 }), h("财政拨款收入", { rowSpan: 2 }),
      h("上级补助收入", { rowSpan: 2 }), h("事业收入", { colSpan: 3 }), h("经营收入", { rowSpan: 2 }),
      h("附属单位上缴收入", { rowSpan: 2 }), h("其他收入", { rowSpan: 2 }),
    ],
    [h("功能分类科目编码"), h("科目名称"), h("小计"), h("教育事业收入"), h("科研事业收入")],
  ],
  numberRow: [h("栏次", { colSpan: 2 }), ...numbers(9)],
};

export const UNIVERSITY: TemplateSet = {
  ...NATIONAL,
  name: "university",
  tables: { ...NATIONAL.tables, T2 },
};
