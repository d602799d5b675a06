import type { IngestResult } from "./ingest.js";

/** What a batch did, summed over its results. */
export interface Totals {
  readonly reports: number;
  readonly ok: number;
  readonly failed: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly tables: number;
  readonly cells: number;
  readonly pages: number;
  /** Pages read by OCR. */
  readonly ocrPages: number;
}

export const NO_TOTALS: Totals = { reports: 0, ok: 0, failed: 0, duplicates: 0, skipped: 0, tables: 0, cells: 0, pages: 0, ocrPages: 0 };

export function addResult(t: Totals, r: IngestResult): Totals {
  return {
    reports: t.reports + 1,
    ok: t.ok + (r.status === "ok" ? 1 : 0),
    failed: t.failed + (r.status === "failed" || r.status === "unreadable" ? 1 : 0),
    duplicates: t.duplicates + (r.status === "duplicate" ? 1 : 0),
    skipped: t.skipped + (r.status === "skipped" ? 1 : 0),
    tables: t.tables + r.tableIds.length,
    cells: t.cells + r.cells,
    pages: t.pages + r.pages,
    ocrPages: t.ocrPages + r.ocrPages,
  };
}
