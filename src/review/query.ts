// Reads what the review page shows: the reports that have findings, each
// finding, and the stored cells it points at (its own cell and its refs),
// checked with zod since the file may be older, newer or hand-edited.
import type Database from "better-sqlite3";
import { z } from "zod";
import { BBox, Column, Ref } from "../../schemas/canonical.js";
import { readJsonColumn } from "../store/json-column.js";
import { firstIssue } from "../store/zod-issue.js";

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A stored cell, with the names of its row and column for the reader. */
export interface ReviewCell {
  readonly table: string;
  readonly row: string;
  readonly col: string;
  readonly rowName: string | null;
  readonly colName: string | null;
  readonly text: string | null;
  readonly value: number | null;
  readonly page: number | null;
  readonly bbox: BBox | null;
}

/** What a finding points at: its own cell, or one of its refs (a null row or col means the whole column or row). */
export interface Target {
  readonly role: "own" | "ref";
  /** "T5/201/total"; "*" stands for a null row or col. */
  readonly key: string;
  readonly table: string;
  readonly row: string | null;
  readonly col: string | null;
  /** The stored cells it matches; empty when none is stored. */
  readonly cells: readonly ReviewCell[];
}

export interface ReviewFinding {
  readonly id: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly table: string | null;
  readonly row: string | null;
  readonly col: string | null;
  readonly page: number | null;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly withinRounding: boolean;
  readonly message: string;
  /** Present only when the database has these columns (added with the validator). */
  readonly identity: string | null;
  readonly section: string | null;
  readonly quote: string | null;
  readonly detail: string | null;
  readonly targets: readonly Target[];
}

export interface TableBox {
  readonly table: string;
  readonly page: number;
  readonly box: BBox;
}

export interface ReviewReport {
  readonly id: number;
  readonly file: string;
  /** Of the file as ingested: a file at the same path with other content has other boxes. */
  readonly sha256: string;
  readonly unit: string | null;
  readonly year: number | null;
  readonly findings: readonly ReviewFinding[];
  /** Each table's extent on each of its pages (all its cells' boxes), to find its headings. */
  readonly tableBoxes: readonly TableBox[];
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface ReviewData {
  /** Reports stored, with or without findings. */
  readonly reportCount: number;
  /** Reports with findings, worst first. */
  readonly reports: readonly ReviewReport[];
}

const ReportRecord = z.object({
  id: z.number().int(),
  file: z.string().min(1),
  sha256: z.string(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
});

const FindingRecord = z.object({
  id: z.number().int(),
  report_id: z.number().int(),
  rule: z.string().min(1),
  severity: z.enum(SEVERITIES),
  table_id: z.string().nullable(),
  row_key: z.string().nullable(),
  col_key: z.string().nullable(),
  page: z.number().int().nullable(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  within_rounding: z.union([z.literal(0), z.literal(1)]),
  message: z.string(),
  refs: z.string().nullable(),
  identity: z.string().nullable(),
  section: z.string().nullable(),
  quote: z.string().nullable(),
  detail: z.string().nullable(),
});
type FindingRecord = z.infer<typeof FindingRecord>;

const CellRecord = z.object({
  table_id: z.string(),
  row_key: z.string(),
  row_name: z.string().nullable(),
  col_key: z.string(),
  columns: z.string().nullable(),
  text: z.string().nullable(),
  value: z.number().nullable(),
  page: z.number().int().nullable(),
  bbox: z.string().nullable(),
});

const Refs = z.array(Ref);
const Columns = z.array(Column);

/** Columns of `findings` the validator may add; absent ones read as NULL. */
const OPTIONAL_FINDING_COLUMNS = ["identity", "section", "quote", "detail"] as const;

function checked<T>(schema: z.ZodType<T>, record: unknown, where: string): T {
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw new Error(`Expected ${where} as juesuan writes it, got ${firstIssue(parsed.error)}`);
  return parsed.data;
}

export function readReview(db: Database.Database): ReviewData {
  const present = new Set(
    db
      .prepare("SELECT name FROM pragma_table_info('findings')")
      .all()
      .map((r) => checked(z.object({ name: z.string() }), r, "a column of findings").name),
  );
  const optional = OPTIONAL_FINDING_COLUMNS.map((c) => (present.has(c) ? c : `NULL AS ${c}`)).join(", ");
  const findings = db
    .prepare(`SELECT id, report_id, rule, severity, table_id, row_key, col_key, page, expected, actual, within_rounding,
      message, refs, ${optional} FROM findings ORDER BY report_id, ord`)
    .all()
    .map((r) => checked(FindingRecord, r, "a finding"));
  const reportCount = checked(z.object({ n: z.number() }), db.prepare("SELECT count(*) AS n FROM reports").get(), "a count").n;

  const byReport = new Map<number, FindingRecord[]>();
  for (const f of findings) byReport.set(f.report_id, [...(byReport.get(f.report_id) ?? []), f]);

  const reportStmt = db.prepare("SELECT id, file, sha256, unit, year FROM reports WHERE id = ?");
  const cellStmt = db.prepare(`SELECT t.table_id, w.key AS row_key, w.name AS row_name, c.col_key, t.columns, c.text, c.value,
      c.page, c.bbox
    FROM cells c JOIN rows w ON w.id = c.row_ref JOIN tables t ON t.id = w.table_ref
    WHERE t.report_id = ? ORDER BY t.ord, w.ord, c.ord`);

  const reports = [...byReport].map(([reportId, records]): ReviewReport => {
    const report = checked(ReportRecord, reportStmt.get(reportId), `report ${reportId}`);
    const cells = readCells(cellStmt.all(reportId), report.file);
    const list = records.map((f) => toFinding(f, cells, report.file)).sort((a, b) => rank(a.severity) - rank(b.severity));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of list) counts[f.severity]++;
    return { ...report, findings: list, tableBoxes: tableBoxes(cells), counts };
  });
  reports.sort(
    (a, b) => b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || b.counts.info - a.counts.info || a.file.localeCompare(b.file),
  );
  return { reportCount, reports };
}

function rank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

function readCells(records: unknown[], file: string): ReviewCell[] {
  const columnNames = new Map<string, Map<string, string | null>>();
  return records.map((raw) => {
    const r = checked(CellRecord, raw, `a cell of ${file}`);
    let names = columnNames.get(r.table_id);
    if (names === undefined) {
      const columns = r.columns === null ? [] : readJsonColumn(Columns, r.columns, `tables.columns of ${r.table_id} in ${file}`);
      names = new Map(columns.map((c) => [c.key, c.name]));
      columnNames.set(r.table_id, names);
    }
    const where = `the bbox of ${r.table_id}/${r.row_key}/${r.col_key} in ${file}`;
    return {
      table: r.table_id,
      row: r.row_key,
      col: r.col_key,
      rowName: r.row_name,
      colName: names.get(r.col_key) ?? null,
      text: r.text,
      value: r.value,
      page: r.page,
      bbox: r.bbox === null ? null : readJsonColumn(BBox, r.bbox, where),
    };
  });
}

function tableBoxes(cells: readonly ReviewCell[]): TableBox[] {
  const boxes = new Map<string, TableBox>();
  for (const c of cells) {
    if (c.page === null || c.bbox === null) continue;
    const key = `${c.table}@${c.page}`;
    const b = boxes.get(key)?.box ?? c.bbox;
    boxes.set(key, { table: c.table, page: c.page, box: [Math.min(b[0], c.bbox[0]), Math.min(b[1], c.bbox[1]), Math.max(b[2], c.bbox[2]), Math.max(b[3], c.bbox[3])] });
  }
  return [...boxes.values()];
}

function toFinding(f: FindingRecord, cells: readonly ReviewCell[], file: string): ReviewFinding {
  const refs = f.refs === null ? [] : readJsonColumn(Refs, f.refs, `findings.refs of finding ${f.id} in ${file}`);
  const targets: Target[] = [];
  // Narrative findings name no cell of their own, only the table cells they compare with.
  if (f.table_id !== null && f.table_id !== "narrative" && (f.row_key !== null || f.col_key !== null)) {
    targets.push(target("own", f.table_id, f.row_key, f.col_key, cells));
  }
  for (const ref of refs) {
    const t = target("ref", ref.table, ref.row, ref.col, cells);
    if (!targets.some((u) => u.key === t.key)) targets.push(t);
  }
  return {
    id: f.id,
    rule: f.rule,
    severity: f.severity,
    table: f.table_id,
    row: f.row_key,
    col: f.col_key,
    page: f.page,
    expected: f.expected,
    actual: f.actual,
    withinRounding: f.within_rounding === 1,
    message: f.message,
    identity: f.identity,
    section: f.section,
    quote: f.quote,
    detail: f.detail,
    targets,
  };
}

function target(role: Target["role"], table: string, row: string | null, col: string | null, cells: readonly ReviewCell[]): Target {
  const matches = cells.filter((c) => c.table === table && (row === null || c.row === row) && (col === null || c.col === col));
  return { role, key: `${table}/${row ?? "*"}/${col ?? "*"}`, table, row, col, cells: matches };
}
