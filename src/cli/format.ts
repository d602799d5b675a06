// What ingest prints: one line per file, then a summary.
import type { IngestResult } from "../pipeline/ingest.js";
import type { Totals } from "../pipeline/totals.js";

/** ["T1","T2","T3","T5","X1"] -> "T1-T3,T5,X1"; [] -> "none". */
export function formatTableIds(ids: readonly string[]): string {
  const numbers = (prefix: string) =>
    ids
      .filter((id) => id.startsWith(prefix))
      .map((id) => Number(id.slice(1)))
      .sort((a, b) => a - b);
  const parts: string[] = [];
  for (const prefix of ["T", "X"]) {
    const ns = numbers(prefix);
    for (let i = 0; i < ns.length; ) {
      let j = i;
      while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
      parts.push(j > i ? `${prefix}${ns[i]}-${prefix}${ns[j]}` : `${prefix}${ns[i]}`);
      i = j + 1;
    }
  }
  return parts.length > 0 ? parts.join(",") : "none";
}

export function formatResult(r: IngestResult): string {
  const fields = [r.status.padEnd(10), r.file, r.unit ?? "-", r.year ?? "-", formatTableIds(r.tableIds)];
  if (r.reason !== null) fields.push(r.reason);
  return fields.join("  ");
}

export function formatSummary(t: Totals, seconds: number, db: string): string {
  const rate = seconds > 0 ? t.pages / seconds : 0;
  return (
    `${t.reports} files: ${t.ok} ok, ${t.failed} failed, ${t.duplicates} duplicates, ${t.skipped} skipped; ` +
    `${t.tables} tables, ${t.cells} cells; ${t.pages} pages in ${seconds.toFixed(1)} s (${rate.toFixed(1)} pages/s)` +
    `${t.ocrPages > 0 ? `, ${t.ocrPages} read by OCR` : ""} -> ${db}`
  );
}
