// The Shanghai template (附件2 部门决算模板, 2024/2025; 普陀 samples): no 行次
// and no 栏次, amounts headed 决算数, 表5 合计 at the bottom, 表7 interleaved
// under a 财政拨款“三公”经费 banner with 运行维护费 names, 表9 in the 表8
// (收支) form, and "单位：万元" alone on the caption line.
import { amount, code, flexAmount, h, name, T7_ITEMS, t7InterleavedColumns, t7InterleavedHeader, t7Tall, type T7Names, T6_TWO_GROUPS } from "./build.js";
import type { HeaderCellSpec, TableTemplate, TemplateSet } from "./types.js";

const FONT = 9;
const HEADER_ROW = 14;
const BODY_ROW = 14;

const base = { fontSize: FONT, headerRowHeight: HEADER_ROW, bodyRowHeight: BODY_ROW } as const;
const codeHead = (): HeaderCellSpec[] => [h("功能分类科目编码"), h("科目名称")];

const T1: TableTemplate = {
  ...base,
  id: "T1",
  columns: [name(1, 0), amount("amount", 100, 0), name(1, 1), amount("amount", 100, 1)],
  header: [
    [h("收入", { colSpan: 2 }), h("支出", { colSpan: 2 })],
    [h("项目"), h("决算数"), h("项目"), h("决算数")],
  ],
  body: { kind: "sided", centered: ["income_total", "income_grand_total", "expense_total", "expense_grand_total"] },
};

const T2: TableTemplate = {
  ...base,
  id: "T2",
  columns: [
    code(56), name(), amount("total", 62), amount("fiscal", 62), amount("upper_subsidy", 50),
    amount("business", 50), amount("operating", 50), amount("affiliate", 50), amount("other", 50),
  ],
  header: [
    [
      h("项目", { colSpan: 2 }), h("本年收入合计", { rowSpan: 2 }), h("财政拨款收入", { rowSpan: 2 }),
      h("上级补助收入", { rowSpan: 2 }), h("事业收入", { rowSpan: 2 }), h("经营收入", { rowSpan: 2 }),
      h("附属单位上缴收入", { rowSpan: 2 }), h("其他收入", { rowSpan: 2 }),
    ],
    codeHead(),
  ],
  body: { kind: "coded" },
};

const T3: TableTemplate = {
  ...base,
  id: "T3",
  columns: [
    code(56), name(), amount("total", 62), amount("basic", 62), amount("project", 62),
    amount("remit_upper", 56), amount("operating", 56), amount("affiliate_subsidy", 62),
  ],
  header: [
    [
      h("项目", { colSpan: 2 }), h("本年支出合计", { rowSpan: 2 }), h("基本支出", { rowSpan: 2 }),
      h("项目支出", { rowSpan: 2 }), h("上缴上级支出", { rowSpan: 2 }), h("经营支出", { rowSpan: 2 }),
      h("对附属单位补助支出", { rowSpan: 2 }),
    ],
    codeHead(),
  ],
  body: { kind: "coded" },
};

const T4: TableTemplate = {
  ...base,
  id: "T4",
  columns: [
    name(1, 0), amount("amount", 66, 0),
    name(1, 1), amount("total", 66, 1), amount("general", 62, 1), amount("gov_fund", 62, 1), amount("state_capital", 62, 1),
  ],
  header: [
    [h("收入", { colSpan: 2 }), h("支出", { colSpan: 5 })],
    [h("项目", { rowSpan: 2 }), h("决算数", { rowSpan: 2 }), h("项目", { rowSpan: 2 }), h("决算数", { colSpan: 4 })],
    [h("合计"), h("一般公共预算财政拨款"), h("政府性基金预算财政拨款"), h("国有资本经营预算财政拨款")],
  ],
  body: { kind: "sided", centered: ["income_total", "income_grand_total", "expense_total", "expense_grand_total"] },
};

const T5: TableTemplate = {
  ...base,
  id: "T5",
  columns: [code(56), name(), amount("total", 96), amount("basic", 96), amount("project", 96)],
  header: [
    [h("项目", { colSpan: 2 }), h("合计", { rowSpan: 2 }), h("基本支出", { rowSpan: 2 }), h("项目支出", { rowSpan: 2 })],
    codeHead(),
  ],
  body: { kind: "coded", total: "bottom" },
};

const t6Group = (): HeaderCellSpec[] => [h("经济分类科目编码"), h("科目名称"), h("决算数")];

const T6_TWO: TableTemplate = {
  ...base,
  id: "T6",
  columns: [code(52, 0, 2), name(1, 0), amount("amount", 70, 0), code(52, 1, 2), name(1, 1), amount("amount", 70, 1)],
  header: [[...t6Group(), ...t6Group()]],
  body: T6_TWO_GROUPS,
};

const T6_THREE: TableTemplate = {
  ...base,
  id: "T6",
  columns: [
    code(48, 0, 2), name(1, 0), amount("amount", 60, 0),
    code(48, 1, 2), name(1, 1), amount("amount", 60, 1),
    code(48, 2, 2), name(1, 2), amount("amount", 60, 2),
  ],
  header: [[...t6Group(), ...t6Group(), ...t6Group()]],
  body: {
    kind: "grouped",
    groups: [["301", "303"], ["302"], ["310", "307", "309", "399"]],
    footer: [
      { key: "personnel_total", labelBlock: 0, valueBlock: 0 },
      { key: "public_total", labelBlock: 2, valueBlock: 2 },
    ],
  },
};

const NAMES: T7Names = {
  total: "合计", abroad: "因公出国（境）费", vehicle: "公务用车购置及运行维护费", subtotal: "小计",
  purchase: "公务用车购置费", operation: "公务用车运行维护费", reception: "公务接待费",
};
const BANNER = "财政拨款“三公”经费";
const t7Base = { ...base, id: "T7", fontSize: 9.5, headerRowHeight: 18, bodyRowHeight: 22, body: { kind: "single" } } as const;

const T7_INTERLEAVED: TableTemplate = {
  ...t7Base,
  columns: t7InterleavedColumns(),
  header: t7InterleavedHeader(NAMES, BANNER),
};

const T7_BLOCKS: TableTemplate = {
  ...t7Base,
  columns: (["budget", "actual"] as const).flatMap((p) => T7_ITEMS.map((item) => flexAmount(`${p}_${item}`))),
  header: [
    [h("预算数", { colSpan: 6 }), h("决算数", { colSpan: 6 })],
    [0, 1].flatMap(() => [
      h(NAMES.total, { rowSpan: 2 }), h(NAMES.abroad, { rowSpan: 2 }), h(NAMES.vehicle, { colSpan: 3 }),
      h(NAMES.reception, { rowSpan: 2 }),
    ]),
    [0, 1].flatMap(() => [h(NAMES.subtotal), h(NAMES.purchase), h(NAMES.operation)]),
  ],
};

const cashHead = (): HeaderCellSpec[][] => [
  [
    h("项目", { colSpan: 2 }), h("年初结转和结余", { rowSpan: 2 }), h("本年收入", { rowSpan: 2 }),
    h("本年支出", { colSpan: 3 }), h("年末结转和结余", { rowSpan: 2 }),
  ],
  [...codeHead(), h("小计"), h("基本支出"), h("项目支出")],
];
const cashColumns = () => [
  code(56), name(), amount("carry_begin", 62), amount("income", 62), amount("total", 62),
  amount("basic", 62), amount("project", 62), amount("carry_end", 62),
];

const T8: TableTemplate = { ...base, id: "T8", columns: cashColumns(), header: cashHead(), body: { kind: "coded" } };
// 表9 in 收支 form: the 表8 columns (carry_begin … carry_end), as the Shanghai template prints it.
const T9: TableTemplate = { ...base, id: "T9", columns: cashColumns(), header: cashHead(), body: { kind: "coded" } };

export const SHANGHAI: TemplateSet = {
  name: "shanghai",
  tables: { T1, T2, T3, T4, T5, T6: T6_TWO, T7: T7_INTERLEAVED, T8, T9 },
  t6: { 2: T6_TWO, 3: T6_THREE },
  t7: { blocks: T7_BLOCKS, interleaved: T7_INTERLEAVED, tall: t7Tall(NAMES, 9.5, 22) },
  page: { department: false, unitLabel: "单位", bookHeading: true },
};
