// Findings on figures read by OCR say so, with how sure OCR was of them: a
// reader (and `check`) can then tell a misread from a publication error.
import type { Finding, Table } from "../../schemas/canonical.js";

/**
 * Marks every finding that compares a figure read from an OCR'd page: `ocr`
 * holds the lowest confidence of the OCR'd figures involved (null when none
 * carries one: a blank cell, narrative text), and the message says it.
 */
export function markOcrFindings(findings: readonly Finding[], tables: readonly Table[], ocrPages: ReadonlySet<number>): Finding[] {
  if (ocrPages.size === 0) return [...findings];
  const byTable = new Map(tables.map((t) => [t.id, t]));
  const read = (table: string | null, row: string | null, col: string | null): { ocr: boolean; confidence: number | null } => {
    const t = table === null ? undefined : byTable.get(table);
    if (!t) return { ocr: false, confidence: null };
    const cell = t.cells.find((c) => c.row === row && c.col === col);
    if (cell?.confidence !== undefined) return { ocr: true, confidence: cell.confidence };
    // A blank or missing cell of a table on an OCR'd page: OCR may have missed its figure.
    const pages = cell?.page !== undefined ? [cell.page] : t.pages;
    return { ocr: pages.some((p) => ocrPages.has(p)), confidence: null };
  };
  return findings.map((f) => {
    const involved = [read(f.table, f.row, f.col), ...(f.refs ?? []).map((r) => read(r.table, r.row, r.col))];
    const narrative = f.table === "narrative" && f.page !== undefined && f.page !== null && ocrPages.has(f.page);
    // A standard table not found in a report read partly by OCR: its title may be what OCR could not read.
    const unfound = f.rule === "table.missing" && f.table !== null && !byTable.has(f.table);
    if (!narrative && !unfound && !involved.some((i) => i.ocr)) return f;
    if (unfound) return { ...f, message: `${f.message}（报告有页面经OCR识别，可能是未能识读此表）`, ocr: { confidence: null } };
    const known = involved.flatMap((i) => (i.ocr && i.confidence !== null ? [i.confidence] : []));
    const confidence = narrative || known.length === 0 ? null : Math.min(...known);
    const note = confidence === null ? "（所涉数字经OCR识别，可能是识读错误）" : `（所涉数字经OCR识别，最低置信度 ${confidence.toFixed(2)}，可能是识读错误）`;
    return { ...f, message: f.message + note, ocr: { confidence } };
  });
}
