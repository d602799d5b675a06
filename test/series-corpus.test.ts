// The series corpus (src/corpus/series/), checked on the truths it writes:
// each unit's reports chain from year to year exactly where no break is
// injected (年初 = last year's 年末 in 表1, 表4 and 表8; a year-on-year
// statement's prior = last year's printed figure), each cross-year fault
// breaks exactly the links its truth lists, and every report is otherwise
// clean. The chain is recomputed here from the printed cells and the
// statements' words, independently of the generator's own check.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReport } from "../src/corpus/synth/check.js";
import type { Claim } from "../src/corpus/synth/claims.js";
import type { SourceTable } from "../src/corpus/source/schema.js";
import { writeSeriesCorpus } from "../src/corpus/series/write.js";

interface Cell {
  row: string;
  col: string;
  value: number | null;
}
interface Table {
  id: string;
  rows: { key: string; name: string | null }[];
  cells: Cell[];
}
interface YearFault {
  fault: "year-carry" | "year-change";
  prior_year: number;
  table: string;
  row: string;
  col: string | null;
  expected: number;
  actual: number;
  quote?: string;
}
interface Truth {
  file: string;
  unit: string;
  year: number;
  printed_unit: "万元" | "元";
  tables: Table[];
  findings: unknown[];
  faults: unknown[];
  claims: Claim[];
  series: {
    unit_key: string;
    printed_name: string;
    full_name: string;
    region: { province: string | null; city: string | null; district: string | null };
    cover_name: string;
    ambiguous: boolean;
  };
  year_faults: YearFault[];
}

let root = "";
let written: string[] = [];
const truths: Truth[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "series-corpus-"));
  written = (await writeSeriesCorpus({ root, outDir: "corpus/series", seed: 1 })).written;
  for (const file of written) truths.push(JSON.parse(await readFile(path.join(root, file.replace(/\.pdf$/, ".truth.json")), "utf8")) as Truth);
  truths.sort((a, b) => a.series.unit_key.localeCompare(b.series.unit_key) || a.year - b.year);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const yuan = (v: number | null | undefined): number => (v == null ? 0 : Math.round(v * 10000));
const cell = (t: Truth, table: string, row: string, col: string): number => yuan(t.tables.find((x) => x.id === table)?.cells.find((c) => c.row === row && c.col === col)?.value);
const rowsOf = (t: Truth, table: string): string[] => t.tables.find((x) => x.id === table)?.rows.map((r) => r.key) ?? [];

const byUnit = (): Map<string, Truth[]> => {
  const m = new Map<string, Truth[]>();
  for (const t of truths) m.set(t.series.unit_key, [...(m.get(t.series.unit_key) ?? []), t]);
  return m;
};

/** A year-on-year statement as printed: signed Δ and p, read off its words. */
function readChange(quote: string): { delta: number; unit: string; pct: string } {
  const m = /(增加|减少)([\d,]+(?:\.\d+)?)(万元|元)，(增长|下降)([\d.]+)%/.exec(quote);
  if (!m) throw new Error(`not a year-on-year statement: ${quote}`);
  const amount = Number((m[2] ?? "").replace(/,/g, ""));
  const y = m[3] === "元" ? amount : Math.round(amount * 10000);
  return { delta: m[1] === "减少" ? -y : y, unit: m[3] ?? "", pct: m[5] ?? "" };
}

const STATEMENTS: Record<string, { table: string; row: string; col: string; key: string }> = {
  "s1.change": { table: "T1", row: "income_grand_total", col: "amount", key: "T1:income_grand_total" },
  "s4.change": { table: "T4", row: "income_grand_total", col: "amount", key: "T4:income_grand_total" },
  "s5.change": { table: "T5", row: "total", col: "total", key: "T5:total" },
};

interface Link {
  key: string;
  expected: number;
  actual: number;
}

/** Every link of the chain from `prior` to `cur`, whether it holds or not (元). */
function links(prior: Truth, cur: Truth): Link[] {
  const out: Link[] = [];
  const add = (table: string, row: string, col: string, actual: number, expected: number) => out.push({ key: `${table}|${row}|${col}`, expected, actual });
  add("T1", "carry_begin", "amount", cell(cur, "T1", "carry_begin", "amount"), cell(prior, "T1", "carry_end", "amount"));
  add("T4", "carry_begin", "amount", cell(cur, "T4", "carry_begin", "amount"), cell(prior, "T4", "carry_end", "total"));
  for (const f of ["general", "gov_fund", "state_capital"]) add("T4", `carry_begin_${f}`, "amount", cell(cur, "T4", `carry_begin_${f}`, "amount"), cell(prior, "T4", "carry_end", f));
  const priorT8 = new Set(rowsOf(prior, "T8"));
  for (const r of rowsOf(cur, "T8")) if (priorT8.has(r)) add("T8", r, "carry_begin", cell(cur, "T8", r, "carry_begin"), cell(prior, "T8", r, "carry_end"));
  for (const c of cur.claims) {
    const s = STATEMENTS[c.id];
    if (c.kind !== "change" || !s) continue;
    const { delta } = readChange(c.quote);
    out.push({ key: `narrative|${s.key}|`, expected: cell(prior, s.table, s.row, s.col), actual: cell(cur, s.table, s.row, s.col) - delta });
  }
  return out;
}

/** Within the stated precision: a 万元 narrative states Δ to 0.01 万元 (100 元). */
const holds = (l: Link, cur: Truth): boolean => (l.key.startsWith("narrative") && cur.printed_unit === "万元" ? Math.abs(l.actual - l.expected) < 50 : l.actual === l.expected);

describe("series corpus", () => {
  it("writes every unit's years under the names and units the plan prints", () => {
    expect(written).toHaveLength(18);
    const years = Object.fromEntries([...byUnit()].map(([k, ts]) => [k, ts.map((t) => t.year)]));
    expect(years).toEqual({ U1: [2020, 2021, 2022, 2023, 2024], U2: [2021, 2022, 2023], U3: [2021, 2022, 2023, 2024], U4: [2023, 2024], U5: [2019, 2020, 2021, 2022] });
    for (const t of truths) {
      expect(t.unit).toBe(t.series.printed_name);
      expect(t.series.full_name.endsWith(t.series.printed_name)).toBe(true);
      const r = t.series.region;
      for (const part of [r.province, r.city, r.district]) if (part !== null) expect(t.series.printed_name).toContain(part);
      expect(r.district).not.toBeNull();
      expect(r.city === null).toBe(t.series.printed_name !== t.series.full_name);
      expect(t.series.ambiguous).toBe(t.series.unit_key === "U3" && t.year === 2021);
    }
    const short = truths.filter((t) => t.series.printed_name !== t.series.full_name).map((t) => `${t.series.unit_key} ${t.year} ${t.series.printed_name}`);
    expect(short).toEqual(["U1 2021 洪山区财政局", "U1 2023 洪山区财政局", "U3 2021 普陀区生态环境局", "U4 2024 普陀区生态环境局", "U5 2020 洪山区社会管理网格化服务中心"]);
    // Only where the cover prints the full name (U4 2024) does it differ from the printed one.
    expect(truths.filter((t) => t.series.cover_name !== t.series.printed_name).map((t) => `${t.series.unit_key} ${t.year} ${t.series.cover_name}`)).toEqual(["U4 2024 舟山市普陀区生态环境局"]);
    // Same core names, other districts or cities: never one unit.
    const full = (k: string) => truths.find((t) => t.series.unit_key === k)?.series.full_name;
    expect(new Set(["U1", "U2", "U3", "U4", "U5"].map(full)).size).toBe(5);
    // 元 at least once, and never back to 万元 within a unit (a carried 年末 prints exactly).
    expect(truths.some((t) => t.printed_unit === "元")).toBe(true);
    for (const ts of byUnit().values()) for (let i = 1; i < ts.length; i++) expect(ts[i - 1]?.printed_unit === "元" && ts[i]?.printed_unit === "万元").toBe(false);
  });

  it("keeps every report clean within its year, and carries money across years", () => {
    for (const t of truths) {
      expect(t.faults).toEqual([]);
      expect(t.findings).toEqual([]);
      expect(checkReport(t.tables as unknown as SourceTable[], t.claims)).toEqual([]);
      expect(cell(t, "T1", "carry_begin", "amount")).toBeGreaterThan(0);
      expect(cell(t, "T1", "carry_end", "amount")).toBeGreaterThan(0);
      expect(cell(t, "T4", "carry_end", "total")).toBeGreaterThan(0);
      for (const tb of t.tables) for (const c of tb.cells) expect(c.value ?? 0).toBeGreaterThanOrEqual(0);
    }
    // U5 carries non-fiscal money too: 表1's carry-over is more than 表4's.
    for (const t of truths.filter((x) => x.series.unit_key === "U5")) expect(cell(t, "T1", "carry_end", "amount")).toBeGreaterThan(cell(t, "T4", "carry_end", "total"));
  });

  it("chains exactly from year to year where no break is injected, and breaks exactly where a fault says", () => {
    let checked = 0;
    for (const ts of byUnit().values()) {
      expect(ts[0]?.year_faults).toEqual([]);
      for (let i = 1; i < ts.length; i++) {
        const prior = ts[i - 1] as Truth;
        const cur = ts[i] as Truth;
        const broken = links(prior, cur).filter((l) => !holds(l, cur));
        const said = cur.year_faults.map((f) => ({ key: `${f.table}|${f.row}|${f.col ?? ""}`, expected: Math.round(f.expected * 10000), actual: Math.round(f.actual * 10000) }));
        expect(broken.sort((a, b) => a.key.localeCompare(b.key)), `${cur.file}`).toEqual(said.sort((a, b) => a.key.localeCompare(b.key)));
        for (const f of cur.year_faults) {
          expect(f.prior_year).toBe(prior.year);
          expect(Math.abs(f.actual - f.expected)).toBeGreaterThanOrEqual(1);
          if (f.fault === "year-carry") expect(f.table).not.toBe("narrative");
          else {
            expect(f.table).toBe("narrative");
            expect(typeof f.quote).toBe("string");
          }
        }
        checked++;
      }
    }
    expect(checked).toBe(truths.length - new Set(truths.map((t) => t.series.unit_key)).size); // every pair of consecutive years
  });

  it("ends a 项 with nothing carried out, and starts a new one with nothing carried in", () => {
    let ended = 0;
    let begun = 0;
    for (const ts of byUnit().values()) {
      for (let i = 1; i < ts.length; i++) {
        const prior = ts[i - 1] as Truth;
        const cur = ts[i] as Truth;
        const now = new Set(rowsOf(cur, "T8"));
        const before = new Set(rowsOf(prior, "T8"));
        for (const r of [...before].filter((k) => !now.has(k))) {
          expect(cell(prior, "T8", r, "carry_end"), `${prior.file} ${r}`).toBe(0);
          ended++;
        }
        for (const r of [...now].filter((k) => !before.has(k))) {
          expect(cell(cur, "T8", r, "carry_begin"), `${cur.file} ${r}`).toBe(0);
          begun++;
        }
      }
    }
    expect(ended).toBeGreaterThan(0);
    expect(begun).toBeGreaterThan(0);
  });

  it("states every year-on-year change with a rate that follows from its own Δ", () => {
    for (const t of truths) {
      for (const c of t.claims) {
        const s = STATEMENTS[c.id];
        if (c.kind !== "change" || !s) continue;
        const { delta, pct } = readChange(c.quote);
        const prior = cell(t, s.table, s.row, s.col) - delta;
        const d = pct.includes(".") ? (pct.split(".")[1] ?? "").length : 0;
        const scaled = Math.floor((200 * Math.abs(delta) * 10 ** d + prior) / (2 * prior));
        expect(pct, `${t.file} ${c.id}`).toBe(scaled / 10 ** d === 100 ? "100" : (scaled / 10 ** d).toFixed(d));
      }
    }
  });

  it("injects 2–3 breaks of each kind, never in a first year, never two in one report, and leaves two units whole", () => {
    const faulted = truths.filter((t) => t.year_faults.length > 0);
    const kinds = (t: Truth) => new Set(t.year_faults.map((f) => f.fault));
    for (const t of faulted) expect(kinds(t).size).toBe(1);
    const carry = faulted.filter((t) => kinds(t).has("year-carry")).length;
    const change = faulted.filter((t) => kinds(t).has("year-change")).length;
    expect(carry).toBeGreaterThanOrEqual(2);
    expect(carry).toBeLessThanOrEqual(3);
    expect(change).toBeGreaterThanOrEqual(2);
    expect(change).toBeLessThanOrEqual(3);
    for (const t of faulted.filter((x) => kinds(x).has("year-change"))) expect(t.year_faults).toHaveLength(1);
    const whole = [...byUnit().values()].filter((ts) => ts.length > 1 && ts.every((t) => t.year_faults.length === 0));
    expect(whole.length).toBeGreaterThanOrEqual(2);
    // The three statements each broken somewhere, and a break in 表8 (a gov-fund 项).
    expect(new Set(faulted.flatMap((t) => t.year_faults.filter((f) => f.table === "narrative").map((f) => f.row))).size).toBe(3);
    expect(faulted.some((t) => t.year_faults.some((f) => f.table === "T8"))).toBe(true);
  });
});
