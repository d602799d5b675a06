// Writing one canonical Report: validated first, then written in one
// transaction, so a report is either all there or not there at all.
import type Database from "better-sqlite3";
import { ExportLine, type Report, type Table } from "../../schemas/canonical.js";
import { firstIssue } from "./zod-issue.js";
import { prepareInsertFinding } from "./finding-row.js";
import { prepareRelink, unitCore } from "./units/link.js";

/** What saving did: `duplicate` = the same content is already stored under another path (sha256 is unique). */
export type SaveOutcome =
  | { readonly action: "inserted" }
  /** Same path, same content: the old rows were replaced by this (re-)extraction. */
  | { readonly action: "refreshed" }
  /** Same path, new content: the old report's rows are gone. */
  | { readonly action: "replaced" }
  | { readonly action: "duplicate"; readonly of: string };

/** What may be stored: an export line, and a failed report carries no tables. */
const StorableReport = ExportLine.superRefine((r, ctx) => {
  if (r.status === "failed" && r.tables.length > 0) {
    ctx.addIssue({ code: "custom", message: `Expected no tables in a failed report, got ${r.tables.length}` });
  }
});

interface Existing {
  readonly id: number;
  readonly file: string;
  readonly sha256: string;
  readonly unit_core: string | null;
}

/** Function codes: 类, 款, 项. */
const FUNCTION_CODE = /^\d{3}(\d{2}){0,2}$/;
const CODED_TABLES = new Set(["T2", "T3", "T5", "T8", "T9"]);

export type SaveReport = (report: Report) => SaveOutcome;

export function prepareSave(db: Database.Database): SaveReport {
  const byFile = db.prepare<[string], Existing>("SELECT id, file, sha256, unit_core FROM reports WHERE file = ?");
  const bySha = db.prepare<[string], Existing>("SELECT id, file, sha256, unit_core FROM reports WHERE sha256 = ?");
  const remove = db.prepare<[number]>("DELETE FROM reports WHERE id = ?");
  const insertReport = db.prepare(`INSERT INTO reports
    (file, sha256, unit, unit_full, year, printed_unit, kind, status, error, page_count, producer, ingested_at, unit_core)
    VALUES (@file, @sha256, @unit, @unit_full, @year, @printed_unit, @kind, @status, @error, @page_count, @producer, @ingested_at, @unit_core)`);
  const insertChange = db.prepare(`INSERT INTO year_changes (report_id, ord, claim, refs, delta, text, unit, decimals, page, section, quote)
    VALUES (@report_id, @ord, @claim, @refs, @delta, @text, @unit, @decimals, @page, @section, @quote)`);
  // The latest year's printed name of a 款 or 项 wins (the same year: the first by text); a class keeps its catalogue name.
  const nameCode = db.prepare<[string, string, number]>(`INSERT INTO function_names (code, name, year) VALUES (?, ?, ?)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, year = excluded.year
    WHERE function_names.year IS NOT NULL
      AND (excluded.year > function_names.year OR (excluded.year = function_names.year AND excluded.name < function_names.name))`);
  const relink = prepareRelink(db);
  const insertTable = db.prepare(`INSERT INTO tables
    (report_id, table_id, ord, kind, title, pages, printed_unit, empty, empty_statement, columns)
    VALUES (@report_id, @table_id, @ord, @kind, @title, @pages, @printed_unit, @empty, @empty_statement, @columns)`);
  const insertRow = db.prepare(`INSERT INTO rows (table_ref, key, name, level, ord)
    VALUES (@table_ref, @key, @name, @level, @ord)`);
  const insertCell = db.prepare(`INSERT INTO cells (row_ref, col_key, ord, value, text, page, bbox, confidence)
    VALUES (@row_ref, @col_key, @ord, @value, @text, @page, @bbox, @confidence)`);
  const insertPage = db.prepare(`INSERT INTO pages (report_id, page, route, score, reasons) VALUES (@report_id, @page, @route, @score, @reasons)`);
  const insertFinding = prepareInsertFinding(db);

  function writeTable(reportId: number | bigint, table: Table, ord: number): void {
    const tableRef = insertTable.run({
      report_id: reportId,
      table_id: table.id,
      ord,
      kind: table.kind,
      title: table.title,
      pages: JSON.stringify(table.pages),
      printed_unit: table.printed_unit ?? null,
      empty: table.empty === undefined ? null : Number(table.empty),
      empty_statement: table.empty_statement ?? null,
      columns: table.columns === undefined ? null : JSON.stringify(table.columns),
    }).lastInsertRowid;
    const rowRefs = new Map<string, number | bigint>();
    table.rows.forEach((row, i) => {
      const id = insertRow.run({ table_ref: tableRef, key: row.key, name: row.name, level: row.level ?? null, ord: i }).lastInsertRowid;
      rowRefs.set(row.key, id);
    });
    table.cells.forEach((cell, i) => {
      const rowRef = rowRefs.get(cell.row);
      if (rowRef === undefined) throw new Error(`Expected cell row ${cell.row} to be a row of ${table.id}, got none`);
      insertCell.run({
        row_ref: rowRef,
        col_key: cell.col,
        ord: i,
        value: cell.value,
        text: cell.text ?? null,
        page: cell.page ?? null,
        bbox: cell.bbox === undefined ? null : JSON.stringify(cell.bbox),
        confidence: cell.confidence ?? null,
      });
    });
  }

  const write = db.transaction((report: Report): SaveOutcome => {
    const samePath = byFile.get(report.file);
    const sameContent = bySha.get(report.sha256);
    if (sameContent && sameContent.file !== report.file) {
      // This path's earlier content (if any) is stale either way.
      if (samePath) {
        remove.run(samePath.id);
        relink([samePath.unit_core]);
      }
      return { action: "duplicate", of: sameContent.file };
    }
    if (samePath) remove.run(samePath.id); // cascades to tables, rows, cells, findings
    // Units are of final accounts read: not of templates (上海市XX局), budgets or unreadable files.
    const core = report.status === "ok" ? unitCore(report.unit) : null;
    const reportId = insertReport.run({
      file: report.file,
      sha256: report.sha256,
      unit: report.unit,
      unit_full: report.unit_full ?? null,
      year: report.year,
      printed_unit: report.printed_unit,
      kind: report.kind ?? null,
      status: report.status,
      error: report.error ?? null,
      page_count: report.page_count ?? null,
      producer: report.producer ?? null,
      ingested_at: new Date().toISOString(),
      unit_core: core,
    }).lastInsertRowid;
    for (const p of report.pages ?? []) insertPage.run({ report_id: reportId, page: p.page, route: p.route, score: p.score, reasons: JSON.stringify(p.reasons) });
    report.tables.forEach((table, i) => writeTable(reportId, table, i));
    // Cross-year findings are the store's own, worked out below from what is stored.
    report.findings.filter((f) => !f.rule.startsWith("year.")).forEach((f, i) => insertFinding(reportId, i, f));
    (report.changes ?? []).forEach((c, i) =>
      insertChange.run({
        report_id: reportId, ord: i, claim: c.id, refs: JSON.stringify(c.refs), delta: c.delta, text: c.text, unit: c.unit,
        decimals: c.decimals, page: c.page, section: c.section, quote: c.quote,
      }),
    );
    if (report.status === "ok" && report.year !== null) {
      for (const t of report.tables) {
        if (!CODED_TABLES.has(t.id)) continue;
        for (const row of t.rows) if (row.name && FUNCTION_CODE.test(row.key)) nameCode.run(row.key, row.name, report.year);
      }
    }
    // Units and cross-year findings of the reports sharing its core name (and of those it left).
    relink([core, samePath?.unit_core ?? null]);
    if (!samePath) return { action: "inserted" };
    return samePath.sha256 === report.sha256 ? { action: "refreshed" } : { action: "replaced" };
  });

  return (report) => {
    const checked = StorableReport.safeParse(report);
    if (!checked.success) throw new Error(`Expected a storable report for ${report.file}, got ${firstIssue(checked.error)}`);
    return write(checked.data);
  };
}
