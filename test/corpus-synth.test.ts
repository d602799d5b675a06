// The planned synthetic corpus, checked on its sources (no rendering): clean
// reports satisfy every identity exactly, each injected fault breaks exactly
// the identities its truth lists, and the plan covers what the issue asks.
// The identities are recomputed from the tables, in integer 元,
// independently of the builder's own roll-up and check code (support/identities.ts).
import { describe, expect, it } from "vitest";
import { buildSource, planCorpus, PLANNED_VALUES, type BuiltSource, type PlanEntry } from "../src/corpus/plan.js";
import { violations } from "./support/identities.js";

const plan = planCorpus(1);
const finals = plan.filter((e) => e.kind === "final");
const built = new Map<string, BuiltSource>(plan.map((e) => [e.id, buildSource(e)]));
const clean = (e: PlanEntry): BuiltSource => buildSource({ ...e, faults: [] });

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

  it("shows every value of every Variant field it varies in ≥ 3 final reports, within the template/year rules", () => {
    for (const [field, values] of Object.entries(PLANNED_VALUES) as [string, readonly unknown[]][]) {
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

    // Pairs the variant rules forbid: the Shanghai template fixes T6, T7 and numbering and
    // has nine tables; a portrait page is never rotated.
    const impossible = (a: string, va: unknown, b: string, vb: unknown): boolean => {
      const has = (f: string, v: unknown) => (a === f && va === v) || (b === f && vb === v);
      const fields = new Set([a, b]);
      if (has("template", "shanghai") && (fields.has("t6_groups") || fields.has("t7") || fields.has("numbering") || fields.has("table_set")))
        return !(has("t6_groups", 2) || has("t7", "interleaved") || has("numbering", "none") || has("table_set", "nine"));
      return has("orientation", "portrait") && has("rotated", true);
    };
    const fields = Object.entries(PLANNED_VALUES) as [string, readonly unknown[]][];
    const missing: string[] = [];
    for (let i = 0; i < fields.length; i++)
      for (let j = i + 1; j < fields.length; j++) {
        const [a, sa] = fields[i]!;
        const [b, sb] = fields[j]!;
        for (const va of sa)
          for (const vb of sb) {
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
