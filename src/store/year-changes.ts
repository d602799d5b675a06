// Reading a report's year-on-year statements (table year_changes) back into
// the canonical model: for loading a report and for the cross-year checks.
import type Database from "better-sqlite3";
import { z } from "zod";
import { Ref, YearChange } from "../../schemas/canonical.js";
import { readJsonColumn } from "./json-column.js";

const Refs = z.array(Ref);

export type ReadYearChanges = (reportId: number, file: string) => YearChange[];

export function prepareReadYearChanges(db: Database.Database): ReadYearChanges {
  const changes = db.prepare<[number], { claim: string; refs: string; delta: number; text: string; unit: string; decimals: number; page: number; section: string; quote: string }>(
    "SELECT claim, refs, delta, text, unit, decimals, page, section, quote FROM year_changes WHERE report_id = ? ORDER BY ord",
  );
  return (reportId, file) =>
    changes.all(reportId).map(({ claim, refs, ...c }) => YearChange.parse({ id: claim, refs: readJsonColumn(Refs, refs, `year_changes.refs of ${file}`), ...c }));
}
