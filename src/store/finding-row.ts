// One finding as a row of `findings`: the report's own (save.ts) and the
// cross-year ones the store works out (years.ts) are written alike.
import type Database from "better-sqlite3";
import type { Finding } from "../../schemas/canonical.js";

export type InsertFinding = (reportId: number | bigint, ord: number, f: Finding, priorReportId?: number) => void;

export function prepareInsertFinding(db: Database.Database): InsertFinding {
  const insert = db.prepare(`INSERT INTO findings
    (report_id, ord, rule, severity, table_id, row_key, col_key, page, expected, actual, within_rounding, message, refs, identity, section, quote, detail,
      ocr, ocr_confidence, prior_report_id)
    VALUES (@report_id, @ord, @rule, @severity, @table_id, @row_key, @col_key, @page, @expected, @actual, @within_rounding, @message, @refs,
      @identity, @section, @quote, @detail, @ocr, @ocr_confidence, @prior_report_id)`);
  return (reportId, ord, f, priorReportId) =>
    insert.run({
      report_id: reportId,
      ord,
      rule: f.rule,
      severity: f.severity,
      table_id: f.table,
      row_key: f.row,
      col_key: f.col,
      page: f.page ?? null,
      expected: f.expected,
      actual: f.actual,
      within_rounding: Number(f.within_rounding),
      message: f.message,
      refs: f.refs === undefined ? null : JSON.stringify(f.refs),
      identity: f.identity ?? null,
      section: f.section ?? null,
      quote: f.quote ?? null,
      detail: f.detail ?? null,
      ocr: f.ocr === undefined ? null : 1,
      ocr_confidence: f.ocr?.confidence ?? null,
      prior_report_id: priorReportId ?? null,
    });
}
