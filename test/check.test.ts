// `juesuan check` on a database the real pipeline wrote: a faulted report, a
// report with only a rounding seam and a real report missing a table.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Finding } from "../schemas/canonical.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mainJs = path.join(repo, "dist", "src", "cli", "main.js");
const altered = path.resolve(repo, "../shared/real/final/putuo-caizhengju-2024-altered.pdf");
const faulted = "corpus/libreoffice/04-sh-putuo-shiquan-2024.pdf";
const seed = "corpus/seed/hongshan-grid-2021.pdf";

const juesuan = (args: string[]) => spawnSync(process.execPath, [mainJs, ...args], { cwd: repo, encoding: "utf8", timeout: 120_000 });

const CheckJson = z.object({
  reports: z.array(z.object({ file: z.string(), unit: z.string().nullable(), year: z.number().nullable(), errors: z.number(), warnings: z.number(), rounding: z.number(), findings: z.array(Finding) })),
  clean: z.number(),
  failed: z.number(),
});

describe.skipIf(!existsSync(altered))("juesuan check", () => {
  let db = "";
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "juesuan-check-"));
    db = path.join(dir, "j.sqlite");
    const run = juesuan(["ingest", seed, faulted, altered, "--db", db]);
    expect(run.status, run.stderr).toBe(0);
  }, 120_000);

  it("lists the reports that do not reconcile worst first, each finding with both figures, the gap and the page", () => {
    const run = juesuan(["check", "--db", db]);
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    // A 项 off in the faulted report: its 款 no longer sums, in the unit the table prints.
    expect(out).toMatch(/p\.7 表3「20132 组织事务 基本支出」应为 3,687,808\.00 元，实为 3,314,688\.00 元，差 373,120\.00 元/);
    expect(out).toContain("缺少表3");
    // The seed's real error (56.1% of what?) is listed; its rounding gaps are only counted.
    expect(out).toMatch(/占一般公共预算项目支出总额的56\.1%/);
    expect(out).toMatch(/1 error, 0 warnings, 7 within rounding/);
    expect(out).not.toContain("舍入误差范围内");
    expect(out).toMatch(/3 reports do not reconcile; 0 reconcile/);
    expect(juesuan(["check", "--db", db, "--rounding"]).stdout).toContain("舍入误差范围内");
  });

  it("--json gives the same verdicts as data, worst first", () => {
    const run = juesuan(["check", "--db", db, "--json"]);
    const parsed = CheckJson.parse(JSON.parse(run.stdout));
    const errorsOf = (name: string) => parsed.reports.find((r) => path.basename(r.file) === name)?.errors;
    expect(errorsOf("04-sh-putuo-shiquan-2024.pdf")).toBe(4);
    expect(errorsOf("putuo-caizhengju-2024-altered.pdf")).toBe(4);
    expect(errorsOf("hongshan-grid-2021.pdf")).toBe(1);
    // Worst first: more errors, then more warnings, then the larger gap.
    const gap = (r: (typeof parsed.reports)[number]) => Math.max(...r.findings.filter((f) => f.severity === "error").map((f) => Math.abs((f.expected ?? 0) - (f.actual ?? 0))));
    for (let i = 1; i < parsed.reports.length; i++) {
      const [a, b] = [parsed.reports[i - 1]!, parsed.reports[i]!];
      expect(a.errors > b.errors || (a.errors === b.errors && (a.warnings > b.warnings || (a.warnings === b.warnings && gap(a) >= gap(b))))).toBe(true);
    }
    for (const r of parsed.reports) for (const f of r.findings) expect(f.severity).not.toBe("info");
  });

  it("fails in one line for a database that does not exist", () => {
    const run = juesuan(["check", "--db", path.join(tempDir(), "none.sqlite")]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});
