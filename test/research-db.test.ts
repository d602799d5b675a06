// The database as researchers use it, on a corpus of the same units over
// several years (src/corpus/series/: consistent from year to year, names
// printed with and without their city, a district name two cities share, and
// cross-year breaks injected): units matched across years with no false
// merge, the views giving the truth's figures, the README's view queries as
// written, the cross-year checks finding the breaks and nothing else, and the
// same links and findings whatever order the reports come in.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Report, Table } from "../schemas/canonical.js";
import { writeSeriesCorpus } from "../src/corpus/series/write.js";
import { scoreReport } from "../src/eval/score.js";
import { loadTruth } from "../src/eval/truth.js";
import { ingestFiles } from "../src/pipeline/ingest.js";
import { FUNCTION_CLASSES } from "../src/recognize/rules/function-classes.js";
import { open } from "../src/store/index.js";
import { parseCsv } from "./support/csv.js";
import { juesuan } from "./support/run-cli.js";
import { readmeSql } from "./support/readme-sql.js";
import { tempDir } from "./support/temp.js";

const Region = z.object({ province: z.string().nullable(), city: z.string().nullable(), district: z.string().nullable() });
const SeriesTruth = Report.extend({
  series: z.object({ unit_key: z.string(), printed_name: z.string(), full_name: z.string(), region: Region, ambiguous: z.boolean() }),
  year_faults: z.array(
    z.object({ fault: z.string(), prior_year: z.number(), table: z.string(), row: z.string(), col: z.string().nullable(), expected: z.number(), actual: z.number() }),
  ),
});
type SeriesTruth = z.infer<typeof SeriesTruth>;

let truths: SeriesTruth[] = [];
let dbPath = "";
const byFile = new Map<string, SeriesTruth>();

let root = "";

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-series-"));
  const { written } = await writeSeriesCorpus({ root });
  const pdfs = written.map((f) => path.join(root, f));
  truths = pdfs.map((p) => SeriesTruth.parse(JSON.parse(fs.readFileSync(p.replace(/\.pdf$/, ".truth.json"), "utf8"))));
  dbPath = path.join(root, "series.sqlite");
  const store = open(dbPath);
  try {
    for await (const r of ingestFiles(pdfs, store)) expect(r.status, `${r.file}: ${r.reason ?? ""}`).toBe("ok");
    // The stored file names, by the truth they came from.
    for (const r of store.loadReports()) {
      const t = truths.find((x) => path.basename(x.file) === path.basename(r.file));
      if (t) byFile.set(r.file, t);
    }
  } finally {
    store.close();
  }
}, 600_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function query<T>(sql: string, params: Record<string, unknown> = {}): T[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all(params) as T[];
  } finally {
    db.close();
  }
}

const fileOf = (t: SeriesTruth): string => [...byFile].find(([, x]) => x === t)?.[0] ?? "";
const table = (t: SeriesTruth, id: string): Table | undefined => t.tables.find((x) => x.id === id);
/** The truth's figure as the views give it: a printed-empty cell is 0, a cell not printed NULL. */
function cell(t: SeriesTruth, id: string, row: string, col: string): number | null {
  const c = table(t, id)?.cells.find((x) => x.row === row && x.col === col);
  return c === undefined ? null : (c.value ?? 0);
}
const close = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-6);

it("reads every cell of every report exactly", async () => {
  const store = open(dbPath);
  const stored = store.loadReports();
  store.close();
  let cells = 0;
  for (const r of stored) {
    const score = scoreReport(await loadTruth(r.file.replace(/\.pdf$/, ".truth.json")), r);
    expect(score.cells.exact, `${r.file}: ${score.misses.slice(0, 3).join("; ")}`).toBe(score.cells.truth);
    expect(score.cells.spurious, r.file).toBe(0);
    cells += score.cells.truth;
  }
  expect(cells).toBeGreaterThan(5000);
});

describe("units across years and spellings", () => {
  interface Linked {
    file: string;
    unit: string;
    unit_id: number | null;
    unit_match: string;
    name: string | null;
    province: string | null;
    city: string | null;
    district: string | null;
  }
  const linked = () =>
    query<Linked>(`SELECT r.file, r.unit, r.unit_id, r.unit_match, u.name, u.province, u.city, u.district
      FROM reports r LEFT JOIN units u ON u.id = r.unit_id ORDER BY r.file`);

  it("reads every report's unit as printed", () => {
    expect(byFile.size).toBe(truths.length);
    for (const r of linked()) expect(r.unit, r.file).toBe(byFile.get(r.file)?.series.printed_name);
  });

  it("links each unit's reports of every year and spelling to one unit, and no two units to one", () => {
    const idsByKey = new Map<string, Set<number | null>>();
    for (const r of linked()) {
      const t = byFile.get(r.file)!;
      if (t.series.ambiguous) continue;
      idsByKey.set(t.series.unit_key, (idsByKey.get(t.series.unit_key) ?? new Set()).add(r.unit_id));
    }
    const ids = [...idsByKey.values()].map((s) => [...s]);
    for (const s of ids) {
      expect(s).toHaveLength(1);
      expect(s[0]).not.toBeNull();
    }
    expect(new Set(ids.map((s) => s[0])).size).toBe(idsByKey.size); // no false merge
    expect(idsByKey.size).toBe(new Set(truths.map((t) => t.series.unit_key)).size);
    // Spellings that differ from the unit's fullest are matched by region.
    for (const r of linked()) {
      const t = byFile.get(r.file)!;
      if (t.series.ambiguous) continue;
      expect(r.name, r.file).toBe(t.series.full_name);
      expect(r.unit_match, r.file).toBe(r.unit === t.series.full_name ? "name" : "region");
    }
  });

  it("gives each unit the region its fullest name prints", () => {
    for (const r of linked()) {
      const t = byFile.get(r.file)!;
      if (t.series.ambiguous || r.unit !== t.series.full_name) continue;
      expect({ province: r.province, city: r.city, district: r.district }, r.file).toEqual(t.series.region);
    }
  });

  it("links an ambiguous spelling to no unit, naming the units it could be", () => {
    const ambiguous = truths.filter((t) => t.series.ambiguous);
    expect(ambiguous.length).toBeGreaterThan(0);
    for (const t of ambiguous) {
      const r = linked().find((x) => x.file === fileOf(t))!;
      expect(r.unit_match).toBe("ambiguous");
      expect(r.unit_id).toBeNull();
      const candidates = query<{ name: string }>(
        "SELECT u.name FROM unit_candidates c JOIN units u ON u.id = c.unit_id JOIN reports r ON r.id = c.report_id WHERE r.file = @file ORDER BY u.name",
        { file: fileOf(t) },
      ).map((c) => c.name);
      // Every unit whose full name ends with the printed one (same district and core, another city).
      const expected = [...new Set(truths.filter((x) => !x.series.ambiguous && x.series.full_name.endsWith(t.series.printed_name)).map((x) => x.series.full_name))].sort();
      expect(expected.length).toBeGreaterThan(1);
      expect(candidates).toEqual(expected);
    }
  });

  it("links and checks the same whatever order the reports are stored in", () => {
    const reversed = path.join(tempDir(), "reversed.sqlite");
    const source = open(dbPath);
    const reports = source.loadReports();
    source.close();
    const target = open(reversed);
    for (const r of [...reports].reverse()) target.saveReport(r);
    target.close();
    const snapshot = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return {
          links: db.prepare("SELECT r.file, u.name, r.unit_match FROM reports r LEFT JOIN units u ON u.id = r.unit_id ORDER BY r.file").all(),
          findings: db
            .prepare(`SELECT r.file, f.rule, f.table_id, f.row_key, f.col_key, f.expected, f.actual, f.within_rounding, p.file AS prior
              FROM findings f JOIN reports r ON r.id = f.report_id LEFT JOIN reports p ON p.id = f.prior_report_id
              WHERE f.rule GLOB 'year.*' ORDER BY 1, 2, 3, 4, 5`)
            .all(),
        };
      } finally {
        db.close();
      }
    };
    expect(snapshot(reversed)).toEqual(snapshot(dbPath));
  });
});

describe("cross-year checks", () => {
  interface YearFinding {
    file: string;
    rule: string;
    severity: string;
    table_id: string;
    row_key: string;
    expected: number;
    actual: number;
    prior_file: string;
  }
  const breaks = () =>
    query<YearFinding>("SELECT file, rule, severity, table_id, row_key, expected, actual, prior_file FROM report_findings WHERE rule GLOB 'year.*' AND within_rounding = 0");

  it("finds every injected break, on the report it is in, against last year's report", () => {
    const faults = truths.flatMap((t) => t.year_faults.map((f) => ({ t, f })));
    expect(faults.length).toBeGreaterThanOrEqual(4);
    for (const { t, f } of faults) {
      const prior = truths.find((x) => x.series.unit_key === t.series.unit_key && x.year === f.prior_year)!;
      const found = breaks().filter((b) => b.file === fileOf(t) && b.prior_file === fileOf(prior));
      const match =
        f.table === "narrative"
          ? found.find((b) => b.rule === "year.change" && Math.abs(b.expected - f.expected) < 0.01 && Math.abs(b.actual - f.actual) < 0.01)
          : found.find((b) => b.rule === "year.carry" && b.table_id === f.table && b.row_key === f.row && close(b.expected, f.expected) && close(b.actual, f.actual));
      expect(match, `${t.file}: ${f.fault} ${f.table} ${f.row}`).toBeDefined();
      expect(match?.severity).toBe("warning");
    }
  });

  it("reports nothing else: no break where the chain holds, and no error anywhere", () => {
    const faults = truths.reduce((n, t) => n + t.year_faults.length, 0);
    expect(breaks()).toHaveLength(faults);
    expect(query("SELECT file, rule, message FROM report_findings WHERE severity = 'error'")).toEqual([]);
  });
});

describe("views", () => {
  it("report_totals gives each report's totals", () => {
    const rows = query<Record<string, number | null> & { file: string; unit: string }>("SELECT * FROM report_totals");
    expect(rows).toHaveLength(truths.length);
    for (const r of rows) {
      const t = byFile.get(r.file)!;
      const expected = {
        income: cell(t, "T1", "income_total", "amount"),
        expenditure: cell(t, "T1", "expense_total", "amount"),
        basic: cell(t, "T3", "total", "basic"),
        project: cell(t, "T3", "total", "project"),
        personnel: cell(t, "T6", "personnel_total", "amount"),
        public: cell(t, "T6", "public_total", "amount"),
        sangong_budget: cell(t, "T7", "total", "budget_total"),
        sangong_actual: cell(t, "T7", "total", "actual_total"),
        carry_begin: cell(t, "T1", "carry_begin", "amount"),
        carry_end: cell(t, "T1", "carry_end", "amount"),
      };
      for (const [k, v] of Object.entries(expected)) expect(close(r[k] ?? null, v), `${r.file} ${k}: ${r[k]} vs ${v}`).toBe(true);
      expect(r.unit).toBe(t.series.ambiguous ? t.series.printed_name : t.series.full_name);
    }
  });

  it("function_spending gives every coded row of 表3, one name per code across years", () => {
    const rows = query<{ file: string; code: string; level: number; name: string; total: number; basic: number; project: number }>("SELECT * FROM function_spending");
    let expectedRows = 0;
    for (const t of truths) {
      const t3 = table(t, "T3")!;
      for (const row of t3.rows.filter((x) => /^\d{3,7}$/.test(x.key))) {
        expectedRows++;
        const got = rows.find((r) => r.file === fileOf(t) && r.code === row.key);
        expect(got, `${t.file} ${row.key}`).toBeDefined();
        for (const col of ["total", "basic", "project"] as const) expect(close(got![col], cell(t, "T3", row.key, col)), `${t.file} ${row.key} ${col}`).toBe(true);
        expect(got!.level).toBe(row.key.length === 3 ? 1 : row.key.length === 5 ? 2 : 3);
      }
    }
    expect(rows).toHaveLength(expectedRows);
    const names = new Map<string, Set<string>>();
    for (const r of rows) names.set(r.code, (names.get(r.code) ?? new Set()).add(r.name));
    for (const [code, set] of names) expect([...set], code).toHaveLength(1);
    for (const c of FUNCTION_CLASSES) if (names.has(c.code)) expect([...names.get(c.code)!][0]).toBe(`${c.names[0]}支出`);
  });

  it("report_findings lists every finding with its report", () => {
    const n = query<{ n: number }>("SELECT count(*) AS n FROM findings")[0]!.n;
    expect(query("SELECT * FROM report_findings")).toHaveLength(n);
  });

  it("report_wide has one row per file with its counts", () => {
    const rows = query<{ file: string; errors: number; warnings: number; rounding: number; year_breaks: number; tables: string }>("SELECT * FROM report_wide");
    expect(rows).toHaveLength(truths.length);
    for (const r of rows) {
      const t = byFile.get(r.file)!;
      expect(r.year_breaks, r.file).toBe(t.year_faults.length);
      expect(r.tables.split(" ").filter((x) => /^T\d$/.test(x)).sort()).toEqual(t.tables.filter((x) => x.kind === "standard").map((x) => x.id).sort());
    }
  });
});

describe("the README's view queries, as written", () => {
  const queries = readmeSql("### Views");
  const unitsOf = (key: string) => truths.filter((t) => t.series.unit_key === key && !t.series.ambiguous).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));

  it("has the five", () => expect(queries).toHaveLength(5));

  it("one unit's totals over the years", () => {
    const u1 = unitsOf(truths.find((t) => t.series.full_name === "武汉市洪山区财政局")!.series.unit_key);
    expect(u1.length).toBeGreaterThanOrEqual(4);
    const rows = query<Record<string, number>>(queries[0]!);
    expect(rows.map((r) => r["year"])).toEqual(u1.map((t) => t.year));
    rows.forEach((r, i) => {
      expect(close(r["income"]!, cell(u1[i]!, "T1", "income_total", "amount"))).toBe(true);
      expect(close(r["sangong_actual"]!, cell(u1[i]!, "T7", "total", "actual_total"))).toBe(true);
    });
  });

  it("which districts spent most on 三公 in a year", () => {
    const sums = new Map<string, { reports: number; sangong: number }>();
    for (const t of truths.filter((x) => x.year === 2022 && !x.series.ambiguous)) {
      const district = truths.find((x) => x.series.unit_key === t.series.unit_key && x.unit === x.series.full_name)!.series.region.district!;
      const s = sums.get(district) ?? { reports: 0, sangong: 0 };
      sums.set(district, { reports: s.reports + 1, sangong: s.sangong + (cell(t, "T7", "total", "actual_total") ?? 0) });
    }
    const expected = [...sums]
      .map(([district, s]) => ({ district, reports: s.reports, sangong: Math.round(s.sangong * 100) / 100 }))
      .sort((a, b) => b.sangong - a.sangong || (a.district < b.district ? -1 : 1));
    expect(expected.length).toBeGreaterThan(1);
    expect(query(queries[1]!)).toEqual(expected);
  });

  it("one class of spending of every unit, year by year", () => {
    const rows = query<{ unit: string; year: number; name: string; total: number }>(queries[2]!);
    const expected = truths.filter((t) => cell(t, "T3", "201", "total") !== null);
    expect(rows).toHaveLength(expected.length);
    for (const t of expected) {
      const unit = t.series.ambiguous ? t.series.printed_name : t.series.full_name;
      expect(rows.some((r) => r.unit === unit && r.year === t.year && close(r.total, cell(t, "T3", "201", "total")) && r.name === "一般公共服务支出")).toBe(true);
    }
  });

  it("the reports that disagree with last year's", () => {
    const rows = query<{ file: string; rule: string }>(queries[3]!);
    expect(rows).toHaveLength(truths.reduce((n, t) => n + t.year_faults.length, 0));
    expect(new Set(rows.map((r) => r.file))).toEqual(new Set(truths.filter((t) => t.year_faults.length > 0).map(fileOf)));
  });

  it("everything, one row per report", () => {
    const rows = query<{ file: string; income: number; year_breaks: number }>(queries[4]!);
    expect(rows).toHaveLength(truths.length);
    for (const r of rows) expect(close(r.income, cell(byFile.get(r.file)!, "T1", "income_total", "amount"))).toBe(true);
  });
});

describe("juesuan units and compare", () => {
  it("units lists each unit once with its years, then the ambiguous reports", async () => {
    const { status, stdout } = await juesuan("units", "--db", dbPath, "--csv");
    expect(status).toBe(0);
    const lines = parseCsv(stdout.replace(/^\uFEFF/, "")).slice(1);
    const keys = [...new Set(truths.map((t) => t.series.unit_key))];
    expect(lines).toHaveLength(keys.length);
    for (const key of keys) {
      const own = truths.filter((t) => t.series.unit_key === key && !t.series.ambiguous);
      const line = lines.find((l) => l[0] === own[0]!.series.full_name);
      expect(line, key).toBeDefined();
      expect(line![4]).toBe(own.map((t) => t.year).sort().join(","));
    }
    const text = await juesuan("units", "--db", dbPath);
    for (const t of truths.filter((x) => x.series.ambiguous)) expect(text.stdout).toContain(`${fileOf(t)}  ${t.series.printed_name}`);
  });

  it("compare puts one code side by side across units, by year", async () => {
    const { status, stdout } = await juesuan("compare", "--code", "201", "--db", dbPath, "--csv");
    expect(status).toBe(0);
    const [header, ...lines] = parseCsv(stdout.replace(/^\uFEFF/, ""));
    const years = [...new Set(truths.map((t) => t.year!))].sort();
    expect(header).toEqual(["unit", "region", ...years.map(String)]);
    const has201 = truths.filter((x) => cell(x, "T3", "201", "total") !== null);
    expect(lines).toHaveLength(new Set(has201.map((x) => (x.series.ambiguous ? x.file : x.series.unit_key))).size);
    for (const t of has201.filter((x) => !x.series.ambiguous)) {
      const line = lines.find((l) => l[0] === t.series.full_name)!;
      const v = line[2 + years.indexOf(t.year!)];
      expect(close(Number(v), cell(t, "T3", "201", "total")), `${t.file}`).toBe(true);
    }
    const region = await juesuan("compare", "--code", "201", "--region", "江汉区", "--year", "2022", "--db", dbPath, "--csv");
    const rows = parseCsv(region.stdout.replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["unit", "region", "total", "basic", "project"]);
    expect(rows.slice(1).map((l) => l[0])).toEqual(truths.filter((t) => t.year === 2022 && t.series.region.district === "江汉区").map((t) => t.series.full_name));
  });
});
