// CSV: long format, one row per cell. RFC 4180 (CRLF, quotes doubled) with a
// UTF-8 byte order mark, without which Excel reads the Chinese as mojibake.
import type { CellLine } from "../store/index.js";

export const CSV_COLUMNS = [
  "file",
  "sha256",
  "unit",
  "year",
  "table_id",
  "table_title",
  "row_key",
  "row_name",
  "col_key",
  "value",
  "page",
  "confidence",
] as const satisfies readonly (keyof CellLine)[];

const BOM = "\uFEFF";

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A small table (header first) as one CSV text, with the byte order mark: the units and compare commands. */
export function csvTable(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${BOM}${rows.map((r) => `${r.map(csvField).join(",")}\r\n`).join("")}`;
}

/** The first line: byte order mark and column names. */
export function csvHeader(): string {
  return `${BOM}${CSV_COLUMNS.join(",")}\r\n`;
}

/** One line per cell, header not included. */
export function* csvLines(cells: Iterable<CellLine>): Generator<string> {
  for (const cell of cells) yield `${CSV_COLUMNS.map((c) => csvField(cell[c])).join(",")}\r\n`;
}
