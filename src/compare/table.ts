// A comparison as a table: one row per unit, one column per year (the code's
// total), or with one year, its total, basic and project spending.
import type { Figure } from "./query.js";

export interface CompareTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  /** Units with two reports of one year: the later report (by id) is shown. */
  readonly notes: readonly string[];
  /** The code's name as the latest report prints it (normalized). */
  readonly name: string | null;
}

const regionOf = (f: Figure): string => [f.province, f.city, f.district].filter((x, i, a) => x !== null && a.indexOf(x) === i).join("");

export function compareTable(figures: readonly Figure[], oneYear: boolean): CompareTable {
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  // A report with no unit link (ambiguous) is a unit of its own, never merged.
  const keyOf = (f: Figure): string => (f.unit_id !== null ? `u${f.unit_id}` : `r${f.report_id}`);
  const units = new Map<string, { first: Figure; byYear: Map<number, Figure> }>();
  const notes: string[] = [];
  for (const f of figures) {
    const k = keyOf(f);
    const u = units.get(k) ?? { first: f, byYear: new Map<number, Figure>() };
    const had = u.byYear.get(f.year);
    if (had && had.report_id !== f.report_id) notes.push(`${f.unit ?? "?"} ${f.year}: two reports; the later one is shown`);
    if (!had || had.report_id < f.report_id) u.byYear.set(f.year, f);
    units.set(k, u);
  }
  const name = [...figures].sort((a, b) => b.year - a.year).find((f) => f.name !== null)?.name ?? null;
  const label = (u: { first: Figure }): string => `${u.first.unit ?? "?"}${u.first.unit_id === null ? "（未匹配）" : ""}`;
  // Economic codes (T6) have one amount, no basic/project split.
  const split = figures.some((f) => f.basic !== null || f.project !== null);
  if (oneYear) {
    return {
      header: ["unit", "region", ...(split ? ["total", "basic", "project"] : ["amount"])],
      rows: [...units.values()].map((u) => {
        const f = [...u.byYear.values()][0];
        return [label(u), regionOf(u.first), f?.total ?? null, ...(split ? [f?.basic ?? null, f?.project ?? null] : [])];
      }),
      notes,
      name,
    };
  }
  return {
    header: ["unit", "region", ...years.map(String)],
    rows: [...units.values()].map((u) => [label(u), regionOf(u.first), ...years.map((y) => u.byYear.get(y)?.total ?? null)]),
    notes,
    name,
  };
}

/** Columns wide enough for CJK (two cells a character), figures right-aligned. */
export function formatTable(t: { header: readonly string[]; rows: readonly (readonly (string | number | null)[])[] }): string {
  const text = (v: string | number | null): string => (v === null ? "-" : typeof v === "number" ? v.toFixed(2) : v);
  const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
  const cells = [t.header.map(String), ...t.rows.map((r) => r.map(text))];
  const widths = t.header.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ""))));
  const numeric = t.header.map((_, i) => t.rows.every((r) => r[i] === null || typeof r[i] === "number"));
  return cells
    .map((r) =>
      r
        .map((c, i) => {
          const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)));
          return numeric[i] ? pad + c : c + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
