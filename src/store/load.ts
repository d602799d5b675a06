// Rebuilding canonical Reports from the database: the inverse of save.ts.
// Optional fields stored as NULL come back absent.
import type Database from "better-sqlite3";
import { z } from "zod";
import { BBox, Column, Ref, Report, type Cell, type Finding, type Row, type Table } from "../../schemas/canonical.js";
import { readJsonColumn } from "./json-column.js";
import { prepareReadYearChanges } from "./year-changes.js";
import { firstIssue } from "./zod-issue.js";

interface ReportRecord {
  readonly id: number;
  readonly file: string;
  readonly sha256: string;
  readonly unit: string | null;
  readonly unit_full: string | null;
  readonly year: number | null;
  readonly printed_unit: string | null;
  readonly kind: string | null;
  readonly status: string;
  readonly error: string | null;
  readonly page_count: number | null;
  readonly producer: string | null;
}

interface TableRecord {
  readonly id: number;
  readonly table_id: string;
  readonly kind: string;
  readonly title: string | null;
  readonly pages: string;
  readonly printed_unit: string | null;
  readonly empty: number | null;
  readonly empty_statement: string | null;
  readonly columns: string | null;
}

interface RowRecord {
  readonly key: string;
  readonly name: string | null;
  readonly level: number | null;
}

interface CellRecord {
  readonly row_key: string;
  readonly col_key: string;
  readonly value: number | null;
  readonly text: string | null;
  readonly page: number | null;
  readonly bbox: string | null;
  readonly confidence: number | null;
}

interface FindingRecord {
  readonly rule: string;
  readonly severity: string;
  readonly table_id: string | null;
  readonly row_key: string | null;
  readonly col_key: string | null;
  readonly page: number | null;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly within_rounding: number;
  readonly message: string;
  readonly identity: string | null;
  readonly section: string | null;
  readonly quote: string | null;
  readonly detail: string | null;
  readonly refs: string | null;
  readonly ocr: number | null;
  readonly ocr_confidence: number | null;
}

const Pages = z.array(z.number().int().positive());
const Columns = z.array(Column);
const Refs = z.array(Ref);
const Reasons = z.array(z.string());

/** Adds `key: value` only when the stored value is not NULL. */
function present<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

export type IterateReports = () => IterableIterator<Report>;

export function prepareLoad(db: Database.Database): IterateReports {
  const reports = db.prepare<[], ReportRecord>(`SELECT id, file, sha256, unit, unit_full, year, printed_unit, kind, status, error,
    page_count, producer FROM reports ORDER BY file`);
  const tables = db.prepare<[number], TableRecord>(`SELECT id, table_id, kind, title, pages, printed_unit, empty,
    empty_statement, columns FROM tables WHERE report_id = ? ORDER BY ord`);
  const rows = db.prepare<[number], RowRecord>("SELECT key, name, level FROM rows WHERE table_ref = ? ORDER BY ord");
  const cells = db.prepare<[number], CellRecord>(`SELECT w.key AS row_key, c.col_key, c.value, c.text, c.page, c.bbox, c.confidence
    FROM cells c JOIN rows w ON w.id = c.row_ref WHERE w.table_ref = ? ORDER BY c.ord`);
  const findings = db.prepare<[number], FindingRecord>(`SELECT rule, severity, table_id, row_key, col_key, page,
    expected, actual, within_rounding, message, refs, identity, section, quote, detail, ocr, ocr_confidence FROM findings
    WHERE report_id = ? ORDER BY ord`);

  const changes = prepareReadYearChanges(db);
  const pages = db.prepare<[number], { page: number; route: string; score: number; reasons: string }>(
    "SELECT page, route, score, reasons FROM pages WHERE report_id = ? ORDER BY page",
  );

  function buildTable(t: TableRecord, file: string): Table {
    const where = `table ${t.table_id} of ${file}`;
    return {
      id: t.table_id,
      kind: t.kind as Table["kind"],
      title: t.title,
      pages: readJsonColumn(Pages, t.pages, `tables.pages of ${where}`),
      ...present("printed_unit", t.printed_unit as Table["printed_unit"]),
      ...present("empty", t.empty === null ? null : t.empty === 1),
      ...present("empty_statement", t.empty_statement),
      ...present("columns", t.columns === null ? null : readJsonColumn(Columns, t.columns, `tables.columns of ${where}`)),
      rows: rows.all(t.id).map((r): Row => ({ key: r.key, name: r.name, ...present("level", r.level) })),
      cells: cells.all(t.id).map(
        (c): Cell => ({
          row: c.row_key,
          col: c.col_key,
          value: c.value,
          ...present("text", c.text),
          ...present("page", c.page),
          ...present("bbox", c.bbox === null ? null : readJsonColumn(BBox, c.bbox, `cells.bbox of ${where}`)),
          ...present("confidence", c.confidence),
        }),
      ),
    };
  }

  function buildFinding(f: FindingRecord, file: string): Finding {
    return {
      rule: f.rule,
      severity: f.severity as Finding["severity"],
      table: f.table_id,
      row: f.row_key,
      col: f.col_key,
      ...present("page", f.page),
      expected: f.expected,
      actual: f.actual,
      within_rounding: f.within_rounding === 1,
      message: f.message,
      ...present("refs", f.refs === null ? null : readJsonColumn(Refs, f.refs, `findings.refs of ${file}`)),
      ...present("identity", f.identity),
      ...present("section", f.section),
      ...present("quote", f.quote),
      ...present("detail", f.detail),
      ...present("ocr", f.ocr === 1 ? { confidence: f.ocr_confidence } : null),
    };
  }

  function buildReport(r: ReportRecord): Report {
    const built = {
      file: r.file,
      sha256: r.sha256,
      unit: r.unit,
      ...present("unit_full", r.unit_full),
      year: r.year,
      printed_unit: r.printed_unit,
      status: r.status,
      ...present("error", r.error),
      ...present("kind", r.kind),
      ...present("page_count", r.page_count),
      ...present("producer", r.producer),
      tables: tables.all(r.id).map((t) => buildTable(t, r.file)),
      findings: findings.all(r.id).map((f) => buildFinding(f, r.file)),
    };
    const routes = pages.all(r.id).map((p) => ({ ...p, reasons: readJsonColumn(Reasons, p.reasons, `pages.reasons of ${r.file}`) }));
    if (routes.length > 0) Object.assign(built, { pages: routes });
    const said = changes(r.id, r.file);
    if (said.length > 0) Object.assign(built, { changes: said });
    const parsed = Report.safeParse(built);
    if (!parsed.success) throw new Error(`Expected stored report ${r.file} to match the canonical model, got ${firstIssue(parsed.error)}`);
    return parsed.data;
  }

  return function* iterateReports() {
    // The report list is read whole (it is small) so no statement stays open while each report is built.
    for (const record of reports.all()) yield buildReport(record);
  };
}
