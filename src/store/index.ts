// The store: one SQLite file (schemas/db.sql) holding canonical reports.
import type Database from "better-sqlite3";
import type { Report } from "../../schemas/canonical.js";
import { prepareCellLines, type CellLine } from "./cell-lines.js";
import { prepareLoad } from "./load.js";
import { openDatabase, type OpenOptions } from "./open.js";
import { prepareSave, type SaveOutcome } from "./save.js";
import { prepareFindStored, type StoredReport } from "./stored.js";

export type { CellLine } from "./cell-lines.js";
export type { OpenOptions } from "./open.js";
export type { SaveOutcome } from "./save.js";
export type { StoredReport } from "./stored.js";
export { SCHEMA_VERSION } from "./schema.js";

export interface Store {
  readonly path: string;
  /**
   * Stores one report in one transaction, idempotent by file: the path's
   * earlier report (same or changed content) is replaced; content already
   * stored under another path is not stored twice. Throws, leaving the
   * database as it was, if the report is invalid or a write fails.
   */
  saveReport(report: Report): SaveOutcome;
  /** The report stored for this content (sha256), under whichever path; null when none is. */
  findStored(sha256: string): StoredReport | null;
  /** Every stored report, ordered by file. */
  loadReports(): Report[];
  /** Like loadReports, one report at a time. */
  iterateReports(): IterableIterator<Report>;
  /** Every stored cell with its report and table, ordered by file, table, cell. */
  iterateCellLines(): IterableIterator<CellLine>;
  close(): void;
}

export function open(dbPath: string, options: OpenOptions = {}): Store {
  const db: Database.Database = openDatabase(dbPath, options);
  const save = prepareSave(db);
  const iterateReports = prepareLoad(db);
  const iterateCellLines = prepareCellLines(db);
  return {
    path: dbPath,
    saveReport: save,
    findStored: prepareFindStored(db),
    loadReports: () => [...iterateReports()],
    iterateReports,
    iterateCellLines,
    close: () => db.close(),
  };
}
