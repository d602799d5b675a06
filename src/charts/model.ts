// The rows of the views -> what the page charts: for each unit its totals and
// its 类 year by year, and for each 类 the units that spend on it. Pure.
//
// A unit is a units.id; a report whose unit is ambiguous or missing (unit_id
// NULL) is grouped with the others of the same printed name, marked
// unmatched. A unit with two reports for one year (a republished report, a
// corrected file) shows the latest report's figures (the highest report id)
// for that year, and the page says which reports were set aside.
import { createHash } from "node:crypto";
import type { ChartData, ClassRow, TotalsRow } from "./query.js";

/** The totals of a unit's year, in 万元; null: not read. */
export interface YearTotals {
  readonly year: number;
  readonly reportId: number;
  readonly file: string;
  readonly income: number | null;
  readonly expenditure: number | null;
  readonly basic: number | null;
  readonly project: number | null;
  readonly sangongBudget: number | null;
  readonly sangongActual: number | null;
}

export type TotalKey = "income" | "expenditure" | "basic" | "project" | "sangongBudget" | "sangongActual";

export interface ReportRef {
  readonly reportId: number;
  readonly file: string;
}

/** A year for which a unit has more than one report: the one shown and the others. */
export interface Superseded {
  readonly year: number;
  readonly shown: ReportRef;
  readonly setAside: readonly ReportRef[];
}

/** A 类 in one year of one unit, in 万元. */
export interface ClassFigure {
  readonly year: number;
  readonly reportId: number;
  readonly total: number | null;
  readonly basic: number | null;
  readonly project: number | null;
}

/** A 类 of a unit over its years. */
export interface UnitClass {
  readonly code: string;
  readonly name: string;
  /** Sum of its totals over the years shown: the order of a unit's classes. */
  readonly sum: number;
  readonly figures: readonly ClassFigure[];
}

export interface UnitCharts {
  /** The section's id: unit-<units.id>, or unmatched-<hash of the name>. */
  readonly anchor: string;
  readonly unitId: number | null;
  readonly name: string;
  /** False for reports without a units row (unit ambiguous or missing), grouped by the name printed. */
  readonly matched: boolean;
  /** 省 市 区 as the units table has them; null when unknown. */
  readonly region: string | null;
  /** The names the reports print, when they differ from `name`. */
  readonly printedNames: readonly string[];
  /** Ascending; one entry of `totals` each. */
  readonly years: readonly number[];
  readonly totals: readonly YearTotals[];
  /** Biggest first. */
  readonly classes: readonly UnitClass[];
  readonly superseded: readonly Superseded[];
  /** Reports without a year: not charted. */
  readonly undated: readonly ReportRef[];
}

/** One unit's spending on a 类. */
export interface ClassUnit {
  readonly anchor: string;
  readonly name: string;
  readonly matched: boolean;
  readonly figures: readonly ClassFigure[];
}

export interface ClassComparison {
  /** class-<code>. */
  readonly anchor: string;
  readonly code: string;
  readonly name: string;
  /** Years in which some unit has the class, ascending. */
  readonly years: readonly number[];
  /** Every unit with the class in some year shown, in page order. */
  readonly units: readonly ClassUnit[];
}

export interface ChartModel {
  /** Reports read (rows of report_totals). */
  readonly reports: number;
  /** Matched units first, then unmatched ones, each by name. */
  readonly units: readonly UnitCharts[];
  /** By code. */
  readonly classes: readonly ClassComparison[];
}

export const UNKNOWN_UNIT = "(unit unknown)";

const collator = new Intl.Collator("zh-Hans-CN");

export function buildModel(data: ChartData): ChartModel {
  const groups = new Map<string, TotalsRow[]>();
  for (const row of data.totals) {
    const key = groupKey(row.unit_id, row.unit);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const classesByReport = new Map<number, ClassRow[]>();
  for (const row of data.classes) classesByReport.set(row.report_id, [...(classesByReport.get(row.report_id) ?? []), row]);

  const units = [...groups.values()].map((rows) => unitCharts(rows, classesByReport));
  units.sort((a, b) => Number(b.matched) - Number(a.matched) || collator.compare(a.name, b.name) || a.anchor.localeCompare(b.anchor));
  return { reports: data.totals.length, units, classes: comparisons(units) };
}

function groupKey(unitId: number | null, unit: string | null): string {
  return unitId !== null ? `id:${unitId}` : `name:${unit ?? ""}`;
}

function unitCharts(rows: readonly TotalsRow[], classesByReport: ReadonlyMap<number, readonly ClassRow[]>): UnitCharts {
  const first = rows[0]!;
  const latest = rows.reduce((a, b) => (b.report_id > a.report_id ? b : a));
  const name = latest.unit ?? UNKNOWN_UNIT;
  const matched = first.unit_id !== null;
  const byYear = new Map<number, TotalsRow[]>();
  const undated: ReportRef[] = [];
  for (const r of rows) {
    if (r.year === null) undated.push(ref(r));
    else byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const superseded: Superseded[] = [];
  const shown = years.map((year) => {
    const candidates = [...byYear.get(year)!].sort((a, b) => b.report_id - a.report_id);
    const [kept, ...rest] = candidates as [TotalsRow, ...TotalsRow[]];
    if (rest.length > 0) superseded.push({ year, shown: ref(kept), setAside: rest.map(ref) });
    return kept;
  });
  const totals = shown.map(
    (r): YearTotals => ({
      year: r.year!,
      reportId: r.report_id,
      file: r.file,
      income: r.income,
      expenditure: r.expenditure,
      basic: r.basic,
      project: r.project,
      sangongBudget: r.sangong_budget,
      sangongActual: r.sangong_actual,
    }),
  );
  const region = matched ? regionOf(latest) : null;
  const printedNames = [...new Set(rows.map((r) => r.printed_name).filter((n): n is string => n !== null && n !== name))].sort(collator.compare);
  return {
    anchor: matched ? `unit-${first.unit_id}` : `unmatched-${createHash("sha256").update(name).digest("hex").slice(0, 8)}`,
    unitId: first.unit_id,
    name,
    matched,
    region,
    printedNames,
    years,
    totals,
    classes: unitClasses(totals, classesByReport),
    superseded,
    undated,
  };
}

function ref(r: TotalsRow): ReportRef {
  return { reportId: r.report_id, file: r.file };
}

function regionOf(r: TotalsRow): string | null {
  const parts = [r.province, r.city, r.district].filter((p): p is string => p !== null && p !== "");
  // 上海市 is province and city: say it once.
  const distinct = parts.filter((p, i) => parts.indexOf(p) === i);
  return distinct.length === 0 ? null : distinct.join(" ");
}

function unitClasses(totals: readonly YearTotals[], classesByReport: ReadonlyMap<number, readonly ClassRow[]>): UnitClass[] {
  const byCode = new Map<string, { name: string | null; figures: ClassFigure[] }>();
  for (const t of totals) {
    for (const c of classesByReport.get(t.reportId) ?? []) {
      const entry = byCode.get(c.code) ?? { name: null, figures: [] };
      // The latest year's name: the view normalizes them, but a code may be missing from function_names.
      if (c.name !== null) entry.name = c.name;
      entry.figures.push({ year: t.year, reportId: t.reportId, total: c.total, basic: c.basic, project: c.project });
      byCode.set(c.code, entry);
    }
  }
  return [...byCode]
    .map(([code, e]) => ({ code, name: e.name ?? `类 ${code}`, sum: e.figures.reduce((s, f) => s + (f.total ?? 0), 0), figures: e.figures }))
    .sort((a, b) => b.sum - a.sum || a.code.localeCompare(b.code));
}

function comparisons(units: readonly UnitCharts[]): ClassComparison[] {
  const byCode = new Map<string, { name: string; latest: number; units: ClassUnit[] }>();
  for (const u of units) {
    for (const c of u.classes) {
      const entry = byCode.get(c.code) ?? { name: c.name, latest: -Infinity, units: [] };
      const year = Math.max(...c.figures.map((f) => f.year));
      if (year >= entry.latest) Object.assign(entry, { name: c.name, latest: year });
      entry.units.push({ anchor: u.anchor, name: u.name, matched: u.matched, figures: c.figures });
      byCode.set(c.code, entry);
    }
  }
  return [...byCode]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, e]) => ({
      anchor: `class-${code}`,
      code,
      name: e.name,
      years: [...new Set(e.units.flatMap((u) => u.figures.map((f) => f.year)))].sort((a, b) => a - b),
      units: e.units,
    }));
}
