// Group 1 of identities.md: identities within one table.
import { BUSINESS_PARTS, business } from "./parts.js";
import { CLASSES, COL, EACH, type Rule, type Term } from "./types.js";

const t = (table: string, row: string, col: string): Term => ({ table, row, col });
const minus = (table: string, row: string, col: string): Term => ({ table, row, col, sign: -1 });
const each = (table: string, cols: readonly string[]): Term[] => cols.map((c) => t(table, EACH, c));

const T4_FUNDS = ["general", "gov_fund", "state_capital"];
/** The non-fiscal income sources of a T1 line and a T2 row; 事业收入 may be printed by its parts. */
const SOURCES = ["upper_subsidy", "business", "operating", "affiliate", "other"];
const T1_SOURCES = SOURCES.map((k) => (k === "business" ? business("T1", k, "amount") : t("T1", k, "amount")));
const T2_SOURCES = SOURCES.map((k) => (k === "business" ? business("T2", EACH, k) : t("T2", EACH, k)));

export const WITHIN: readonly Rule[] = [
  // 表1: national template lines; a 高校 T1 prints one 财政拨款收入 line (key fiscal) with 其中 lines under it.
  {
    kind: "sum", id: "T1.income_total=sum", identity: "T1.1", status: "ALWAYS",
    lhs: [t("T1", "income_total", "amount")],
    rhs: [...["fiscal_general", "fiscal_gov_fund", "fiscal_state_capital"].map((r) => t("T1", r, "amount")), ...T1_SOURCES],
    unless: [{ table: "T1", row: "fiscal" }],
  },
  {
    kind: "sum", id: "T1.income_total=sum", identity: "T1.1", status: "ALWAYS",
    lhs: [t("T1", "income_total", "amount")],
    rhs: [t("T1", "fiscal", "amount"), ...T1_SOURCES],
    needs: [{ table: "T1", row: "fiscal" }],
  },
  // A university's parts of 事业收入 (其中 lines, or 教育收费 within them) are no more than it.
  {
    kind: "sum", id: "T1.business>=parts", identity: "T1.7", status: "ALWAYS", op: ">=",
    lhs: [t("T1", "business", "amount")], rhs: BUSINESS_PARTS.map((r) => t("T1", r, "amount")),
  },
  {
    kind: "sum", id: "T1.business>=education_fees", identity: "T1.7", status: "ALWAYS", op: ">=",
    lhs: [business("T1", "business", "amount")], rhs: [t("T1", "education_fees", "amount")],
  },
  {
    kind: "sum", id: "T1.income_grand_total=sum", identity: "T1.2", status: "ALWAYS",
    lhs: [t("T1", "income_grand_total", "amount")],
    rhs: [t("T1", "income_total", "amount"), t("T1", "use_nonfiscal_surplus", "amount"), t("T1", "carry_begin", "amount")],
  },
  { kind: "sum", id: "T1.expense_total=sum", identity: "T1.3", status: "ALWAYS", lhs: [t("T1", "expense_total", "amount")], rhs: [t("T1", CLASSES, "amount")] },
  {
    kind: "sum", id: "T1.expense_grand_total=sum", identity: "T1.4", status: "ALWAYS",
    lhs: [t("T1", "expense_grand_total", "amount")],
    rhs: [t("T1", "expense_total", "amount"), t("T1", "surplus_distribution", "amount"), t("T1", "carry_end", "amount")],
  },
  { kind: "sum", id: "T1.balance", identity: "T1.5", status: "ALWAYS", lhs: [t("T1", "income_grand_total", "amount")], rhs: [t("T1", "expense_grand_total", "amount")] },

  // 表2, 表3, 表5: every row.
  { kind: "sum", id: "T2.total=sum", identity: "T2.1", status: "ALWAYS", each: [], lhs: [t("T2", EACH, "total")], rhs: [t("T2", EACH, "fiscal"), ...T2_SOURCES] },
  {
    kind: "sum", id: "T2.business>=parts", identity: "T2.2", status: "ALWAYS", op: ">=", each: [],
    lhs: [t("T2", EACH, "business")], rhs: each("T2", BUSINESS_PARTS),
  },
  {
    kind: "sum", id: "T2.business>=education_fees", identity: "T2.2", status: "ALWAYS", op: ">=", each: [],
    lhs: [business("T2", EACH, "business")], rhs: [t("T2", EACH, "education_fees")],
  },
  { kind: "sum", id: "T3.total=sum", identity: "T3.1", status: "ALWAYS", each: [], lhs: [t("T3", EACH, "total")], rhs: each("T3", ["basic", "project", "remit_upper", "operating", "affiliate_subsidy"]) },
  { kind: "sum", id: "T5.total=basic+project", identity: "T5.1", status: "ALWAYS", each: [], lhs: [t("T5", EACH, "total")], rhs: each("T5", ["basic", "project"]) },

  // 表4.
  { kind: "sum", id: "T4.income_total=sum", identity: "T4.1", status: "ALWAYS", lhs: [t("T4", "income_total", "amount")], rhs: T4_FUNDS.map((f) => t("T4", f, "amount")) },
  {
    kind: "sum", id: "T4.carry_begin=sum", identity: "T4.2", status: "ALWAYS",
    lhs: [t("T4", "carry_begin", "amount")], rhs: T4_FUNDS.map((f) => t("T4", `carry_begin_${f}`, "amount")),
  },
  { kind: "sum", id: "T4.income_grand_total=sum", identity: "T4.3", status: "ALWAYS", lhs: [t("T4", "income_grand_total", "amount")], rhs: [t("T4", "income_total", "amount"), t("T4", "carry_begin", "amount")] },
  { kind: "sum", id: "T4.expense_total=sum", identity: "T4.4", status: "ALWAYS", cols: ["total", ...T4_FUNDS], lhs: [t("T4", "expense_total", COL)], rhs: [t("T4", CLASSES, COL)] },
  {
    kind: "sum", id: "T4.expense_grand_total=sum", identity: "T4.5", status: "ALWAYS", cols: ["total", ...T4_FUNDS],
    lhs: [t("T4", "expense_grand_total", COL)], rhs: [t("T4", "expense_total", COL), t("T4", "carry_end", COL)],
  },
  {
    kind: "sum", id: "T4.total=funds", identity: "T4.6", status: "ALWAYS", each: [CLASSES, "expense_total", "carry_end", "expense_grand_total"],
    lhs: [t("T4", EACH, "total")], rhs: each("T4", T4_FUNDS),
  },
  { kind: "sum", id: "T4.balance", identity: "T4.7", status: "ALWAYS", lhs: [t("T4", "income_grand_total", "amount")], rhs: [t("T4", "expense_grand_total", "total")] },
  ...T4_FUNDS.map((f): Rule => ({
    kind: "sum", id: "T4.fund_balance", identity: "T4.8", status: "COND",
    lhs: [t("T4", "expense_grand_total", f)], rhs: [t("T4", f, "amount"), t("T4", `carry_begin_${f}`, "amount")],
  })),

  // 表6 subtotals (the 类 = Σ款 identities are hierarchy rules).
  { kind: "sum", id: "T6.personnel_total=301+303", identity: "T6.1", status: "ALWAYS", lhs: [t("T6", "personnel_total", "amount")], rhs: [t("T6", "301", "amount"), t("T6", "303", "amount")] },
  {
    kind: "sum", id: "T6.public_total=302+310", identity: "T6.2", status: "ALWAYS",
    lhs: [t("T6", "public_total", "amount")], rhs: ["302", "307", "309", "310", "312", "399"].map((r) => t("T6", r, "amount")),
  },

  // 表7, both series.
  ...["budget", "actual"].flatMap((s): Rule[] => [
    {
      kind: "sum", id: "T7.total=abroad+vehicle+reception", identity: s === "budget" ? "T7.1" : "T7.3", status: "ALWAYS",
      lhs: [t("T7", "total", `${s}_total`)], rhs: ["abroad", "vehicle", "reception"].map((c) => t("T7", "total", `${s}_${c}`)),
    },
    {
      kind: "sum", id: "T7.vehicle=purchase+operation", identity: s === "budget" ? "T7.2" : "T7.4", status: "ALWAYS",
      lhs: [t("T7", "total", `${s}_vehicle`)], rhs: ["vehicle_purchase", "vehicle_operation"].map((c) => t("T7", "total", `${s}_${c}`)),
    },
  ]),

  // 表8, 表9 (收支 form has the carry columns).
  ...["T8", "T9"].flatMap((id): Rule[] => [
    { kind: "sum", id: `${id}.total=basic+project`, identity: id === "T8" ? "T8.2" : "T9.1", status: "ALWAYS", each: [], lhs: [t(id, EACH, "total")], rhs: each(id, ["basic", "project"]) },
    {
      kind: "sum", id: `${id}.carry_end=carry_begin+income-total`, identity: id === "T8" ? "T8.1" : "T9.2", status: "COND", each: [],
      lhs: [t(id, EACH, "carry_end")], rhs: [t(id, EACH, "carry_begin"), t(id, EACH, "income"), minus(id, EACH, "total")],
    },
  ]),
];
