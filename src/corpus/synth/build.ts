// A plan entry -> its ReportSource and truth extras. Final accounts are
// built clean, checked, then given their faults; budget reports and blank
// templates are distractors whose truth has no final-accounts tables.
import type { Finding } from "../../../schemas/canonical.js";
import { createRng, type Rng } from "../rng.js";
import { ReportSource, type Block, type SourceTable } from "../source/schema.js";
import type { Variant } from "../variant.js";
import { formatNarrativeAmount, fromWan, roundTo, stepOf, uniform } from "./amount.js";
import type { Claim } from "./claims.js";
import { unitById, type UnitSpec } from "./catalogue/units.js";
import { assembleDocument, dateText } from "./document.js";
import { applyFaults, type FaultName, type FaultRecord } from "./faults.js";
import { buildLedger, type CarryChain, type Ledger } from "./ledger.js";
import { writeNarrative, type NarrativePriors } from "./narrative.js";
import { buildTables } from "./tables/build.js";
import { BUDGET_TITLES } from "./titles.js";

export type ExpectedKind = "final" | "budget" | "template";

export interface PlanEntry {
  readonly id: string;
  readonly unit: string;
  readonly year: number;
  readonly variant: Variant;
  readonly faults: readonly FaultName[];
  readonly kind: ExpectedKind;
  /** Seeds every figure of this report. */
  readonly seed: number;
}

export interface TruthExtras {
  readonly variant: Variant;
  readonly faults: FaultRecord[];
  readonly expected_kind: ExpectedKind;
  readonly extra_titles: string[];
  /** Figures the narrative states, with the cells they restate. */
  readonly claims: Claim[];
}

export interface BuiltSource {
  readonly source: ReportSource;
  readonly extras: TruthExtras;
}

const pad = (n: number) => String(n).padStart(2, "0");

function issuedIn(year: number, rng: Rng): string {
  return `${year + 1}-${pad(7 + Math.floor(rng() * 3))}-${pad(1 + Math.floor(rng() * 28))}`;
}

function caption(name: string, v: Variant): { left: string; right: string } {
  return v.template === "shanghai" ? { left: `编制单位：${name}`, right: `单位：${v.unit}` } : { left: `部门：${name}`, right: `金额单位：${v.unit}` };
}

const PROVENANCE = (notes: string[]) => ({
  built_by: "src/corpus/synth/build.ts",
  inputs: ["shared/spec/catalogue/function_classes_by_year.csv", "shared/spec/catalogue/observed_function_codes.csv", "shared/spec/catalogue/econ_codes_table6.csv", "src/corpus/synth/catalogue/units.ts"],
  notes,
});

function toFinding(r: FaultRecord): Finding & { fault: string; section?: string; quote?: string } {
  return {
    rule: r.rule,
    severity: r.kind === "error" ? "error" : "info",
    table: r.table,
    row: r.row,
    col: r.col,
    expected: r.expected,
    actual: r.actual,
    within_rounding: r.kind === "rounding",
    message: r.description,
    fault: r.fault,
    ...(r.section ? { section: r.section, quote: r.quote } : {}),
  };
}

/** How a final report of a series (src/corpus/series/) departs from a planned one; none given: the planned report. */
export interface FinalHooks {
  /** The unit built and printed (its name is the name printed); default the catalogue's unit `entry.unit`. */
  readonly unit?: UnitSpec;
  /** Carry-over chained from the unit's previous year. */
  readonly carry?: CarryChain;
  /** Last year's figures for the narrative's year-on-year statements. */
  readonly priors?: NarrativePriors;
  /** The name on the cover, fuller than the one printed elsewhere. */
  readonly coverName?: string;
}

function buildFinal(entry: PlanEntry): BuiltSource {
  return buildFinalWith(entry, {}).built;
}

/** A final report with hooks, and the ledger it is a roll-up of (for the next year of a series). */
export function buildFinalWith(entry: PlanEntry, hooks: FinalHooks): { built: BuiltSource; ledger: Ledger } {
  const rng = createRng(entry.seed);
  const unit = hooks.unit ?? unitById(entry.unit);
  const v = entry.variant;
  const ledger = buildLedger(unit, entry.year, stepOf(v.unit), rng, hooks.carry);
  const { tables } = buildTables(ledger, v, unit.name);
  const narrative = writeNarrative({ unit: unit.name, year: entry.year, kind: unit.kind, variant: v, tables, step: ledger.step, ...(hooks.priors ? { priors: hooks.priors } : {}) }, rng);
  const issued = issuedIn(entry.year, rng);
  const pub = fromWan(tables.find((t) => t.id === "T6")?.cells.find((c) => c.row === "public_total")?.value);
  const fmt = (y: number) => formatNarrativeAmount(y, { ...narrative.style, trim: false });
  const goods = roundTo(pub * uniform(rng, 0.2, 0.5), ledger.step);
  const services = roundTo(pub * uniform(rng, 0.2, 0.6), ledger.step);
  const extras = v.extra_tables
    ? [
        { title: `${entry.year}年度机关运行经费支出决算表`, rows: [["机关运行经费支出", fmt(roundTo(pub * 0.7, ledger.step))]] },
        {
          title: `${entry.year}年度政府采购支出情况表`,
          rows: [["政府采购支出总额", fmt(goods + services)], ["其中：货物", fmt(goods)], ["服务", fmt(services)]],
        },
      ]
    : [];
  const doc = assembleDocument({ unit, name: unit.name, ...(hooks.coverName ? { coverName: hooks.coverName } : {}), year: entry.year, issued, variant: v, tables, narrative, extras });
  const source: ReportSource = {
    id: entry.id,
    out_dir: "generated",
    // The schema knows one template; the variant (in the truth) says which content rules were followed.
    template: "national",
    unit: unit.name,
    year: entry.year,
    printed_unit: v.unit,
    kind: "final",
    issued,
    table_caption: caption(unit.name, v),
    provenance: PROVENANCE([
      `Synthesized for unit ${unit.id} (${unit.province}), FY${entry.year}, seed ${entry.seed}: every figure is a roll-up of an integer-元 ledger, so all identities hold before faults.`,
      `Faults applied: ${entry.faults.length ? entry.faults.join(", ") : "none"}.`,
    ]),
    document: doc.blocks,
    tables,
    findings: [],
  };
  const { draft, records } = applyFaults({ source, claims: doc.claims, style: narrative.style }, entry.faults, rng);
  const final = ReportSource.parse({ ...draft.source, findings: records.map(toFinding) });
  return { built: { source: final, extras: { variant: v, faults: records, expected_kind: "final", extra_titles: doc.extraTitles, claims: draft.claims } }, ledger };
}

/** 部门预算: the same unit's figures under budget titles and wording. */
function buildBudget(entry: PlanEntry): BuiltSource {
  const rng = createRng(entry.seed);
  const unit = unitById(entry.unit);
  const v = { ...entry.variant, table_set: "eight" as const };
  const ledger = buildLedger(unit, entry.year, stepOf(v.unit), rng);
  const built = buildTables(ledger, v, unit.name).tables;
  const tables: SourceTable[] = built.map((t) => ({ ...t, title: `${entry.year}年${BUDGET_TITLES[t.id] ?? t.title}`, print: { ...t.print, notes: [] } }));
  const total = fromWan(tables[0]?.cells.find((c) => c.row === "income_grand_total")?.value);
  const fmt = (y: number) => formatNarrativeAmount(y, { unit: v.unit, thousands: false, trim: true, pctDecimals: 1 });
  const title = `${unit.name}${entry.year}年部门预算`;
  const document: Block[] = [
    { type: "cover", title, date: dateText(`${entry.year}-02-${pad(1 + Math.floor(rng() * 20))}`) },
    { type: "part", text: `第一部分 ${unit.name}概况` },
    { type: "heading", text: "一、部门主要职能" },
    ...unit.duties.map((d): Block => ({ type: "paragraph", text: `${d}。` })),
    { type: "part", text: `第二部分 ${entry.year}年部门预算表` },
    { type: "tables", ids: tables.map((t) => t.id) },
    { type: "part", text: `第三部分 ${entry.year}年部门预算情况说明` },
    { type: "heading", text: "一、收支预算总体情况" },
    { type: "paragraph", text: `按照综合预算的原则，${unit.name}所有收入和支出均纳入部门预算管理。${entry.year}年收支预算总计${fmt(total)}${v.unit}。` },
  ];
  const source = ReportSource.parse({
    id: entry.id, out_dir: "generated", template: "national", unit: unit.name, year: entry.year, printed_unit: v.unit, kind: "budget",
    issued: `${entry.year}-02-15`, table_caption: caption(unit.name, v),
    provenance: PROVENANCE(["A 部门预算 document: budget titles, 预算 wording; it must not be read as final accounts."]),
    document, tables, findings: [],
  });
  return { source, extras: { variant: v, faults: [], expected_kind: "budget", extra_titles: tables.map((t) => t.title), claims: [] } };
}

/** The blank final-accounts template (上海市XX局): all nine tables, no figures. */
function buildTemplate(entry: PlanEntry): BuiltSource {
  const rng = createRng(entry.seed);
  const v = entry.variant;
  const name = "上海市XX局";
  const ledger = buildLedger(unitById(entry.unit), entry.year, stepOf(v.unit), rng);
  const tables: SourceTable[] = buildTables(ledger, v, name).tables.map((t) => {
    const coded = !["T1", "T4", "T6", "T7"].includes(t.id);
    const rows = coded ? [{ key: "total", name: "合计" }] : t.rows;
    const keys = new Set(rows.map((r) => r.key));
    const { empty: _e, empty_statement: _s, ...rest } = t;
    return { ...rest, rows, cells: t.cells.filter((c) => keys.has(c.row)).map((c) => ({ ...c, value: null })) };
  });
  const Y = entry.year;
  const document: Block[] = [
    { type: "cover", title: `${name}${Y}年度部门决算`, date: "XXXX 年 XX 月 XX 日" },
    { type: "part", text: `第一部分 ${name}概况` },
    { type: "paragraph", text: "一、主要职能（按“三定”方案填列）" },
    { type: "part", text: `第二部分 ${name}${Y}年度部门决算表` },
    { type: "tables", ids: tables.map((t) => t.id) },
    { type: "part", text: `第三部分 ${name}${Y}年度部门决算情况说明` },
    { type: "heading", text: "一、收入支出决算总体情况说明" },
    { type: "paragraph", text: `${Y}年度收、支总计XX万元。与${Y - 1}年度相比，收、支总计各增加（减少）XX万元，增长（下降）XX%。主要原因是：XXXXXX。` },
  ];
  const source = ReportSource.parse({
    id: entry.id, out_dir: "generated", template: "national", unit: name, year: Y, printed_unit: v.unit, kind: "template",
    issued: `${Y + 1}-09-16`, table_caption: caption(name, v),
    provenance: PROVENANCE(["A blank template (Shanghai 附件2 style): titles and headers without figures; not a report."]),
    document, tables, findings: [],
  });
  return { source, extras: { variant: v, faults: [], expected_kind: "template", extra_titles: [], claims: [] } };
}

export function buildFromEntry(entry: PlanEntry): BuiltSource {
  switch (entry.kind) {
    case "final":
      return buildFinal(entry);
    case "budget":
      return buildBudget(entry);
    case "template":
      return buildTemplate(entry);
  }
}
