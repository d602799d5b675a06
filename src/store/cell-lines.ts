// Every stored cell with its report and table, in export order: the long
// format behind the CSV export, streamed rather than rebuilt report by report.
import type Database from "better-sqlite3";
import { z } from "zod";

export const CellLine = z.object({
  file: z.string(),
  sha256: z.string(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  table_id: z.string(),
  table_title: z.string().nullable(),
  row_key: z.string(),
  row_name: z.string().nullable(),
  col_key: z.string(),
  value: z.number().nullable(),
  page: z.number().int().nullable(),
  /** Read by OCR: how sure (0–1); null when read from the text layer. */
  confidence: z.number().nullable(),
});
export type CellLine = z.infer<typeof CellLine>;

export type IterateCellLines = () => IterableIterator<CellLine>;

export function prepareCellLines(db: Database.Database): IterateCellLines {
  const select = db.prepare<[], unknown>(`SELECT r.file, r.sha256, r.unit, r.year, t.table_id, t.title AS table_title,
      w.key AS row_key, w.name AS row_name, c.col_key, c.value, c.page, c.confidence
    FROM reports r
    JOIN tables t ON t.report_id = r.id
    JOIN rows w ON w.table_ref = t.id
    JOIN cells c ON c.row_ref = w.id
    ORDER BY r.file, t.ord, c.ord`);
  return function* iterateCellLines() {
    for (const record of select.iterate()) yield CellLine.parse(record);
  };
}
