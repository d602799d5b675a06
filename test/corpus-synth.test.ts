// The planned synthetic corpus, checked on its sources (no rendering): clean
// reports satisfy every identity exactly, each injected fault breaks exactly
// the identities its truth lists, and the plan covers what the issue asks.
// The identities are recomputed here from the tables, in integer 元,
// independently of the builder's own roll-up and check code.
import { describe, expect, it } from "vitest";
import { buildSource, planCorpus, type BuiltSource, type PlanEntry } from "../src/corpus/plan.js";
import type { SourceTable } from "../src/corpus/source/schema.js";
import { Variant } from "../src/corpus/variant.js";

const plan = planCorpus(1);
const finals = plan.filter((e) => e.kind === "final");
const built = new Map<string, BuiltSource>(plan.map((e) => [e.id, buildSource(e)]));
const clean = (e: PlanEntry): BuiltSource => buildSource({ ...e, faults: [] });

type Claim = BuiltSource["extras"]["claims"][number];
interface Violation {
  key: string;
  diff: number;
}

const yuan = (v: number | null | undefined): number => (v == null ? 0 : Math.round(v * 10000));

/** Every identity instance that fails, keyed rule|table|row|col, with |difference| in 元 (or pct points). */
function violations(tables: readonly SourceTable[], claims: readonly Claim[]): Violation[] {
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
      const others = cols.filter((c) => c !== "total" && !["carry_begin", "income", "carry_end"].includes(c));
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
  same("T1.income_total=sum", "T1", "income_total", "amount", t1("income_total"), total("T1", ["fiscal_general", "fiscal_gov_fund", "fiscal_state_capital", "upper_subsidy", "business", "operating", "affiliate", "other"], "amount"));
  same("T1.income_grand_total=sum", "T1", "income_grand_total", "amount", t1("income_grand_total"), t1("income_total") + t1("use_nonfiscal_surplus") + t1("carry_begin"));
  same("T1.expense_total=sum", "T1", "expense_total", "amount", t1("expense_total"), total("T1", classes1, "amount"));
  same("T1.expense_grand_total=sum", "T1", "expense_grand_total", "amount", t1("expense_grand_total"), t1("expense_total") + t1("surplus_distribution") + t1("carry_end"));
  same("T1.balance", "T1", "income_grand_total", "amount", t1("income_grand_total"), t1("expense_grand_total"));
  same("X.T1.income_total=T2.total", "T1", "income_total", "amount", t1("income_total"), g("T2", "total", "total"));
  same("X.T1.fiscal=T2.fiscal", "T1", "fiscal_general", "amount", t1("fiscal_general") + t1("fiscal_gov_fund") + t1("fiscal_state_capital"), g("T2", "total", "fiscal"));
  for (const s of ["upper_subsidy", "business", "operating", "affiliate", "other"]) same("X.T1.nonfiscal=T2", "T1", s, "amount", t1(s), g("T2", "total", s));
  same("X.T1.expense_total=T3.total", "T1", "expense_total", "amount", t1("expense_total"), g("T3", "total", "total"));
  for (const c of classes1) same("X.T1.class=T3.class", "T1", c, "amount", t1(c), g("T3", c, "total"));
  for (const f of ["general", "gov_fund", "state_capital"]) same("X.T1.fiscal_income=T4", "T1", `fiscal_${f}`, "amount", t1(`fiscal_${f}`), g("T4", f, "amount"));

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

  const t6keys = rows.get("T6") ?? [];
  for (const cls of t6keys.filter((k) => k.length === 3)) same(`T6.${cls}=sum`, "T6", cls, "amount", g("T6", cls, "amount"), total("T6", t6keys.filter((k) => k.length === 5 && k.startsWith(cls)), "amount"));
  const people = g("T6", "301", "amount") + g("T6", "303", "amount");
  const pub = t6keys.filter((k) => k.length === 3 && k !== "301" && k !== "303").reduce((s, k) => s + g("T6", k, "amount"), 0);
  same("T6.personnel_total=301+303", "T6", "personnel_total", "amount", g("T6", "personnel_total", "amount"), people);
  same("T6.public_total=302+310", "T6", "public_total", "amount", g("T6", "public_total", "amount"), pub);
  same("X.T6.personnel_total+public_total=T5.basic", "T6", "public_total", "amount", g("T6", "personnel_total", "amount") + g("T6", "public_total", "amount"), g("T5", "total", "basic"));

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

const recordKey = (f: { rule: string; table: string; row: string | null; col: string | null }) => `${f.rule}|${f.table}|${f.row ?? ""}|${f.col ?? ""}`;

describe("synthetic corpus plan", () => {
  it("has ≥ 60 final reports of ≥ 12 units in several provinces, FY2017–2024, a budget report and a blank template", () => {
    expect(finals.length).toBeGreaterThanOrEqual(60);
    expect(new Set(finals.map((e) => e.unit)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(finals.map((e) => built.get(e.id)?.source.unit.slice(0, 2))).size).toBeGreaterThanOrEqual(6);
    for (let y = 2017; y <= 2024; y++) expect(finals.some((e) => e.year === y), `FY${y}`).toBe(true);
    expect(plan.filter((e) => e.kind === "budget").length).toBeGreaterThanOrEqual(1);
    expect(plan.filter((e) => e.kind === "template").length).toBeGreaterThanOrEqual(1);
    for (const e of plan.filter((x) => x.kind !== "final")) {
      const b = built.get(e.id);
      expect(b?.source.kind).toBe(e.kind);
      expect(b?.extras.expected_kind).toBe(e.kind);
    }
    const budget = built.get(plan.find((e) => e.kind === "budget")?.id ?? "");
    expect(budget?.source.tables.every((t) => t.title.includes("预算"))).toBe(true);
    const template = built.get(plan.find((e) => e.kind === "template")?.id ?? "");
    expect(template?.source.unit).toBe("上海市XX局");
    expect(template?.source.tables.every((t) => t.cells.every((c) => c.value === null))).toBe(true);
  });

  it("shows every value of every Variant field in ≥ 3 final reports, within the template/year rules", () => {
    for (const [field, schema] of Object.entries(Variant.shape)) {
      const values: unknown[] = "options" in schema ? [...(schema.options as unknown[])].map((o) => (typeof o === "object" && o && "value" in o ? (o as { value: unknown }).value : o)) : [true, false];
      for (const value of values) {
        const n = finals.filter((e) => (e.variant as Record<string, unknown>)[field] === value).length;
        expect(n, `${field} = ${String(value)}`).toBeGreaterThanOrEqual(3);
      }
    }
    for (const e of finals) {
      if (e.variant.template === "shanghai") expect(e.year).toBeGreaterThanOrEqual(2023);
      if (e.variant.table_set === "eight") expect(e.year).toBeLessThanOrEqual(2018);
      if (e.variant.rotated) expect(e.variant.orientation).toBe("landscape");
    }
    const office = finals.filter((e) => e.variant.producer === "libreoffice").length / finals.length;
    expect(office).toBeGreaterThan(0.25);
    expect(office).toBeLessThan(0.42);
  });

  it("varies the fields independently: every pair of values two fields can take together is in some final report", () => {
    const valuesOf = (schema: unknown): unknown[] =>
      typeof schema === "object" && schema !== null && "options" in schema
        ? [...((schema as { options: unknown[] }).options)].map((o) => (typeof o === "object" && o && "value" in o ? (o as { value: unknown }).value : o))
        : [true, false];
    // Pairs the variant rules forbid: the Shanghai template fixes T6, T7 and numbering and
    // has nine tables; a portrait page is never rotated.
    const impossible = (a: string, va: unknown, b: string, vb: unknown): boolean => {
      const has = (f: string, v: unknown) => (a === f && va === v) || (b === f && vb === v);
      const fields = new Set([a, b]);
      if (has("template", "shanghai") && (fields.has("t6_groups") || fields.has("t7") || fields.has("numbering") || fields.has("table_set")))
        return !(has("t6_groups", 2) || has("t7", "interleaved") || has("numbering", "none") || has("table_set", "nine"));
      return has("orientation", "portrait") && has("rotated", true);
    };
    const fields = Object.entries(Variant.shape);
    const missing: string[] = [];
    for (let i = 0; i < fields.length; i++)
      for (let j = i + 1; j < fields.length; j++) {
        const [a, sa] = fields[i]!;
        const [b, sb] = fields[j]!;
        for (const va of valuesOf(sa))
          for (const vb of valuesOf(sb)) {
            if (impossible(a, va, b, vb)) continue;
            const v = (e: PlanEntry) => e.variant as Record<string, unknown>;
            if (!finals.some((e) => v(e)[a] === va && v(e)[b] === vb)) missing.push(`${a}=${String(va)} & ${b}=${String(vb)}`);
          }
      }
    expect(missing).toEqual([]);
  });

  it("injects errors into ≥ 25% of reports, has seam-only reports and reports that declare an empty table", () => {
    const withErrors = finals.filter((e) => built.get(e.id)?.extras.faults.some((f) => f.kind === "error"));
    expect(withErrors.length / finals.length).toBeGreaterThanOrEqual(0.25);
    const seamOnly = finals.filter((e) => {
      const f = built.get(e.id)?.extras.faults ?? [];
      return f.length > 0 && f.every((x) => x.kind === "rounding");
    });
    expect(seamOnly.length).toBeGreaterThanOrEqual(3);
    const empty = finals.filter((e) => built.get(e.id)?.source.tables.some((t) => t.empty && t.empty_statement));
    expect(empty.length).toBeGreaterThanOrEqual(3);
    for (const name of ["xiang-off", "class-off", "t1-total", "t6-subtotal", "t7-subtotal", "narrative-amount", "narrative-pct"]) {
      expect(finals.some((e) => e.faults.includes(name as never)), name).toBe(true);
    }
  });

  it("uses the class lines and names of each report's year and template", () => {
    for (const e of finals) {
      const t1 = built.get(e.id)?.source.tables.find((t) => t.id === "T1");
      const classes = (t1?.rows ?? []).filter((r) => /^\d{3}$/.test(r.key));
      const keys = classes.map((r) => r.key);
      const expected = e.variant.template === "shanghai" ? 24 : e.year <= 2018 ? 24 : e.year === 2019 ? 25 : 26;
      expect(classes.length, e.id).toBe(expected);
      expect(keys.includes("224"), e.id).toBe(e.year >= 2019);
      expect(keys.includes("234"), e.id).toBe(e.year >= 2020);
      const health = classes.find((r) => r.key === "210")?.name ?? "";
      expect(health, e.id).toContain(e.year <= 2017 ? "医疗卫生与计划生育支出" : "卫生健康支出");
      if (e.variant.table_set === "eight") expect(built.get(e.id)?.source.tables.some((t) => t.id === "T9")).toBe(false);
    }
    // Non-fiscal income makes 表2/表3 differ from 表5; some units spend 政府性基金 and 国有资本经营 money.
    const sources = finals.map((e) => built.get(e.id)?.source);
    const cellOf = (s: (typeof sources)[number], t: string, r: string, c: string) => s?.tables.find((x) => x.id === t)?.cells.find((x) => x.row === r && x.col === c)?.value ?? 0;
    expect(sources.filter((s) => (cellOf(s, "T2", "total", "business") ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
    expect(sources.filter((s) => s?.tables.find((t) => t.id === "T8" && !t.empty)).length).toBeGreaterThanOrEqual(3);
    expect(sources.filter((s) => s?.tables.find((t) => t.id === "T9" && !t.empty)).length).toBeGreaterThanOrEqual(1);
    expect(sources.filter((s) => (cellOf(s, "T7", "total", "actual_total") ?? 0) > 0).length).toBeGreaterThanOrEqual(20);
  });
});

describe("synthetic corpus identities", () => {
  it("holds every identity exactly on every clean report", () => {
    for (const e of finals) {
      const b = clean(e);
      expect(violations(b.source.tables, b.extras.claims), e.id).toEqual([]);
      expect(b.extras.claims.length).toBeGreaterThan(15);
    }
  });

  it("breaks exactly the identities each fault's truth records list, seams by 0.01 only", () => {
    for (const e of finals.filter((x) => x.faults.length > 0)) {
      const b = built.get(e.id);
      if (!b) throw new Error(e.id);
      const found = violations(b.source.tables, b.extras.claims);
      expect(found.map((v) => v.key).sort(), e.id).toEqual(b.extras.faults.map(recordKey).sort());
      for (const name of e.faults) {
        const own = b.extras.faults.filter((f) => f.fault === name);
        expect(own.length, `${e.id} ${name}`).toBeGreaterThan(0);
        const primary: Record<string, string> = {
          "xiang-off": "T3.hierarchy.kuan", "class-off": "T2.hierarchy.lei", "t1-total": "X.T1.expense_total=T3.total",
          "t6-subtotal": "T6.301=sum", "t7-subtotal": "T7.vehicle=purchase+operation", "narrative-amount": "narrative.amount",
          "narrative-pct": "narrative.pct", "seam-t6-t5": "X.T6.personnel_total+public_total=T5.basic", "seam-t6-class": "T6.302=sum",
          "seam-pct-double": "narrative.pct",
        };
        expect(own.map((f) => f.rule), `${e.id} ${name}`).toContain(primary[name]);
      }
      for (const f of b.extras.faults) {
        const v = found.find((x) => x.key === recordKey(f));
        if (f.kind === "rounding") expect(v?.diff ?? 0, `${e.id} ${recordKey(f)}`).toBeLessThanOrEqual(f.rule === "narrative.pct" ? 0.1 : 100);
        else expect(v?.diff ?? 0, `${e.id} ${recordKey(f)}`).toBeGreaterThan(f.rule === "narrative.pct" ? 0.1 : 100);
      }
      // The truth's findings restate the fault records.
      expect(b.source.findings.length).toBe(b.extras.faults.length);
    }
  });
});

describe("synthetic corpus determinism", () => {
  it("gives the same plan and sources for the same seed, different ones for another", () => {
    expect(planCorpus(1)).toEqual(plan);
    for (const e of plan.slice(0, 10)) expect(JSON.stringify(buildSource(e))).toBe(JSON.stringify(built.get(e.id)));
    const other = planCorpus(2);
    expect(JSON.stringify(other.map((e) => e.variant))).not.toBe(JSON.stringify(plan.map((e) => e.variant)));
  });
});
