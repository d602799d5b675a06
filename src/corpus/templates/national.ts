// The national (财政部) template as the seed publisher (武汉洪山, FY2021)
// printed it. Column widths are chosen so that, at 9 pt, header text wraps
// where the seed's wraps ("本年收入合/计", "上级补/助收入", "科目/编码").
// Header spellings ("项 目" vs distributed 项…目, "合 计" vs "合计") follow
// the seed table by table.
import { amount, code, flexAmount, h, line, name, numbers, t7InterleavedColumns, t7InterleavedHeader, t7Tall, T6_TWO_GROUPS } from "./build.js";
import type { ColumnSpec, HeaderCellSpec, TableTemplate, TemplateSet } from "./types.js";

const FONT = 9;
const HEADER_ROW = 13;
const BODY_ROW = 13;

const T1: TableTemplate = {
  id: "T1",
  columns: [name(1, 0), line(0, 36), amount("amount", 110, 0), name(1, 1), line(1, 36), amount("amount", 110, 1)],
  header: [
    [h("收 入", { colSpan: 3 }), h("支 出", { colSpan: 3 })],
    [h("项 目"), h("行次"), h("金 额"), h("项 目"), h("行次"), h("金 额")],
  ],
  numberRow: [h("栏 次"), h(""), "#", h("栏 次"), h(""), "#"],
  body: { kind: "sided", centered: ["income_total", "income_grand_total", "expense_total", "expense_grand_total"] },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  bodyRowHeight: BODY_ROW,
};

const T2: TableTemplate = {
  id: "T2",
  columns: [
    code(48), name(), amount("total", 58), amount("fiscal", 58), amount("upper_subsidy", 40),
    amount("business", 40), amount("operating", 40), amount("affiliate", 40), amount("other", 40),
  ],
  header: [
    [
      h("项 目", { colSpan: 2 }), h("本年收入合计", { rowSpan: 2 }), h("财政拨款收入", { rowSpan: 2 }),
      h("上级补助收入", { rowSpan: 2 }), h("事业收入", { rowSpan: 2 }), h("经营收入", { rowSpan: 2 }),
      h("附属单位上缴收入", { rowSpan: 2 }), h("其他收入", { rowSpan: 2 }),
    ],
    [h("功能分类科目编码"), h("科目名称")],
  ],
  numberRow: [h("栏次", { colSpan: 2 }), ...numbers(7)],
  body: { kind: "coded" },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  bodyRowHeight: BODY_ROW,
};

const T3: TableTemplate = {
  id: "T3",
  columns: [
    code(80), name(), amount("total", 62), amount("basic", 62), amount("project", 62),
    amount("remit_upper", 62), amount("operating", 62), amount("affiliate_subsidy", 90),
  ],
  header: [
    [
      h("项目", { colSpan: 2, align: "distribute" }), h("本年支出合计", { rowSpan: 2 }), h("基本支出", { rowSpan: 2 }),
      h("项目支出", { rowSpan: 2 }), h("上缴上级支出", { rowSpan: 2 }), h("经营支出", { rowSpan: 2 }),
      h("对附属单位补助支出", { rowSpan: 2 }),
    ],
    [h("功能分类科目编码"), h("科目名称")],
  ],
  numberRow: [h("栏次", { colSpan: 2 }), ...numbers(6)],
  body: { kind: "coded" },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  bodyRowHeight: BODY_ROW,
};

const T4: TableTemplate = {
  id: "T4",
  columns: [
    name(1, 0), line(0), amount("amount", 62, 0),
    name(1, 1), line(1), amount("total", 62, 1), amount("general", 50, 1), amount("gov_fund", 50, 1),
    amount("state_capital", 50, 1),
  ],
  header: [
    [h("收 入", { colSpan: 3 }), h("支 出", { colSpan: 6 })],
    [
      h("项目", { align: "distribute" }), h("行次"), h("金额"), h("项目", { align: "distribute" }), h("行次"),
      h("合计"), h("一般公共预算财政拨款"), h("政府性基金预算财政拨款"), h("国有资本经营预算财政拨款"),
    ],
  ],
  numberRow: [h("栏次", { align: "distribute" }), h(""), "#", h("栏次", { align: "distribute" }), h(""), "#", "#", "#", "#"],
  body: { kind: "sided", centered: ["income_total", "income_grand_total", "expense_total", "expense_grand_total"] },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  // 32 lines under a three-line header: rows a little tighter so the table
  // and its notes keep to one landscape page.
  bodyRowHeight: 12,
};

const T5: TableTemplate = {
  id: "T5",
  columns: [code(48), name(), amount("total", 100), amount("basic", 100), amount("project", 100)],
  header: [
    [h("项 目", { colSpan: 2 }), h("本年支出", { colSpan: 3 })],
    [h("功能分类科目编码"), h("科目名称"), h("小计"), h("基本支出"), h("项目支出")],
  ],
  numberRow: [h("栏次", { colSpan: 2 }), ...numbers(3)],
  body: { kind: "coded" },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  bodyRowHeight: BODY_ROW,
};

const T6: TableTemplate = {
  id: "T6",
  columns: [
    code(48, 0, 2), name(1, 0), amount("amount", 60, 0),
    code(32, 1, 2), name(1, 1), amount("amount", 60, 1),
    code(32, 2, 2), name(1, 2), amount("amount", 60, 2),
  ],
  header: [
    [h("人员经费", { colSpan: 3 }), h("公用经费", { colSpan: 6 })],
    [
      h("经济分类科目编码"), h("科目名称"), h("决算数"), h("科目编码"), h("科目名称"), h("决算数"),
      h("科目编码"), h("科目名称"), h("决算数"),
    ],
  ],
  body: {
    kind: "grouped",
    groups: [["301", "303"], ["302"], ["310", "307", "309", "399"]],
    // As the seed: 公用经费合计's label sits in group 2, its amount in group 3.
    footer: [
      { key: "personnel_total", labelBlock: 0, valueBlock: 0 },
      { key: "public_total", labelBlock: 1, valueBlock: 2 },
    ],
  },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  bodyRowHeight: BODY_ROW,
};

// T7 prints larger (10.5 pt) across the full width; the fixed columns keep
// the seed's wraps ("因公出国/(境)费", "公务用车/购置费", "公务接/待费").
const t7Block = (prefix: "budget" | "actual"): ColumnSpec[] => [
  flexAmount(`${prefix}_total`), amount(`${prefix}_abroad`, 50), flexAmount(`${prefix}_vehicle`),
  amount(`${prefix}_vehicle_purchase`, 56), amount(`${prefix}_vehicle_operation`, 56), amount(`${prefix}_reception`, 46),
];
const t7Heads: HeaderCellSpec[] = [
  h("合计", { rowSpan: 2 }), h("因公出国(境)费", { rowSpan: 2 }), h("公务用车购置及运行费", { colSpan: 3 }),
  h("公务接待费", { rowSpan: 2 }),
];
const t7Vehicle: HeaderCellSpec[] = [h("小计"), h("公务用车购置费"), h("公务用车运行费")];

const T7: TableTemplate = {
  id: "T7",
  columns: [...t7Block("budget"), ...t7Block("actual")],
  header: [
    [h("预算数", { colSpan: 6 }), h("决算数", { colSpan: 6 })],
    [...t7Heads, ...t7Heads],
    [...t7Vehicle, ...t7Vehicle],
  ],
  numberRow: numbers(12),
  body: { kind: "single" },
  fontSize: 10.5,
  headerRowHeight: 16,
  bodyRowHeight: 20,
};

const T8: TableTemplate = {
  id: "T8",
  columns: [
    code(48), name(), amount("carry_begin", 58), amount("income", 58), amount("total", 58),
    amount("basic", 58), amount("project", 58), amount("carry_end", 58),
  ],
  header: [
    [
      h("项 目", { colSpan: 2 }), h("年初结转和结余", { rowSpan: 2 }), h("本年收入", { rowSpan: 2 }),
      h("本年支出", { colSpan: 3 }), h("年末结转和结余", { rowSpan: 2 }),
    ],
    [h("功能分类科目编码"), h("科目名称"), h("小计"), h("基本支出"), h("项目支出")],
  ],
  numberRow: [h("栏次", { colSpan: 2 }), ...numbers(6)],
  body: { kind: "coded" },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  bodyRowHeight: BODY_ROW,
};

const T9: TableTemplate = {
  id: "T9",
  columns: [code(48), name(), amount("total", 100), amount("basic", 100), amount("project", 100)],
  header: [
    [h("项 目", { colSpan: 2 }), h("本年支出", { colSpan: 3 })],
    [h("功能分类科目编码"), h("科目名称"), h("合计"), h("基本支出"), h("项目支出")],
  ],
  numberRow: [h("栏次", { colSpan: 2 }), ...numbers(3)],
  body: { kind: "coded" },
  fontSize: FONT,
  headerRowHeight: HEADER_ROW,
  bodyRowHeight: BODY_ROW,
};

// Two groups, (301, 303 | 302, 310 …): the national headings over the layout Shanghai uses.
const T6_TWO: TableTemplate = {
  ...T6,
  columns: [code(48, 0, 2), name(1, 0), amount("amount", 60, 0), code(48, 1, 2), name(1, 1), amount("amount", 60, 1)],
  header: [
    [h("人员经费", { colSpan: 3 }), h("公用经费", { colSpan: 3 })],
    [h("经济分类科目编码"), h("科目名称"), h("决算数"), h("经济分类科目编码"), h("科目名称"), h("决算数")],
  ],
  body: T6_TWO_GROUPS,
};

const T7_INTERLEAVED: TableTemplate = {
  ...T7,
  columns: t7InterleavedColumns(),
  header: t7InterleavedHeader({
    total: "合计", abroad: "因公出国(境)费", vehicle: "公务用车购置及运行费", subtotal: "小计",
    purchase: "公务用车购置费", operation: "公务用车运行费", reception: "公务接待费",
  }),
  // The 栏次 numbers follow the canonical order, which is no longer the printed one.
  numberRow: undefined,
};

const T7_TALL = t7Tall(
  { total: "合计", abroad: "因公出国（境）费", vehicle: "公务用车购置及运行费", subtotal: "小计", purchase: "公务用车购置费", operation: "公务用车运行费", reception: "公务接待费" },
  10.5,
  20,
);

export const NATIONAL: TemplateSet = {
  name: "national",
  tables: { T1, T2, T3, T4, T5, T6, T7, T8, T9 },
  t6: { 2: T6_TWO, 3: T6 },
  t7: { blocks: T7, interleaved: T7_INTERLEAVED, tall: T7_TALL },
  page: { department: true, unitLabel: "金额单位", bookHeading: false },
};
