// Developer view of what extraction produces: `node dist/src/debug/report.js FILE [TABLE]`
// prints metadata, then each table as its rows with keyed cells.
import { readFileSync } from "node:fs";
import { extractPdf } from "../extract/index.js";
import { closeOcr } from "../ocr/pool.js";

const [file, only] = process.argv.slice(2);
if (!file) {
  console.error("usage: report FILE [TABLE]");
  process.exit(2);
}
// JUESUAN_OCR=1 reads pages without a usable text layer by OCR, as ingest --ocr does.
const x = await extractPdf(new Uint8Array(readFileSync(file)), { ocr: process.env["JUESUAN_OCR"] === "1" });
console.log(`unit=${x.unit} year=${x.year} printed_unit=${x.printed_unit} kind=${x.kind} pages=${x.page_count} producer=${x.producer}`);
for (const t of x.tables) {
  if (only && t.id !== only) {
    console.log(`${t.id} ${t.title} pages=${t.pages.join(",")} rows=${t.rows.length} cells=${t.cells.length}${t.empty ? " EMPTY" : ""}`);
    continue;
  }
  console.log(`== ${t.id} (${t.kind}) ${t.title} pages=${t.pages.join(",")} unit=${t.printed_unit}${t.empty ? ` EMPTY: ${t.empty_statement}` : ""}`);
  console.log(`   columns: ${(t.columns ?? []).map((c) => `${c.key}=${c.name}`).join(" | ")}`);
  for (const r of t.rows) {
    const cells = t.cells.filter((c) => c.row === r.key).map((c) => `${c.col}=${c.value ?? "·"}`);
    console.log(`   ${r.key.padEnd(24)} ${String(r.name).padEnd(20)} ${cells.join(" ")}`);
  }
}
await closeOcr();
