// Canonical reports built by hand, for testing the store and the export
// without depending on what the extractor can read today.
import { createHash } from "node:crypto";
import type { Report, Table } from "../../schemas/canonical.js";

export function sha256Of(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A file that could not be read: stored with its reason and no tables. */
export function failedReport(file: string, error: string): Report {
  return { file, sha256: sha256Of(file), unit: null, year: null, printed_unit: null, status: "failed", error, tables: [], findings: [] };
}

export interface SampleOptions {
  readonly file: string;
  readonly unit: string;
  readonly year: number;
  /** T3 total/basic; the other figures follow from it. */
  readonly basic: number;
  /** T5 208 total (and its 款 and 项). */
  readonly pension?: number;
  /** Distinguishes contents: a different salt is a different sha256. */
  readonly salt?: string;
}

/** A small but complete final-accounts report: T3 and T5 with a 类/款/项 hierarchy, one finding. */
export function sampleReport(options: SampleOptions): Report {
  const o = { pension: 12.34, ...options };
  const project = 100.5;
  const t3: Table = {
    id: "T3",
    kind: "standard",
    title: `${o.year}年度支出决算表`,
    pages: [7],
    printed_unit: "万元",
    columns: [
      { key: "total", name: "本年支出合计" },
      { key: "basic", name: "基本支出" },
      { key: "project", name: "项目支出" },
    ],
    rows: [
      { key: "total", name: "合计" },
      { key: "201", name: "一般公共服务支出", level: 1 },
      { key: "20103", name: "政府办公厅（室）及相关机构事务", level: 2 },
      { key: "2010350", name: "事业运行", level: 3 },
    ],
    cells: ["total", "201", "20103", "2010350"].flatMap((row) => [
      { row, col: "total", value: round2(o.basic + project), text: (o.basic + project).toFixed(2), page: 7, bbox: [300, 200, 360, 214] as [number, number, number, number] },
      { row, col: "basic", value: o.basic, text: o.basic.toFixed(2), page: 7 },
      { row, col: "project", value: row === "2010350" ? null : project, text: row === "2010350" ? "" : project.toFixed(2), page: 7 },
    ]),
  };
  const t5: Table = {
    id: "T5",
    kind: "standard",
    title: "一般公共预算财政拨款支出决算表",
    pages: [9, 10],
    printed_unit: "元",
    rows: [
      { key: "total", name: "合计" },
      // Quotes, a comma and a line break: the CSV export must keep them intact.
      { key: "208", name: '社会保障和就业支出, "养老"\n(续)', level: 1 },
      { key: "20805", name: "行政事业单位养老支出", level: 2 },
      { key: "2080505", name: "机关事业单位基本养老保险缴费支出", level: 3 },
    ],
    cells: ["total", "208", "20805", "2080505"].flatMap((row) => [
      { row, col: "total", value: o.pension },
      { row, col: "basic", value: o.pension },
      { row, col: "project", value: 0, text: "0.00" },
    ]),
  };
  const x1: Table = { id: "X1", kind: "extra", title: "机关运行经费", pages: [12], empty: true, empty_statement: "本单位本年度无机关运行经费。", rows: [{ key: "total", name: null }], cells: [{ row: "total", col: "amount", value: null }] };
  return {
    file: o.file,
    sha256: sha256Of(`${o.file}|${o.salt ?? ""}`),
    unit: o.unit,
    year: o.year,
    printed_unit: "万元",
    status: "ok",
    kind: "final",
    page_count: 20,
    producer: "test",
    tables: [t3, t5, x1],
    findings: [
      {
        rule: "T6.personnel_total+public_total=T5.basic",
        severity: "info",
        table: "T6",
        row: "public_total",
        col: "amount",
        page: 9,
        expected: 499.22,
        actual: 499.21,
        within_rounding: true,
        message: "rounding seam",
        refs: [{ table: "T5", row: "total", col: "basic" }],
      },
    ],
  };
}

export function cellCount(report: Report): number {
  return report.tables.reduce((n, t) => n + t.cells.length, 0);
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
