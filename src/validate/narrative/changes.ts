// The narrative's year-on-year statements as data: the cells each change is
// of and the change as stated. Last year's report is not in this file, so the
// statement is kept with the report and checked when both years are stored.
import type { Table, YearChange } from "../../../schemas/canonical.js";
import { figureOf } from "./cells.js";
import type { Claim } from "./types.js";

export function yearChanges(claims: readonly Claim[], tables: readonly Table[]): YearChange[] {
  const out: YearChange[] = [];
  for (const c of claims) {
    if (c.kind !== "change" || c.unit === "%") continue;
    // The cells read in this report: the primary ones, or those equal to them by identity.
    const refs = figureOf(tables, c.refs) ? c.refs : figureOf(tables, c.fallback) ? c.fallback : null;
    if (!refs || refs.length === 0) continue;
    out.push({
      id: c.id,
      refs: refs.map((r) => ({ table: r.table, row: r.row, col: r.col })),
      delta: c.stated,
      text: c.text,
      unit: c.unit,
      decimals: c.decimals,
      page: c.page,
      section: c.heading,
      quote: c.quote,
    });
  }
  return out;
}
