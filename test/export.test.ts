// The export: JSONL lines that satisfy the contract, CSV that parses back.
import fs from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ExportLine } from "../schemas/canonical.js";
import { CSV_COLUMNS } from "../src/export/csv.js";
import { exportStore } from "../src/export/index.js";
import { listPdfFiles } from "../src/pipeline/files.js";
import { ingestFiles } from "../src/pipeline/ingest.js";
import { open } from "../src/store/index.js";
import { parseCsv } from "./support/csv.js";
import { cellCount, sampleReport } from "./support/reports.js";
import { tempDir } from "./support/temp.js";

const samples = [
  sampleReport({ file: "corpus/b.pdf", unit: "乙单位", year: 2022, basic: 80.05 }),
  sampleReport({ file: "corpus/a.pdf", unit: "甲单位", year: 2023, basic: 499.22 }),
];

/** A database with two hand-built reports and one real failed file ingested through the pipeline. */
async function ingestedDb(dir: string): Promise<{ dbPath: string; failedFile: string }> {
  const dbPath = path.join(dir, "db", "j.sqlite");
  const input = path.join(dir, "in");
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, "not-a-pdf.pdf"), "hello\n");
  const store = open(dbPath);
  try {
    for (const report of samples) store.saveReport(report);
    let failedFile = "";
    for await (const r of ingestFiles(await listPdfFiles([input]), store)) failedFile = r.file;
    return { dbPath, failedFile };
  } finally {
    store.close();
  }
}

async function exportTo(dbPath: string, format: "jsonl" | "csv", out: string): Promise<number> {
  const store = open(dbPath, { mustExist: true });
  try {
    return await exportStore(store, format, out);
  } finally {
    store.close();
  }
}

describe("JSONL export", () => {
  it("writes one line per report, each satisfying ExportLine, failed files included", async () => {
    const dir = tempDir();
    const { dbPath, failedFile } = await ingestedDb(dir);
    const out = path.join(dir, "export", "reports.jsonl");
    expect(await exportTo(dbPath, "jsonl", out)).toBe(3);

    const text = fs.readFileSync(out, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.trimEnd().split("\n").map((line) => ExportLine.parse(JSON.parse(line)));
    expect(lines.map((r) => r.file)).toEqual(["corpus/a.pdf", "corpus/b.pdf", failedFile].sort());

    const failed = lines.find((r) => r.file === failedFile);
    expect(failed).toMatchObject({ status: "failed", error: "not a PDF: no %PDF- header", tables: [], findings: [] });
    // The hand-built reports come back exactly, every cell and finding.
    for (const sample of samples) expect(lines.find((r) => r.file === sample.file)).toEqual(sample);
    // The contract's names, on every line.
    for (const line of text.trimEnd().split("\n")) {
      expect(Object.keys(JSON.parse(line) as object)).toEqual(
        expect.arrayContaining(["file", "sha256", "unit", "year", "printed_unit", "status", "tables", "findings"]),
      );
    }
  });

  it("writes to a stream when there is no --out", async () => {
    const { dbPath } = await ingestedDb(tempDir());
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on("data", (c: Buffer) => chunks.push(c));
    const store = open(dbPath, { mustExist: true });
    await exportStore(store, "jsonl", null, sink);
    store.close();
    expect(Buffer.concat(chunks).toString("utf8").trimEnd().split("\n")).toHaveLength(3);
  });

  it("leaves an earlier export intact and no temp file behind when the export fails", async () => {
    const dir = tempDir();
    const { dbPath } = await ingestedDb(dir);
    const out = path.join(dir, "reports.jsonl");
    fs.writeFileSync(out, "previous export\n");
    // Break a stored JSON column of the second report, so the export fails partway through.
    const db = new Database(dbPath);
    db.prepare("UPDATE cells SET bbox = '[1, 2]' WHERE bbox IS NOT NULL AND row_ref IN (SELECT w.id FROM rows w JOIN tables t ON t.id = w.table_ref JOIN reports r ON r.id = t.report_id WHERE r.file = 'corpus/b.pdf')").run();
    db.close();
    await expect(exportTo(dbPath, "jsonl", out)).rejects.toThrow(/Expected cells\.bbox of table T3 of corpus\/b\.pdf to match the canonical model/);
    expect(fs.readFileSync(out, "utf8")).toBe("previous export\n");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("CSV export", () => {
  it("writes one row per cell, RFC 4180 with a UTF-8 BOM, that parses back", async () => {
    const dir = tempDir();
    const { dbPath } = await ingestedDb(dir);
    const out = path.join(dir, "cells.csv");
    const cells = samples.reduce((n, r) => n + cellCount(r), 0);
    expect(await exportTo(dbPath, "csv", out)).toBe(cells);

    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString("utf8").slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(cells);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);

    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const a = samples[1]!;
    const aRows = rows.filter((row) => row[col("file")] === a.file);
    expect(aRows).toHaveLength(cellCount(a));
    // Ordered as the report: tables in order, cells in order.
    expect(aRows.map((row) => `${row[col("table_id")]}:${row[col("row_key")]}:${row[col("col_key")]}`)).toEqual(
      a.tables.flatMap((t) => t.cells.map((c) => `${t.id}:${c.row}:${c.col}`)),
    );
    const find = (table: string, row: string, colKey: string) =>
      aRows.find((r) => r[col("table_id")] === table && r[col("row_key")] === row && r[col("col_key")] === colKey);
    expect(find("T3", "total", "basic")).toEqual([a.file, a.sha256, "甲单位", "2023", "T3", "2023年度支出决算表", "total", "合计", "basic", "499.22", "7", ""]);
    // A printed-empty cell is an empty field; a printed 0 is "0"; no page is an empty field; a text-layer cell has no OCR confidence.
    expect(find("T3", "2010350", "project")?.[col("value")]).toBe("");
    expect(find("T5", "208", "project")?.[col("value")]).toBe("0");
    expect(find("T5", "208", "project")?.[col("page")]).toBe("");
    // Quotes, comma and line break in a name survive the round trip.
    expect(find("T5", "208", "total")?.[col("row_name")]).toBe(a.tables[1]!.rows[1]!.name);
  });
});
