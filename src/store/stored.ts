// What is already stored for some content (by sha256): lets a batch skip a
// file it has read before without reading it again.
import type Database from "better-sqlite3";
import { z } from "zod";

export const StoredReport = z.object({
  file: z.string(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  status: z.enum(["ok", "failed"]),
  ingested_at: z.string(),
  /** Its tables' ids, in report order. */
  table_ids: z.array(z.string()),
  cells: z.number().int(),
});
export type StoredReport = z.infer<typeof StoredReport>;

export type FindStored = (sha256: string) => StoredReport | null;

export function prepareFindStored(db: Database.Database): FindStored {
  const report = db.prepare<[string], unknown>(`SELECT r.file, r.unit, r.year, r.status, r.ingested_at,
      (SELECT json_group_array(table_id) FROM (SELECT table_id FROM tables WHERE report_id = r.id ORDER BY ord)) AS table_ids,
      (SELECT count(*) FROM cells c JOIN rows w ON w.id = c.row_ref JOIN tables t ON t.id = w.table_ref WHERE t.report_id = r.id) AS cells
    FROM reports r WHERE r.sha256 = ?`);
  return (sha256) => {
    const row = report.get(sha256) as { table_ids: string } | undefined;
    return row === undefined ? null : StoredReport.parse({ ...row, table_ids: JSON.parse(row.table_ids) as unknown });
  };
}
