// The cross-year findings of one core name's reports, worked out again from
// what is stored: each report read against its unit's report of the year
// before (src/validate/years/). They are stored as the later report's
// findings (rule year.*), with the earlier report in prior_report_id.
import type Database from "better-sqlite3";
import { halfStepInWan } from "../validate/units.js";
import { cellKey, crossYearFindings, type YearCell, type YearReport } from "../validate/years/check.js";
import { prepareInsertFinding } from "./finding-row.js";
import { prepareReadYearChanges } from "./year-changes.js";

/** Tables the checks read (the narrative's changes may name others: they are read too). */
const TABLES = new Set(["T1", "T4", "T5", "T8"]);

/** Works the findings out again for these units' reports, and drops those of reports that left a unit. */
export type RecheckYears = (units: ReadonlySet<number>, moved: ReadonlySet<number>) => void;

export function recheckYears(db: Database.Database): RecheckYears {
  const reportsOf = db.prepare<[number], { id: number; file: string; year: number; unit_id: number }>(
    "SELECT id, file, year, unit_id FROM reports WHERE unit_id = ? AND status = 'ok' AND year IS NOT NULL ORDER BY year, file",
  );
  const dropYearFindings = db.prepare<[number]>("DELETE FROM findings WHERE rule GLOB 'year.*' AND report_id = ?");
  const cellsOf = db.prepare<[number], { table_id: string; printed_unit: string | null; key: string; name: string | null; col_key: string; value: number | null; page: number | null }>(
    `SELECT t.table_id, t.printed_unit, w.key, w.name, c.col_key, c.value, c.page
     FROM tables t JOIN rows w ON w.table_ref = t.id JOIN cells c ON c.row_ref = w.id
     WHERE t.report_id = ? ORDER BY t.ord, w.ord, c.ord`,
  );
  const changesOf = prepareReadYearChanges(db);
  const nextOrd = db.prepare<[number], { n: number }>("SELECT coalesce(max(ord), -1) + 1 AS n FROM findings WHERE report_id = ?");
  const insertFinding = prepareInsertFinding(db);

  function load(r: { id: number; file: string; year: number }): YearReport {
    const changes = changesOf(r.id, r.file);
    const wanted = new Set([...TABLES, ...changes.flatMap((c) => c.refs.map((x) => x.table))]);
    const cells = new Map<string, YearCell>();
    const rows = new Map<string, string[]>();
    for (const c of cellsOf.all(r.id)) {
      if (!wanted.has(c.table_id)) continue;
      cells.set(cellKey(c.table_id, c.key, c.col_key), { value: c.value ?? 0, page: c.page, half: halfStepInWan(c.printed_unit), rowName: c.name });
      const list = rows.get(c.table_id) ?? [];
      if (list.at(-1) !== c.key) list.push(c.key);
      rows.set(c.table_id, list);
    }
    return { id: r.id, file: r.file, year: r.year, cells, rows, changes };
  }

  return (units, moved) => {
    for (const id of moved) dropYearFindings.run(id);
    for (const unit of units) checkUnit(reportsOf.all(unit));
  };

  function checkUnit(reports: { id: number; file: string; year: number; unit_id: number }[]): void {
    for (const r of reports) dropYearFindings.run(r.id);
    const loaded = new Map<number, YearReport>();
    const get = (r: (typeof reports)[number]): YearReport => {
      const known = loaded.get(r.id);
      if (known) return known;
      const y = load(r);
      loaded.set(r.id, y);
      return y;
    };
    for (const cur of reports) {
      for (const prior of reports) {
        if (prior.year !== cur.year - 1) continue;
        let ord = nextOrd.get(cur.id)?.n ?? 0;
        for (const { finding, priorReportId } of crossYearFindings(get(cur), get(prior))) insertFinding(cur.id, ord++, finding, priorReportId);
      }
    }
  }
}
