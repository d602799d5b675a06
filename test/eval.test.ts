// The scorer on a slice of the corpus: the first planned pdfkit reports
// (generated here), the committed LibreOffice reports and the pinned real
// PDFs, through the real pipeline. The figures are what extraction achieves
// today; a regression in any of them fails.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { writePlannedCorpus } from "../src/corpus/generate.js";
import { figures } from "../src/eval/aggregate.js";
import { runEval, type EvalResult } from "../src/eval/run.js";
import { summaryLine } from "../src/eval/print.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let result: EvalResult;
let evalDb = "";

beforeAll(async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "juesuan-eval-"));
  const planned = await writePlannedCorpus({ root: tmp, outDir: "corpus/generated", only: 16 });
  expect(planned.written.length).toBeGreaterThanOrEqual(8);
  result = await runEval({
    corpusDirs: [path.join(tmp, "corpus/generated"), path.join(repo, "corpus/libreoffice")],
    goldenDir: path.join(repo, "test/golden"),
    dbPath: (evalDb = path.join(tmp, "eval.sqlite")),
  });
}, 300_000);

const group = (name: string) => result.groups.find((g) => g.group === name)!;

describe("npm run eval on a slice of the corpus", () => {
  it("scores every report it was given, both producers", () => {
    expect(result.reports.length).toBeGreaterThanOrEqual(29);
    expect(group("producer=pdfkit").reports).toBeGreaterThanOrEqual(8);
    expect(group("producer=libreoffice").reports).toBe(21);
  });

  it("tells every document's kind (final, budget, template) right", () => {
    const all = group("all");
    expect(all.kindOk).toBe(all.reports);
    expect(all.metaOk).toBe(all.reports);
  });

  it("finds every standard table and no other", () => {
    expect(group("all").tablePrecision).toBe(1);
    expect(group("ruled=true").tableRecall).toBe(1);
    expect(group("all").tableRecall).toBeGreaterThanOrEqual(0.98);
  });

  it("reads every cell exactly, ruled tables and tables with no ruling lines alike", () => {
    for (const name of ["ruled=true", "ruled=false"]) {
      const g = group(name);
      expect(g.cellsTruth, name).toBeGreaterThan(1_000);
      expect(g.cellAccuracy, name).toBe(1);
      expect(g.cellsSpurious, name).toBe(0);
    }
  });

  it("keeps every table outside the nine as an extra table with its title", () => {
    const all = group("all");
    expect(all.extrasExpected).toBeGreaterThan(0);
    expect(all.extrasFound).toBe(all.extrasExpected);
  });

  it("finds every injected error, raises no alarm on a clean report and shows every rounding seam as rounding", () => {
    const all = group("all");
    expect(all.faultsExpected).toBeGreaterThan(10);
    expect(all.faultsFound).toBe(all.faultsExpected);
    expect(all.falseAlarms).toBe(0);
    expect(all.seamsExpected).toBeGreaterThan(3);
    expect(all.seamsFound).toBe(all.seamsExpected);
  });

  it("reads every page of these text-layer PDFs from its text layer: none goes to OCR", () => {
    const db = new Database(evalDb, { readonly: true });
    try {
      const routes = db.prepare("SELECT route, count(*) AS n FROM pages GROUP BY route").all() as { route: string; n: number }[];
      expect(routes.find((r) => r.route === "text")?.n ?? 0).toBeGreaterThan(500);
      expect(routes.filter((r) => r.route === "ocr")).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("reads the pinned tables of the real PDFs exactly (where they are present)", () => {
    for (const r of result.real) expect(r.exact, `${r.pdf} ${r.table}`).toBe(r.cells);
  });

  it("breaks the figures down by variant value and ends with one summary line", () => {
    for (const field of ["codes=split", "codes=glued", "unit=元", "zero=-", "template=shanghai", "orientation=portrait"]) {
      expect(group(field), field).toBeDefined();
    }
    const line = summaryLine(figures("all", result.reports));
    expect(line).toMatch(/^eval: \d+ reports; kind \d+\/\d+; tables P [\d.]+% R [\d.]+%; cells [\d.]+% of \d+/);
  });
});
