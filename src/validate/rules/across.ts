// Group 3a of identities.md: the same figure in two tables.
import { CLASSES, COL, EACH, type Rule, type Term } from "./types.js";
import { BUSINESS_PARTS, business } from "./parts.js";

const t = (table: string, row: string, col: string): Term => ({ table, row, col });

const SOURCES = ["upper_subsidy", "business", "operating", "affiliate", "other"];
const FUNDS: readonly [string, string][] = [["fiscal_general", "general"], ["fiscal_gov_fund", "gov_fund"], ["fiscal_state_capital", "state_capital"]];

export const ACROSS: readonly Rule[] = [
  { kind: "sum", id: "X.T1.income_total=T2.total", identity: "X1", status: "ALWAYS", lhs: [t("T1", "income_total", "amount")], rhs: [t("T2", "total", "total")] },
  {
    kind: "sum", id: "X.T1.fiscal=T2.fiscal", identity: "X2", status: "ALWAYS",
    lhs: FUNDS.map(([r]) => t("T1", r, "amount")), rhs: [t("T2", "total", "fiscal")], unless: [{ table: "T1", row: "fiscal" }],
  },
  { kind: "sum", id: "X.T1.fiscal=T2.fiscal", identity: "X2", status: "ALWAYS", lhs: [t("T1", "fiscal", "amount")], rhs: [t("T2", "total", "fiscal")], needs: [{ table: "T1", row: "fiscal" }] },
  // 事业收入 either table may print whole or (a university) by its parts; each part too, where both print it.
  ...[...SOURCES, ...BUSINESS_PARTS, "education_fees"].map((s): Rule => ({
    kind: "sum", id: "X.T1.source=T2", identity: "X3", status: "ALWAYS",
    lhs: [s === "business" ? business("T1", s, "amount") : t("T1", s, "amount")],
    rhs: [s === "business" ? business("T2", "total", s) : t("T2", "total", s)],
  })),
  { kind: "sum", id: "X.T1.expense_total=T3.total", identity: "X4", status: "ALWAYS", lhs: [t("T1", "expense_total", "amount")], rhs: [t("T3", "total", "total")] },
  { kind: "sum", id: "X.T1.class=T3.class", identity: "X5", status: "ALWAYS", each: [CLASSES], lhs: [t("T1", EACH, "amount")], rhs: [t("T3", EACH, "total")] },
  ...FUNDS.map(([r1, r4]): Rule => ({ kind: "sum", id: "X.T1.fiscal_income=T4", identity: "X6", status: "ALWAYS", lhs: [t("T1", r1, "amount")], rhs: [t("T4", r4, "amount")] })),
  { kind: "sum", id: "X.T4.general=T5", identity: "X7", status: "ALWAYS", lhs: [t("T4", "expense_total", "general")], rhs: [t("T5", "total", "total")] },
  { kind: "sum", id: "X.T4.general=T5", identity: "X8", status: "ALWAYS", each: [CLASSES], lhs: [t("T4", EACH, "general")], rhs: [t("T5", EACH, "total")] },
  { kind: "sum", id: "X.T4.gov_fund=T8", identity: "X9", status: "ALWAYS", lhs: [t("T4", "expense_total", "gov_fund")], rhs: [t("T8", "total", "total")] },
  { kind: "sum", id: "X.T4.gov_fund=T8", identity: "X9", status: "ALWAYS", each: [CLASSES], lhs: [t("T4", EACH, "gov_fund")], rhs: [t("T8", EACH, "total")] },
  { kind: "sum", id: "X.T4.gov_fund=T8", identity: "X10", status: "ALWAYS", lhs: [t("T4", "gov_fund", "amount")], rhs: [t("T8", "total", "income")] },
  { kind: "sum", id: "X.T4.gov_fund=T8", identity: "X10", status: "ALWAYS", lhs: [t("T4", "carry_begin_gov_fund", "amount")], rhs: [t("T8", "total", "carry_begin")] },
  { kind: "sum", id: "X.T4.gov_fund=T8", identity: "X10", status: "ALWAYS", lhs: [t("T4", "carry_end", "gov_fund")], rhs: [t("T8", "total", "carry_end")] },
  { kind: "sum", id: "X.T4.state_capital=T9", identity: "X11", status: "ALWAYS", lhs: [t("T4", "expense_total", "state_capital")], rhs: [t("T9", "total", "total")] },
  { kind: "sum", id: "X.T4.state_capital=T9", identity: "X11", status: "ALWAYS", each: [CLASSES], lhs: [t("T4", EACH, "state_capital")], rhs: [t("T9", EACH, "total")] },
  { kind: "sum", id: "X.T4.state_capital=T9", identity: "X11", status: "ALWAYS", lhs: [t("T4", "state_capital", "amount")], rhs: [t("T9", "total", "income")] },
  { kind: "sum", id: "X.T4.state_capital=T9", identity: "X11", status: "ALWAYS", lhs: [t("T4", "carry_begin_state_capital", "amount")], rhs: [t("T9", "total", "carry_begin")] },
  { kind: "sum", id: "X.T4.state_capital=T9", identity: "X11", status: "ALWAYS", lhs: [t("T4", "carry_end", "state_capital")], rhs: [t("T9", "total", "carry_end")] },
  // Inequalities: fiscal money is part of all money.
  { kind: "sum", id: "X.T4.carry_begin<=T1", identity: "X12", status: "ALWAYS", op: "<=", lhs: [t("T4", "carry_begin", "amount")], rhs: [t("T1", "carry_begin", "amount")] },
  { kind: "sum", id: "X.T4.carry_end<=T1", identity: "X12", status: "ALWAYS", op: "<=", lhs: [t("T4", "carry_end", "total")], rhs: [t("T1", "carry_end", "amount")] },
  { kind: "sum", id: "X.T4.expense<=T1", identity: "X13", status: "ALWAYS", op: "<=", lhs: [t("T4", "expense_total", "total")], rhs: [t("T1", "expense_total", "amount")] },
  { kind: "sum", id: "X.T4.expense<=T1", identity: "X13", status: "ALWAYS", op: "<=", each: [CLASSES], lhs: [t("T4", EACH, "total")], rhs: [t("T1", EACH, "amount")] },
  {
    kind: "sum", id: "X.T3>=T5+T8+T9", identity: "X16", status: "ALWAYS", op: ">=", each: [], cols: ["basic", "project"],
    lhs: [t("T3", EACH, COL)], rhs: [t("T5", EACH, COL), t("T8", EACH, COL), t("T9", EACH, COL)],
  },
  // 表6 basic spending on 三公 items is part of 表7's actual (which adds projects and carry-over),
  // when both speak of the same money: a condition the tables do not show, so a warning.
  ...([["30212", "actual_abroad"], ["30217", "actual_reception"], ["31013", "actual_vehicle_purchase"], ["30231", "actual_vehicle_operation"]] as const).map(
    ([code, col]): Rule => ({ kind: "sum", id: "X.T6.sangong<=T7", identity: "X18", status: "COND", op: "<=", lhs: [t("T6", code, "amount")], rhs: [t("T7", "total", col)] }),
  ),
  // 表6 against 表5: reported at 公用经费合计, where the economic roll-up meets the functional one.
  {
    kind: "sum", id: "X.T6.personnel_total+public_total=T5.basic", identity: "X17", status: "ALWAYS",
    lhs: [t("T6", "public_total", "amount"), t("T6", "personnel_total", "amount")], rhs: [t("T5", "total", "basic")],
  },
];
