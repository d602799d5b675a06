// The identities of identities.md recomputed from a report source's tables,
// in integer 元, independently of the builder's own roll-up and check code:
// every identity instance that fails, keyed rule|table|row|col. Knows the
// university template's own lines (财政拨款收入 in one line, 事业收入's two parts).
import type { BuiltSource } from "../../src/corpus/plan.js";
import type { SourceTable } from "../../src/corpus/source/schema.js";

type Claim = BuiltSource["extras"]["claims"][number];
export interface Violation {
  key: string;
  diff: number;
}

export const yuan = (v: number | null | undefined): number => (v == null ? 0 : Math.round(v * 10000));

/** Every identity instance that fails, keyed rule|table|row|col, with |difference| in 元 (or pct points). */
export function violations(tables: readonly SourceTable[], claims: readonly Claim[]): Violation[] {
  const cell = new Map<string, number>();
  const rows = new Map<string, string[]>();
  for (const t of tables) {
    rows.set(t.id, t.rows.map((r) => r.key));
    for (const c of t.cells) cell.set(`${t.id}/${c.row}/${c.col}`, yuan(c.value));
  }
  const g = (t: string, r: string, c: string) => cell.get(`${t}/${r}/${c}`) ?? 0;
  const out: Violation[] = [];
  const same = (rule: string, t: string, r: string | null, c: string | null, lhs: number, rhs: number) => {
    if (lhs !== rhs) out.push({ key: `${rule}|${t}|${r ?? ""}|${c ?? ""}`, diff: Math.abs(lhs - rhs) });
  };
  const total = (t: string, keys: string[], c: string) => keys.reduce((s, k) => s + g(t, k, c), 0);
  const colsOf = (t: string) => [...new Set(tables.find((x) => x.id === t)?.cells.map((c) => c.col))];

  for (const t of ["T2", "T3", "T5", "T8", "T9"]) {
    const keys = rows.get(t);
    if (!keys) continue;
    const cols = colsOf(t);
    const flows = cols.includes("carry_end");
    for (const k of keys) {
      // 事业收入's parts (university) are in its column already.
      const others = cols.filter((c) => c !== "total" && !["carry_begin", "income", "carry_end", "education_business", "research_business"].includes(c));
      const rule = t === "T2" ? "T2.total=sum_sources" : t === "T3" ? "T3.total=sum_kinds" : `${t}.total=basic+project`;
      same(rule, t, k, "total", g(t, k, "total"), total(t, [k], others[0] ?? "") + others.slice(1).reduce((s, c) => s + g(t, k, c), 0));
      if (flows) same(`${t}.carry_end=carry_begin+income-total`, t, k, "carry_end", g(t, k, "carry_end"), g(t, k, "carry_begin") + g(t, k, "income") - g(t, k, "total"));
    }
    for (const c of cols) {
      const lei = keys.filter((k) => k.length === 3);
      if (lei.length) same(`${t}.hierarchy.total`, t, "total", c, g(t, "total", c), total(t, lei, c));
      for (const parent of keys.filter((k) => k.length === 3 || k.length === 5)) {
        const kids = keys.filter((k) => k.length === parent.length + 2 && k.slice(0, parent.length) === parent);
        if (kids.length) same(`${t}.hierarchy.${parent.length === 3 ? "lei" : "kuan"}`, t, parent, c, g(t, parent, c), total(t, kids, c));
      }
    }
  }

  const t1 = (r: string) => g("T1", r, "amount");
  const classes1 = (rows.get("T1") ?? []).filter((k) => /^\d{3}$/.test(k));
  // The university prints 财政拨款收入 in one line ("fiscal") and 事业收入's two parts under it.
  same("T1.income_total=sum", "T1", "income_total", "amount", t1("income_total"), total("T1", ["fiscal", "fiscal_general", "fiscal_gov_fund", "fiscal_state_capital", "upper_subsidy", "business", "operating", "affiliate", "other"], "amount"));
  if (rows.get("T1")?.includes("education_business")) same("T1.business=parts", "T1", "business", "amount", t1("business"), t1("education_business") + t1("research_business"));
  same("T1.income_grand_total=sum", "T1", "income_grand_total", "amount", t1("income_grand_total"), t1("income_total") + t1("use_nonfiscal_surplus") + t1("carry_begin"));
  same("T1.expense_total=sum", "T1", "expense_total", "amount", t1("expense_total"), total("T1", classes1, "amount"));
  same("T1.expense_grand_total=sum", "T1", "expense_grand_total", "amount", t1("expense_grand_total"), t1("expense_total") + t1("surplus_distribution") + t1("carry_end"));
  same("T1.balance", "T1", "income_grand_total", "amount", t1("income_grand_total"), t1("expense_grand_total"));
  same("X.T1.income_total=T2.total", "T1", "income_total", "amount", t1("income_total"), g("T2", "total", "total"));
  same("X.T1.fiscal=T2.fiscal", "T1", "fiscal_general", "amount", t1("fiscal") + t1("fiscal_general") + t1("fiscal_gov_fund") + t1("fiscal_state_capital"), g("T2", "total", "fiscal"));
  for (const s of ["upper_subsidy", "business", "operating", "affiliate", "other"]) same("X.T1.nonfiscal=T2", "T1", s, "amount", t1(s), g("T2", "total", s));
  if (colsOf("T2").includes("education_business")) {
    for (const s of ["education_business", "research_business"]) same("X.T1.nonfiscal=T2", "T1", s, "amount", t1(s), g("T2", "total", s));
    for (const k of rows.get("T2") ?? []) same("T2.business=parts", "T2", k, "business", g("T2", k, "business"), g("T2", k, "education_business") + g("T2", k, "research_business"));
  }
  same("X.T1.expense_total=T3.total", "T1", "expense_total", "amount", t1("expense_total"), g("T3", "total", "total"));
  for (const c of classes1) same("X.T1.class=T3.class", "T1", c, "amount", t1(c), g("T3", c, "total"));
  for (const f of ["general", "gov_fund", "state_capital"]) same("X.T1.fiscal_income=T4", "T1", `fiscal_${f}`, "amount", t1(`fiscal_${f}`), g("T4", f, "amount"));

  // A template without 表4 or 表6 (the university's four tables) has none of their identities.
  if (rows.has("T4")) {
    const t4 = (r: string, c = "amount") => g("T4", r, c);
    const classes4 = (rows.get("T4") ?? []).filter((k) => /^\d{3}$/.test(k));
    const funds = ["general", "gov_fund", "state_capital"];
    same("T4.income_total=sum", "T4", "income_total", "amount", t4("income_total"), funds.reduce((s, f) => s + t4(f), 0));
    same("T4.carry_begin=sum", "T4", "carry_begin", "amount", t4("carry_begin"), funds.reduce((s, f) => s + t4(`carry_begin_${f}`), 0));
    same("T4.income_grand_total=sum", "T4", "income_grand_total", "amount", t4("income_grand_total"), t4("income_total") + t4("carry_begin"));
    for (const c of ["total", ...funds]) {
      same("T4.expense_total=sum", "T4", "expense_total", c, t4("expense_total", c), total("T4", classes4, c));
      same("T4.expense_grand_total=sum", "T4", "expense_grand_total", c, t4("expense_grand_total", c), t4("expense_total", c) + t4("carry_end", c));
    }
    for (const r of [...classes4, "expense_total", "carry_end", "expense_grand_total"]) same("T4.total=general+gov_fund+state_capital", "T4", r, "total", t4(r, "total"), funds.reduce((s, f) => s + t4(r, f), 0));
    same("T4.balance", "T4", "income_grand_total", "amount", t4("income_grand_total"), t4("expense_grand_total", "total"));
    for (const f of funds) same("T4.fund_balance", "T4", "expense_grand_total", f, t4("expense_grand_total", f), t4(f) + t4(`carry_begin_${f}`));
    same("X.T4.general=T5", "T4", "expense_total", "general", t4("expense_total", "general"), g("T5", "total", "total"));
    for (const c of classes4) same("X.T4.general=T5", "T4", c, "general", t4(c, "general"), g("T5", c, "total"));
    for (const [fund, t] of [["gov_fund", "T8"], ["state_capital", "T9"]] as const) {
      if (!rows.has(t)) continue;
      const rule = `X.T4.${fund}=${t}`;
      same(rule, "T4", "expense_total", fund, t4("expense_total", fund), g(t, "total", "total"));
      for (const c of classes4) same(rule, "T4", c, fund, t4(c, fund), g(t, c, "total"));
      if (colsOf(t).includes("carry_end")) {
        same(rule, "T4", fund, "amount", t4(fund), g(t, "total", "income"));
        same(rule, "T4", `carry_begin_${fund}`, "amount", t4(`carry_begin_${fund}`), g(t, "total", "carry_begin"));
        same(rule, "T4", "carry_end", fund, t4("carry_end", fund), g(t, "total", "carry_end"));
      }
    }
  }

  if (rows.has("T6")) {
    const t6keys = rows.get("T6") ?? [];
    for (const cls of t6keys.filter((k) => k.length === 3)) same(`T6.${cls}=sum`, "T6", cls, "amount", g("T6", cls, "amount"), total("T6", t6keys.filter((k) => k.length === 5 && k.startsWith(cls)), "amount"));
    const people = g("T6", "301", "amount") + g("T6", "303", "amount");
    const pub = t6keys.filter((k) => k.length === 3 && k !== "301" && k !== "303").reduce((s, k) => s + g("T6", k, "amount"), 0);
    same("T6.personnel_total=301+303", "T6", "personnel_total", "amount", g("T6", "personnel_total", "amount"), people);
    same("T6.public_total=302+310", "T6", "public_total", "amount", g("T6", "public_total", "amount"), pub);
    same("X.T6.personnel_total+public_total=T5.basic", "T6", "public_total", "amount", g("T6", "personnel_total", "amount") + g("T6", "public_total", "amount"), g("T5", "total", "basic"));
  }

  for (const s of ["budget", "actual"]) {
    const a = (c: string) => g("T7", "total", `${s}_${c}`);
    same("T7.total=abroad+vehicle+reception", "T7", "total", `${s}_total`, a("total"), a("abroad") + a("vehicle") + a("reception"));
    same("T7.vehicle=purchase+operation", "T7", "total", `${s}_vehicle`, a("vehicle"), a("vehicle_purchase") + a("vehicle_operation"));
  }

  // Narrative: amounts exact in 元; percentages half-up at the printed decimals, from exact table figures.
  const refs = (list: readonly { table: string; row: string; col: string }[]) => list.reduce((s, r) => s + g(r.table, r.row, r.col), 0);
  const halfUp = (num: number, den: number, d: number) => Math.floor((200 * num * 10 ** d + den) / (2 * den)) / 10 ** d;
  for (const c of claims) {
    const at = (rule: string, ok: boolean, diff: number) => {
      if (!ok) out.push({ key: `${rule}|narrative|${c.id}|`, diff });
    };
    if (c.kind === "amount") at("narrative.amount", yuan(c.stated) === refs(c.refs), Math.abs(yuan(c.stated) - refs(c.refs)));
    if (c.kind === "change") at("narrative.amount", yuan(c.stated) === refs(c.refs) - yuan(c.prior), Math.abs(yuan(c.stated) - refs(c.refs) + yuan(c.prior)));
    const operand = (o: { refs: { table: string; row: string; col: string }[] } | { value: number }) => ("refs" in o ? refs(o.refs) : yuan(o.value));
    if (c.kind === "pct") {
      const exact = halfUp(operand(c.num), operand(c.den), c.decimals);
      at("narrative.pct", exact === c.stated, Math.abs((100 * operand(c.num)) / operand(c.den) - c.stated));
    }
    if (c.kind === "change_pct") {
      const d = Math.abs(refs(c.refs) - yuan(c.prior));
      const exact = halfUp(d, yuan(c.prior), c.decimals);
      at("narrative.pct", exact === c.stated, Math.abs((100 * d) / yuan(c.prior) - c.stated));
    }
  }
  return out;
}

