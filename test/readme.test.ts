// The SQL examples in README.md run against a real database and answer what they say.
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { expect, it } from "vitest";
import type { Report } from "../schemas/canonical.js";
import { ingestFiles } from "../src/pipeline/ingest.js";
import { open } from "../src/store/index.js";
import { failedReport, sampleReport } from "./support/reports.js";
import { readmeSql } from "./support/readme-sql.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const queries = readmeSql("## The SQLite schema");

const reports: Report[] = [
  sampleReport({ file: "corpus/jia-2022.pdf", unit: "甲单位", year: 2022, basic: 450.1, pension: 20.5 }),
  sampleReport({ file: "corpus/jia-2023.pdf", unit: "甲单位", year: 2023, basic: 499.22, pension: 21.75 }),
  sampleReport({ file: "corpus/yi-2023.pdf", unit: "乙单位", year: 2023, basic: 80.05, pension: 3.2 }),
];
const failed = failedReport("corpus/locked.pdf", "encrypted: the PDF needs a password");

function run(sql: string): unknown[] {
  const dbPath = path.join(tempDir(), "j.sqlite");
  const store = open(dbPath);
  for (const r of [...reports, failed]) store.saveReport(r);
  store.close();
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

// SQLite orders text by UTF-8 bytes; for these names that is code point order.
const byUnitYear = [...reports].sort((a, b) => (a.unit! < b.unit! ? -1 : a.unit! > b.unit! ? 1 : a.year! - b.year!));

it("has the four example queries", () => {
  expect(queries).toHaveLength(4);
});

it("基本支出 of every unit by year", () => {
  expect(run(queries[0]!)).toEqual([
    { unit: "乙单位", year: 2023, basic: 80.05 },
    { unit: "甲单位", year: 2022, basic: 450.1 },
    { unit: "甲单位", year: 2023, basic: 499.22 },
  ]);
});

it("one function code of T5 across units", () => {
  const pension = { 乙单位2023: 3.2, 甲单位2022: 20.5, 甲单位2023: 21.75 } as const;
  expect(run(queries[1]!)).toEqual(
    byUnitYear.flatMap((r) => {
      const v = pension[`${r.unit}${r.year}` as keyof typeof pension];
      return [
        { unit: r.unit, year: r.year, row_name: "机关事业单位基本养老保险缴费支出", col_key: "basic", value: v },
        { unit: r.unit, year: r.year, row_name: "机关事业单位基本养老保险缴费支出", col_key: "project", value: 0 },
        { unit: r.unit, year: r.year, row_name: "机关事业单位基本养老保险缴费支出", col_key: "total", value: v },
      ];
    }),
  );
});

it("the reports with errors, most first (findings of the real validator on real PDFs)", async () => {
  const dbPath = path.join(tempDir(), "j.sqlite");
  const store = open(dbPath);
  const pdfs = ["corpus/seed/hongshan-grid-2021.pdf", "corpus/libreoffice/04-sh-putuo-shiquan-2024.pdf"].map((f) => path.join(repo, f));
  for await (const r of ingestFiles(pdfs, store)) expect(r.status).toBe("ok");
  const stored = store.loadReports();
  store.close();
  const expected = stored
    .map((r) => ({ file: r.file, unit: r.unit, year: r.year, errors: r.findings.filter((f) => f.severity === "error").length }))
    .filter((r) => r.errors > 0)
    .sort((a, b) => b.errors - a.errors || (a.file < b.file ? -1 : 1));
  expect(expected.length).toBe(2);
  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.prepare(queries[2]!).all()).toEqual(expected);
  } finally {
    db.close();
  }
}, 60_000);

it("which files failed, and why", () => {
  expect(run(queries[3]!)).toEqual([{ file: "corpus/locked.pdf", error: "encrypted: the PDF needs a password" }]);
});
