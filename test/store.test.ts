// The store: one copy per file, a changed file replaces its rows, and a
// report is written whole or not at all.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Report } from "../schemas/canonical.js";
import { listPdfFiles } from "../src/pipeline/files.js";
import { ingestFiles } from "../src/pipeline/ingest.js";
import { open, SCHEMA_VERSION, type Store } from "../src/store/index.js";
import { makePdf } from "./support/pdfs.js";
import { cellCount, failedReport, sampleReport, sha256Of } from "./support/reports.js";
import { tempDir } from "./support/temp.js";

interface Counts {
  reports: number;
  tables: number;
  rows: number;
  cells: number;
  findings: number;
}

/** Row counts, read over a separate connection (as a researcher's shell would). */
function counts(dbPath: string): Counts {
  const db = new Database(dbPath, { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { reports: n("reports"), tables: n("tables"), rows: n("rows"), cells: n("cells"), findings: n("findings") };
  } finally {
    db.close();
  }
}

function countsOf(...reports: Report[]): Counts {
  const tables = reports.flatMap((r) => r.tables);
  return {
    reports: reports.length,
    tables: tables.length,
    rows: tables.reduce((n, t) => n + t.rows.length, 0),
    cells: reports.reduce((n, r) => n + cellCount(r), 0),
    findings: reports.reduce((n, r) => n + r.findings.length, 0),
  };
}

const V4_SCHEMA = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "db-v4.sql"), "utf8");

/** The same database as a file of schema version 4 (no units, year changes nor views) would hold it. */
function downgradeToV4(dbPath: string): void {
  const old = `${dbPath}.v5`;
  fs.renameSync(dbPath, old);
  const db = new Database(dbPath);
  db.exec(V4_SCHEMA);
  db.exec(`ATTACH DATABASE '${old}' AS v5`);
  const columns = (table: string) => (db.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name).join(", ");
  for (const t of ["reports", "tables", "rows", "cells", "pages", "findings"]) db.exec(`INSERT INTO main.${t} SELECT ${columns(t)} FROM v5.${t}`);
  db.exec("DETACH DATABASE v5");
  db.pragma("user_version = 4");
  db.close();
}

function withStore<T>(dbPath: string, use: (store: Store) => T): T {
  const store = open(dbPath);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

const v1 = sampleReport({ file: "corpus/a.pdf", unit: "甲单位", year: 2023, basic: 499.22 });
/** Same path, new content: different figures, and no X1 table. */
const v2: Report = {
  ...sampleReport({ file: "corpus/a.pdf", unit: "甲单位", year: 2023, basic: 612.5, salt: "v2" }),
  tables: sampleReport({ file: "corpus/a.pdf", unit: "甲单位", year: 2023, basic: 612.5 }).tables.slice(0, 2),
};

describe("saveReport", () => {
  it("creates the database, its folder and the schema, and reads a report back as it was saved", () => {
    const dbPath = path.join(tempDir(), "deep", "er", "j.sqlite");
    withStore(dbPath, (store) => {
      expect(store.saveReport(v1)).toEqual({ action: "inserted" });
      expect(store.loadReports()).toEqual([v1]);
    });
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("keeps one copy when the same file is stored twice", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    withStore(dbPath, (store) => {
      expect(store.saveReport(v1).action).toBe("inserted");
      expect(store.saveReport(v1).action).toBe("refreshed");
    });
    withStore(dbPath, (store) => expect(store.saveReport(v1).action).toBe("refreshed"));
    expect(counts(dbPath)).toEqual(countsOf(v1));
  });

  it("replaces the rows of a changed file (same path, new content)", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    withStore(dbPath, (store) => {
      store.saveReport(v1);
      expect(store.saveReport(v2)).toEqual({ action: "replaced" });
      expect(store.loadReports()).toEqual([v2]);
    });
    // No orphans: exactly v2's tables, rows, cells and findings remain.
    expect(counts(dbPath)).toEqual(countsOf(v2));
  });

  it("leaves nothing half-written when a write fails mid-report", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    // Valid for the model, but two cells for one (row, col): the cells'
    // UNIQUE constraint fails after the report, its tables and rows are in.
    const t3 = v2.tables[0]!;
    const broken: Report = { ...v2, tables: [{ ...t3, cells: [...t3.cells, t3.cells[0]!] }, ...v2.tables.slice(1)] };
    const fresh: Report = { ...broken, file: "corpus/new.pdf", sha256: sha256Of("new") };
    withStore(dbPath, (store) => {
      store.saveReport(v1);
      expect(() => store.saveReport(broken)).toThrow(/UNIQUE constraint failed: cells/);
      expect(() => store.saveReport(fresh)).toThrow(/UNIQUE constraint failed: cells/);
      // The old report is still whole, and the new file left no trace.
      expect(store.loadReports()).toEqual([v1]);
    });
    expect(counts(dbPath)).toEqual(countsOf(v1));
  });

  it("stores a failed report with its error and no tables", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    const failed = failedReport("corpus/bad.pdf", "encrypted: the PDF needs a password");
    withStore(dbPath, (store) => {
      expect(() => store.saveReport({ ...failed, tables: v1.tables })).toThrow(/Expected no tables in a failed report, got 3/);
      expect(() => store.saveReport({ ...failed, error: undefined })).toThrow(/Expected an error for a failed report/);
      store.saveReport(failed);
      expect(store.loadReports()).toEqual([failed]);
    });
    expect(counts(dbPath)).toEqual({ reports: 1, tables: 0, rows: 0, cells: 0, findings: 0 });
  });

  it("stores content found under two paths once, under the path stored first", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    withStore(dbPath, (store) => {
      store.saveReport(v1);
      expect(store.saveReport({ ...v1, file: "corpus/copy-of-a.pdf" })).toEqual({ action: "duplicate", of: "corpus/a.pdf" });
      expect(store.loadReports().map((r) => r.file)).toEqual(["corpus/a.pdf"]);
    });
  });

  it("refuses a database written by a newer schema", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    withStore(dbPath, () => undefined);
    const db = new Database(dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => open(dbPath)).toThrow(`Expected a database of schema version ${SCHEMA_VERSION} or older, got ${SCHEMA_VERSION + 1}`);
  });

  it("migrates a version 1 database in place, keeping its reports, and then stores the new finding fields, page routes and OCR confidences", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    withStore(dbPath, (store) => store.saveReport(v1));
    downgradeToV4(dbPath);
    // Version 1 had no identity, section, quote or detail on findings, and no pages table (v3);
    // no OCR confidence on cells nor OCR mark on findings (v4).
    const db = new Database(dbPath);
    for (const c of ["identity", "section", "quote", "detail", "ocr", "ocr_confidence"]) db.exec(`ALTER TABLE findings DROP COLUMN ${c}`);
    db.exec("ALTER TABLE cells DROP COLUMN confidence");
    db.exec("DROP TABLE pages");
    db.pragma("user_version = 1");
    db.close();
    const sample = sampleReport({ file: "corpus/b.pdf", unit: "乙单位", year: 2023, basic: 10, salt: "b" });
    const withFields: Report = {
      ...sample,
      // A figure read by OCR keeps its confidence.
      tables: sample.tables.map((t, i) => (i === 0 ? { ...t, cells: t.cells.map((c, k) => (k === 0 ? { ...c, confidence: 0.62 } : c)) } : t)),
      findings: [
        {
          rule: "narrative.pct", severity: "info", table: "narrative", row: "s4.chg", col: null, page: 3, expected: 6.15, actual: 6.2,
          within_rounding: true, message: "…", identity: "N4", section: "四、财政拨款收入支出决算总体情况说明", quote: "下降6.2%", detail: "74.42 / 1210.60 = 6.147%",
        },
        {
          rule: "T3.1", severity: "error", table: "T3", row: "201", col: "total", page: 2, expected: 1019.95, actual: 1019.05,
          within_rounding: false, message: "…（所涉数字经OCR识别，最低置信度 0.62，可能是识读错误）", identity: "T3.1", ocr: { confidence: 0.62 },
        },
      ],
      pages: [
        { page: 1, route: "text", score: 1, reasons: [] },
        { page: 2, route: "ocr", score: 0, reasons: ["no text layer; an image covers 98% of the page"] },
      ],
    };
    withStore(dbPath, (store) => {
      expect(store.loadReports()).toEqual([v1]);
      store.saveReport(withFields);
      expect(store.loadReports()).toEqual([v1, withFields]);
    });
    const after = new Database(dbPath, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    // The reports stored before units existed are linked to theirs (v5).
    expect(after.prepare("SELECT r.file, u.name FROM reports r JOIN units u ON u.id = r.unit_id ORDER BY r.file").all()).toEqual([
      { file: "corpus/a.pdf", name: "甲单位" },
      { file: "corpus/b.pdf", name: "乙单位" },
    ]);
    after.close();
  });

  it("checks stored JSON columns when reading them back", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    withStore(dbPath, (store) => store.saveReport(v1));
    const db = new Database(dbPath);
    db.prepare("UPDATE tables SET pages = ? WHERE table_id = 'T5'").run(JSON.stringify([0]));
    db.close();
    withStore(dbPath, (store) => expect(() => store.loadReports()).toThrow(/Expected tables\.pages of table T5 of corpus\/a\.pdf to match/));
  });

  it("deletes a report's tables, rows, cells and findings with it (foreign keys on)", () => {
    const dbPath = path.join(tempDir(), "j.sqlite");
    withStore(dbPath, (store) => store.saveReport(v1));
    const db = new Database(dbPath);
    db.pragma("foreign_keys = ON");
    db.prepare("DELETE FROM reports").run();
    db.close();
    expect(counts(dbPath)).toEqual({ reports: 0, tables: 0, rows: 0, cells: 0, findings: 0 });
  });
});

describe("ingesting a file again", () => {
  it("keeps one copy of an unchanged file and replaces a changed one", async () => {
    const dir = tempDir();
    const pdf = path.join(dir, "in", "report.pdf");
    fs.mkdirSync(path.dirname(pdf));
    const dbPath = path.join(dir, "j.sqlite");
    const ingest = async () => {
      const store = open(dbPath);
      try {
        for await (const result of ingestFiles(await listPdfFiles([path.dirname(pdf)]), store)) void result;
        return store.loadReports();
      } finally {
        store.close();
      }
    };
    const first = await makePdf({ pages: 2, text: "first version" });
    fs.writeFileSync(pdf, first);
    await ingest();
    const again = await ingest();
    expect(again.map((r) => r.sha256)).toEqual([sha256Of(first)]);

    const second = await makePdf({ pages: 4, text: "second version" });
    fs.writeFileSync(pdf, second);
    const changed = await ingest();
    expect(changed.map((r) => [r.sha256, r.page_count])).toEqual([[sha256Of(second), 4]]);
    expect(counts(dbPath).reports).toBe(1);
  });
});
