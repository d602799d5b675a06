// The identities of identities.md, evaluated exactly (integer 元) on a built
// report: the builder asserts a clean report passes, and a fault's truth
// records are the identity instances it breaks. Each failure is reported at
// the identity's left-hand cell. Rule ids are '<table>.<identity>'.
import type { SourceTable } from "../source/schema.js";
import { fromWan, pctScaled, toWan, type Yuan } from "./amount.js";
import type { Claim, CellRef, Operand } from "./claims.js";
import { UNIVERSITY_KEYS } from "../templates/university.js";

export interface Failure {
  readonly rule: string;
  readonly table: string;
  readonly row: string | null;
  readonly col: string | null;
  /** 万元 (percent for narrative.pct). */
  readonly expected: number;
  readonly actual: number;
}

export const failureKey = (f: Pick<Failure, "rule" | "table" | "row" | "col">): string => `${f.rule}|${f.table}|${f.row ?? ""}|${f.col ?? ""}`;

const CODED_COLS: Record<string, readonly string[]> = {
  T2: ["total", "fiscal", "upper_subsidy", "business", "operating", "affiliate", "other"],
  T3: ["total", "basic", "project", "remit_upper", "operating", "affiliate_subsidy"],
  T5: ["total", "basic", "project"],
  T8: ["carry_begin", "income", "total", "basic", "project", "carry_end"],
};

export function checkReport(tables: readonly SourceTable[], claims: readonly Claim[]): Failure[] {
  const byId = new Map<string, SourceTable>(tables.map((t) => [t.id, t]));
  const values = new Map<string, Yuan>();
  for (const t of tables) for (const c of t.cells) values.set(`${t.id}|${c.row}|${c.col}`, fromWan(c.value));
  const v = (table: string, row: string, col: string): Yuan => values.get(`${table}|${row}|${col}`) ?? 0;
  const out: Failure[] = [];
  const eq = (rule: string, table: string, row: string | null, col: string | null, actual: Yuan, expected: Yuan) => {
    if (actual !== expected) out.push({ rule, table, row, col, expected: toWan(expected), actual: toWan(actual) });
  };
  const sum = (table: string, rows: readonly string[], col: string) => rows.reduce((a, r) => a + v(table, r, col), 0);

  // Coded tables: row identities and the 类/款/项 hierarchy.
  const t9 = byId.get("T9");
  const t9Flows = t9?.cells.some((c) => c.col === "carry_end") ?? false;
  const coded: [string, readonly string[]][] = [["T2", CODED_COLS.T2 ?? []], ["T3", CODED_COLS.T3 ?? []], ["T5", CODED_COLS.T5 ?? []], ["T8", CODED_COLS.T8 ?? []]];
  if (t9) coded.push(["T9", t9Flows ? (CODED_COLS.T8 ?? []) : (CODED_COLS.T5 ?? [])]);
  const { education, research, fiscal } = UNIVERSITY_KEYS;
  for (const [id, base] of coded) {
    const t = byId.get(id);
    if (!t) continue;
    const keys = t.rows.map((r) => r.key);
    // The university's 表2 prints 事业收入's two parts as columns of their own.
    const parts = id === "T2" && t.cells.some((c) => c.col === education);
    const cols = parts ? [...base, education, research] : base;
    for (const k of keys) {
      if (parts) eq("T2.business=education+research", id, k, "business", v(id, k, "business"), v(id, k, education) + v(id, k, research));
      if (id === "T2") eq("T2.total=sum_sources", id, k, "total", v(id, k, "total"), sum(id, [k], "fiscal") + ["upper_subsidy", "business", "operating", "affiliate", "other"].reduce((a, c) => a + v(id, k, c), 0));
      if (id === "T3") eq("T3.total=sum_kinds", id, k, "total", v(id, k, "total"), ["basic", "project", "remit_upper", "operating", "affiliate_subsidy"].reduce((a, c) => a + v(id, k, c), 0));
      if (id === "T5" || (id === "T9" && !t9Flows)) eq(`${id}.total=basic+project`, id, k, "total", v(id, k, "total"), v(id, k, "basic") + v(id, k, "project"));
      if (id === "T8" || (id === "T9" && t9Flows)) {
        eq(`${id}.total=basic+project`, id, k, "total", v(id, k, "total"), v(id, k, "basic") + v(id, k, "project"));
        eq(`${id}.carry_end=carry_begin+income-total`, id, k, "carry_end", v(id, k, "carry_end"), v(id, k, "carry_begin") + v(id, k, "income") - v(id, k, "total"));
      }
    }
    const lei = keys.filter((k) => /^\d{3}$/.test(k));
    for (const col of cols) {
      if (lei.length > 0) eq(`${id}.hierarchy.total`, id, "total", col, v(id, "total", col), sum(id, lei, col));
      for (const k of keys.filter((x) => /^\d{3}$|^\d{5}$/.test(x))) {
        const kids = keys.filter((x) => x.length === k.length + 2 && x.startsWith(k));
        if (kids.length > 0) eq(`${id}.hierarchy.${k.length === 3 ? "lei" : "kuan"}`, id, k, col, v(id, k, col), sum(id, kids, col));
      }
    }
  }

  // 表1.
  const t1 = byId.get("T1");
  if (t1) {
    const classes = t1.rows.map((r) => r.key).filter((k) => /^\d{3}$/.test(k));
    const a = (row: string) => v("T1", row, "amount");
    // The university prints 财政拨款收入 in one line (`fiscal`); the national form by fund.
    eq("T1.income_total=sum", "T1", "income_total", "amount", a("income_total"), sum("T1", [fiscal, "fiscal_general", "fiscal_gov_fund", "fiscal_state_capital", "upper_subsidy", "business", "operating", "affiliate", "other"], "amount"));
    if (t1.rows.some((r) => r.key === education)) eq("T1.business=education+research", "T1", "business", "amount", a("business"), a(education) + a(research));
    eq("T1.income_grand_total=sum", "T1", "income_grand_total", "amount", a("income_grand_total"), a("income_total") + a("use_nonfiscal_surplus") + a("carry_begin"));
    eq("T1.expense_total=sum", "T1", "expense_total", "amount", a("expense_total"), sum("T1", classes, "amount"));
    eq("T1.expense_grand_total=sum", "T1", "expense_grand_total", "amount", a("expense_grand_total"), a("expense_total") + a("surplus_distribution") + a("carry_end"));
    eq("T1.balance", "T1", "income_grand_total", "amount", a("income_grand_total"), a("expense_grand_total"));
    eq("X.T1.income_total=T2.total", "T1", "income_total", "amount", a("income_total"), v("T2", "total", "total"));
    eq("X.T1.fiscal=T2.fiscal", "T1", "fiscal_general", "amount", a(fiscal) + a("fiscal_general") + a("fiscal_gov_fund") + a("fiscal_state_capital"), v("T2", "total", "fiscal"));
    for (const src of ["upper_subsidy", "business", "operating", "affiliate", "other"]) eq("X.T1.nonfiscal=T2", "T1", src, "amount", a(src), v("T2", "total", src));
    eq("X.T1.expense_total=T3.total", "T1", "expense_total", "amount", a("expense_total"), v("T3", "total", "total"));
    for (const c of classes) eq("X.T1.class=T3.class", "T1", c, "amount", a(c), v("T3", c, "total"));
    for (const [row, t4row] of [["fiscal_general", "general"], ["fiscal_gov_fund", "gov_fund"], ["fiscal_state_capital", "state_capital"]] as const) {
      eq("X.T1.fiscal_income=T4", "T1", row, "amount", a(row), v("T4", t4row, "amount"));
    }
  }

  // 表4.
  const t4 = byId.get("T4");
  if (t4) {
    const a = (row: string, col = "amount") => v("T4", row, col);
    const classes = t4.rows.map((r) => r.key).filter((k) => /^\d{3}$/.test(k));
    const funds = ["general", "gov_fund", "state_capital"];
    eq("T4.income_total=sum", "T4", "income_total", "amount", a("income_total"), a("general") + a("gov_fund") + a("state_capital"));
    eq("T4.carry_begin=sum", "T4", "carry_begin", "amount", a("carry_begin"), a("carry_begin_general") + a("carry_begin_gov_fund") + a("carry_begin_state_capital"));
    eq("T4.income_grand_total=sum", "T4", "income_grand_total", "amount", a("income_grand_total"), a("income_total") + a("carry_begin"));
    for (const col of ["total", ...funds]) {
      eq("T4.expense_total=sum", "T4", "expense_total", col, a("expense_total", col), sum("T4", classes, col));
      eq("T4.expense_grand_total=sum", "T4", "expense_grand_total", col, a("expense_grand_total", col), a("expense_total", col) + a("carry_end", col));
    }
    for (const row of [...classes, "expense_total", "carry_end", "expense_grand_total"]) {
      eq("T4.total=general+gov_fund+state_capital", "T4", row, "total", a(row, "total"), funds.reduce((x, f) => x + a(row, f), 0));
    }
    eq("T4.balance", "T4", "income_grand_total", "amount", a("income_grand_total"), a("expense_grand_total", "total"));
    for (const f of funds) eq("T4.fund_balance", "T4", "expense_grand_total", f, a("expense_grand_total", f), a(f) + a(`carry_begin_${f}`));
    eq("X.T4.general=T5", "T4", "expense_total", "general", a("expense_total", "general"), v("T5", "total", "total"));
    for (const c of classes) eq("X.T4.general=T5", "T4", c, "general", a(c, "general"), v("T5", c, "total"));
    eq("X.T4.gov_fund=T8", "T4", "expense_total", "gov_fund", a("expense_total", "gov_fund"), v("T8", "total", "total"));
    for (const c of classes) eq("X.T4.gov_fund=T8", "T4", c, "gov_fund", a(c, "gov_fund"), v("T8", c, "total"));
    eq("X.T4.gov_fund=T8", "T4", "gov_fund", "amount", a("gov_fund"), v("T8", "total", "income"));
    eq("X.T4.gov_fund=T8", "T4", "carry_begin_gov_fund", "amount", a("carry_begin_gov_fund"), v("T8", "total", "carry_begin"));
    eq("X.T4.gov_fund=T8", "T4", "carry_end", "gov_fund", a("carry_end", "gov_fund"), v("T8", "total", "carry_end"));
    if (t9) {
      eq("X.T4.state_capital=T9", "T4", "expense_total", "state_capital", a("expense_total", "state_capital"), v("T9", "total", "total"));
      for (const c of classes) eq("X.T4.state_capital=T9", "T4", c, "state_capital", a(c, "state_capital"), v("T9", c, "total"));
      if (t9Flows) {
        eq("X.T4.state_capital=T9", "T4", "state_capital", "amount", a("state_capital"), v("T9", "total", "income"));
        eq("X.T4.state_capital=T9", "T4", "carry_begin_state_capital", "amount", a("carry_begin_state_capital"), v("T9", "total", "carry_begin"));
        eq("X.T4.state_capital=T9", "T4", "carry_end", "state_capital", a("carry_end", "state_capital"), v("T9", "total", "carry_end"));
      }
    }
  }

  // 表6.
  const t6 = byId.get("T6");
  if (t6) {
    const keys = t6.rows.map((r) => r.key);
    for (const cls of keys.filter((k) => /^\d{3}$/.test(k))) {
      eq(`T6.${cls}=sum`, "T6", cls, "amount", v("T6", cls, "amount"), sum("T6", keys.filter((k) => k.length === 5 && k.startsWith(cls)), "amount"));
    }
    const personnel: string[] = keys.filter((k) => k === "301" || k === "303");
    const pub = keys.filter((k) => /^3\d\d$/.test(k) && !personnel.includes(k));
    eq("T6.personnel_total=301+303", "T6", "personnel_total", "amount", v("T6", "personnel_total", "amount"), sum("T6", personnel, "amount"));
    eq("T6.public_total=302+310", "T6", "public_total", "amount", v("T6", "public_total", "amount"), sum("T6", pub, "amount"));
    eq("X.T6.personnel_total+public_total=T5.basic", "T6", "public_total", "amount", v("T6", "personnel_total", "amount") + v("T6", "public_total", "amount"), v("T5", "total", "basic"));
  }

  // 表7.
  if (byId.get("T7")) {
    for (const s of ["budget", "actual"]) {
      const a = (c: string) => v("T7", "total", `${s}_${c}`);
      eq("T7.total=abroad+vehicle+reception", "T7", "total", `${s}_total`, a("total"), a("abroad") + a("vehicle") + a("reception"));
      eq("T7.vehicle=purchase+operation", "T7", "total", `${s}_vehicle`, a("vehicle"), a("vehicle_purchase") + a("vehicle_operation"));
    }
  }

  // 情况说明.
  const refSum = (refs: readonly CellRef[]) => refs.reduce((x, r) => x + v(r.table, r.row, r.col), 0);
  const operand = (o: Operand) => ("refs" in o ? refSum(o.refs) : fromWan(o.value));
  for (const c of claims) {
    if (c.kind === "amount") eq("narrative.amount", "narrative", c.id, null, fromWan(c.stated), refSum(c.refs));
    if (c.kind === "change") eq("narrative.amount", "narrative", c.id, null, fromWan(c.stated), refSum(c.refs) - fromWan(c.prior));
    const pct = (stated: number, num: Yuan, den: Yuan, d: number) => {
      if (den <= 0) return;
      const exact = pctScaled(num, den, d) / 10 ** d;
      if (exact !== stated) out.push({ rule: "narrative.pct", table: "narrative", row: c.id, col: null, expected: exact, actual: stated });
    };
    if (c.kind === "pct") pct(c.stated, operand(c.num), operand(c.den), c.decimals);
    if (c.kind === "change_pct") pct(c.stated, Math.abs(refSum(c.refs) - fromWan(c.prior)), fromWan(c.prior), c.decimals);
  }
  return out;
}
