// 表1 and 表4: 收入 lines left, 支出 lines right, with the class lines of the
// year and template. Null/0 as the seed prints them: income lines without
// money empty, class lines 0.00, balances empty when zero.
import type { Cell, Row } from "../../../../schemas/canonical.js";
import type { PrintedLine } from "../../source/schema.js";
import { toWan, type Yuan } from "../amount.js";
import { chineseNumber, classLines, className } from "../catalogue/classes.js";
import { nullIfZero, sumOf, type Rolled } from "./rollup.js";

export interface SidedContent {
  readonly rows: Row[];
  readonly cells: Cell[];
  readonly lines: PrintedLine[];
  readonly notes: string[];
}

const T1_INCOME: readonly [string, string][] = [
  ["fiscal_general", "一、一般公共预算财政拨款收入"],
  ["fiscal_gov_fund", "二、政府性基金预算财政拨款收入"],
  ["fiscal_state_capital", "三、国有资本经营预算财政拨款收入"],
  ["upper_subsidy", "四、上级补助收入"],
  ["business", "五、事业收入"],
  ["operating", "六、经营收入"],
  ["affiliate", "七、附属单位上缴收入"],
  ["other", "八、其他收入"],
];

function classRows(template: "national" | "shanghai", year: number): Row[] {
  return classLines(template, year).map((code, i) => ({ key: code, name: `${chineseNumber(i + 1)}、${className(code, year)}` }));
}

/** Line numbers: income 1..n then 4 total lines; expense continues after them. */
export function numbering(incomeKeys: readonly (string | null)[], expenseKeys: readonly (string | null)[]): PrintedLine[] {
  const lines: PrintedLine[] = incomeKeys.map((key, i) => ({ line: i + 1, side: "income", key }));
  const offset = incomeKeys.length;
  return [...lines, ...expenseKeys.map((key, i) => ({ line: offset + i + 1, side: "expense" as const, key }))];
}

export interface T1Figures {
  readonly income: Record<string, Yuan>;
  readonly useNonfiscalSurplus: Yuan;
  readonly carryBegin: Yuan;
  readonly surplusDistribution: Yuan;
  readonly carryEnd: Yuan;
}

export function buildT1(template: "national" | "shanghai", year: number, t3: Rolled, f: T1Figures): SidedContent {
  const classes = classRows(template, year);
  const incomeTotal = T1_INCOME.reduce((a, [k]) => a + (f.income[k] ?? 0), 0);
  const expenseTotal = sumOf(t3.sums.get("total"), "total");
  const grandIn = incomeTotal + f.useNonfiscalSurplus + f.carryBegin;
  const grandOut = expenseTotal + f.surplusDistribution + f.carryEnd;
  if (grandIn !== grandOut) throw new Error(`T1 does not balance: ${grandIn} vs ${grandOut}`);
  const incomeRows: [string, string, number | null][] = [
    ...T1_INCOME.map(([k, n]): [string, string, number | null] => [k, n, nullIfZero(f.income[k] ?? 0)]),
    ["income_total", "本年收入合计", toWan(incomeTotal)],
    ["use_nonfiscal_surplus", "使用非财政拨款结余", nullIfZero(f.useNonfiscalSurplus)],
    ["carry_begin", "年初结转和结余", nullIfZero(f.carryBegin)],
    ["income_grand_total", "总计", toWan(grandIn)],
  ];
  const expenseRows: [string, string, number | null][] = [
    ...classes.map((r): [string, string, number | null] => [r.key, r.name ?? "", toWan(sumOf(t3.sums.get(r.key), "total"))]),
    ["expense_total", "本年支出合计", toWan(expenseTotal)],
    ["surplus_distribution", "结余分配", nullIfZero(f.surplusDistribution)],
    ["carry_end", "年末结转和结余", nullIfZero(f.carryEnd)],
    ["expense_grand_total", "总计", toWan(grandOut)],
  ];
  const all = [...incomeRows, ...expenseRows];
  const n = classes.length;
  const fillers = Array.from({ length: n - T1_INCOME.length }, () => null);
  const incomeKeys = [...T1_INCOME.map(([k]) => k), ...fillers, "income_total", "use_nonfiscal_surplus", "carry_begin", "income_grand_total"];
  const expenseKeys = [...classes.map((r) => r.key), "expense_total", "surplus_distribution", "carry_end", "expense_grand_total"];
  const L = (k: number) => k; // line numbers as printed
  const notes = [
    `${L(n + 1)}行 = (1+2+3+4+5+6+7+8) 行； ${L(n + 4)}行 = (${n + 1}+${n + 2}+${n + 3}) 行；`,
    `${L(2 * n + 5)}行 = (${n + 5}+${n + 6}+...+${2 * n + 4}) 行； ${2 * n + 8}行 = (${2 * n + 5}+${2 * n + 6}+${2 * n + 7}) 行。`,
  ];
  return {
    rows: all.map(([key, name]) => ({ key, name })),
    cells: all.map(([row, , value]) => ({ row, col: "amount", value })),
    lines: numbering(incomeKeys, expenseKeys),
    notes,
  };
}

export interface T4Figures {
  readonly income: { general: Yuan; gov_fund: Yuan; state_capital: Yuan };
  readonly carryBegin: { general: Yuan; gov_fund: Yuan; state_capital: Yuan };
  readonly carryEnd: { general: Yuan; gov_fund: Yuan; state_capital: Yuan };
}

const FUNDS = ["general", "gov_fund", "state_capital"] as const;

export function buildT4(template: "national" | "shanghai", year: number, t5: Rolled, t8: Rolled | null, t9: Rolled | null, f: T4Figures): SidedContent {
  const classes = classRows(template, year);
  const byFund = (fund: (typeof FUNDS)[number], key: string): Yuan => {
    const t = fund === "general" ? t5 : fund === "gov_fund" ? t8 : t9;
    return sumOf(t?.sums.get(key), "total");
  };
  const rows: Row[] = [];
  const cells: Cell[] = [];
  const amountRow = (key: string, name: string, value: number | null) => {
    rows.push({ key, name });
    cells.push({ row: key, col: "amount", value });
  };
  const incomeTotal = FUNDS.reduce((a, k) => a + f.income[k], 0);
  const beginTotal = FUNDS.reduce((a, k) => a + f.carryBegin[k], 0);
  amountRow("general", "一、一般公共预算财政拨款", nullIfZero(f.income.general));
  amountRow("gov_fund", "二、政府性基金预算财政拨款", nullIfZero(f.income.gov_fund));
  amountRow("state_capital", "三、国有资本经营预算财政拨款", nullIfZero(f.income.state_capital));
  amountRow("income_total", "本年收入合计", toWan(incomeTotal));
  amountRow("carry_begin", "年初财政拨款结转和结余", nullIfZero(beginTotal));
  amountRow("carry_begin_general", "一般公共预算财政拨款", nullIfZero(f.carryBegin.general));
  amountRow("carry_begin_gov_fund", "政府性基金预算财政拨款", nullIfZero(f.carryBegin.gov_fund));
  amountRow("carry_begin_state_capital", "国有资本经营预算财政拨款", nullIfZero(f.carryBegin.state_capital));
  amountRow("income_grand_total", "总计", toWan(incomeTotal + beginTotal));

  const fourCols = (key: string, name: string, fig: Record<(typeof FUNDS)[number], Yuan>, show: (y: Yuan, col: string) => number | null) => {
    rows.push({ key, name });
    const total = FUNDS.reduce((a, k) => a + fig[k], 0);
    cells.push({ row: key, col: "total", value: show(total, "total") });
    for (const k of FUNDS) cells.push({ row: key, col: k, value: show(fig[k], k) });
  };
  const zeroShown = (y: Yuan) => toWan(y);
  const spent = { general: 0, gov_fund: 0, state_capital: 0 };
  for (const r of classes) {
    const fig = { general: byFund("general", r.key), gov_fund: byFund("gov_fund", r.key), state_capital: byFund("state_capital", r.key) };
    for (const k of FUNDS) spent[k] += fig[k];
    fourCols(r.key, r.name ?? "", fig, zeroShown);
  }
  fourCols("expense_total", "本年支出合计", spent, zeroShown);
  fourCols("carry_end", "年末财政拨款结转和结余", f.carryEnd, (y) => nullIfZero(y));
  const grand = { general: spent.general + f.carryEnd.general, gov_fund: spent.gov_fund + f.carryEnd.gov_fund, state_capital: spent.state_capital + f.carryEnd.state_capital };
  // The seed prints 总计 c4/c5 empty when zero, 合计/一般 always.
  fourCols("expense_grand_total", "总计", grand, (y, col) => (col === "total" || col === "general" ? toWan(y) : nullIfZero(y)));
  const grandOut = FUNDS.reduce((a, k) => a + grand[k], 0);
  if (grandOut !== incomeTotal + beginTotal) throw new Error(`T4 does not balance: ${incomeTotal + beginTotal} vs ${grandOut}`);

  const n = classes.length;
  const incomeKeys = ["general", "gov_fund", "state_capital", ...Array.from({ length: n - 3 }, () => null), "income_total", "carry_begin", "carry_begin_general", "carry_begin_gov_fund", "carry_begin_state_capital", "income_grand_total"];
  const expenseKeys = [...classes.map((r) => r.key), "expense_total", "carry_end", null, null, null, "expense_grand_total"];
  const e0 = n + 7;
  const notes = [
    `${n + 1}行 = (1+2+3) 行；${n + 2}行 = (${n + 3}+${n + 4}+${n + 5}) 行；${n + 6}行 = (${n + 1}+${n + 2}) 行；`,
    `${e0 + n}行 = (${e0}+${e0 + 1}+…+${e0 + n - 1}) 行；${e0 + n + 5}行 = (${e0 + n}+${e0 + n + 1}) 行。`,
  ];
  return { rows, cells, lines: numbering(incomeKeys, expenseKeys), notes };
}
