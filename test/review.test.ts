// juesuan review on real findings: the seed (rounding findings) and an altered
// real report (changed figures) go through the real pipeline and validator;
// the page is then loaded in headless Chromium, which measures where each
// outline sits and applies the filters as a reader's browser would.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { juesuan, type Run } from "./support/run-cli.js";
import { open } from "../src/store/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = path.join(repoRoot, "corpus", "seed", "hongshan-grid-2021.pdf");
const ALTERED = "/work/shared/real/final/putuo-caizhengju-2024-altered.pdf";
const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";


function chromium(args: string[]): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-chromium-"));
  try {
    const r = spawnSync(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", `--user-data-dir=${profile}`, ...args], {
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 256 << 20,
    });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`Expected chromium to exit 0, got ${r.status}: ${r.stderr.slice(-500)}`);
    return r.stdout;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// What the probe (appended to a copy of the page) reports from the laid-out DOM.
const Probe = z.object({
  shown: z.string(),
  findings: z.array(
    z.object({
      id: z.string(),
      severity: z.string(),
      unit: z.string(),
      hidden: z.boolean(),
      images: z.number(),
      unavailable: z.string().nullable(),
      text: z.string(),
      outlines: z.array(z.object({ key: z.string(), role: z.string(), width: z.number(), height: z.number(), inside: z.boolean() })),
    }),
  ),
  reportsShown: z.number(),
});
type Probe = z.infer<typeof Probe>;

const PROBE_SCRIPT = `<script>
window.addEventListener("load", function () {
  var box = function (el) { return el.getBoundingClientRect(); };
  var findings = Array.prototype.map.call(document.querySelectorAll(".finding"), function (a) {
    return {
      id: a.id, severity: a.dataset.severity, unit: a.closest(".report").dataset.unit, hidden: a.hidden,
      images: a.querySelectorAll("figure.region img").length,
      unavailable: a.querySelector(".unavailable") ? a.querySelector(".unavailable").textContent : null,
      text: a.textContent,
      outlines: Array.prototype.map.call(a.querySelectorAll(".outline"), function (o) {
        var i = box(o.parentElement.querySelector("img")), b = box(o);
        return { key: o.dataset.key, role: o.dataset.role, width: b.width, height: b.height,
          inside: i.width > 0 && b.left >= i.left - 0.5 && b.top >= i.top - 0.5 && b.right <= i.right + 0.5 && b.bottom <= i.bottom + 0.5 };
      }),
    };
  });
  var shown = document.getElementById("shown");
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({ shown: shown ? shown.textContent : "", findings: findings,
    reportsShown: document.querySelectorAll(".report:not([hidden])").length });
  document.body.appendChild(pre);
});
</script>`;

/** Loads the page (with a hash, as a reader's link would) and returns what the probe saw after the page's own script ran. */
function probe(html: string, hash = ""): Probe {
  const copy = html.replace(/\.html$/, ".probe.html");
  fs.writeFileSync(copy, fs.readFileSync(html, "utf8").replace("</body>", `${PROBE_SCRIPT}\n</body>`));
  const dom = chromium(["--window-size=1280,1000", "--dump-dom", `file://${copy}${hash}`]);
  const json = /<pre id="probe">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
  if (json === undefined) throw new Error(`Expected the probe's output in the DOM, got none (${dom.length} characters of DOM)`);
  const text = json.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&nbsp;/g, "\u00a0").replace(/&amp;/g, "&");
  return Probe.parse(JSON.parse(text));
}

// The findings as stored, read independently of src/review.
const StoredFinding = z.object({
  id: z.number(),
  severity: z.enum(["error", "warning", "info"]),
  unit: z.string().nullable(),
  report_id: z.number(),
  table_id: z.string().nullable(),
  row_key: z.string().nullable(),
  col_key: z.string().nullable(),
  page: z.number().nullable(),
  refs: z.string().nullable(),
});
type StoredFinding = z.infer<typeof StoredFinding>;
const Refs = z.array(z.object({ table: z.string(), row: z.string().nullable(), col: z.string().nullable() }));

interface Stored {
  readonly findings: readonly StoredFinding[];
  /** Keys ("T5/201/total", "*" for a null row or col) of the cells each finding points at that have a stored box. */
  readonly locatedKeys: ReadonlyMap<number, ReadonlySet<string>>;
  readonly columns: ReadonlySet<string>;
}

function readStored(dbPath: string): Stored {
  const db = new Database(dbPath, { readonly: true });
  try {
    const findings = db
      .prepare(`SELECT f.id, f.severity, r.unit, f.report_id, f.table_id, f.row_key, f.col_key, f.page, f.refs
        FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY f.id`)
      .all()
      .map((row) => StoredFinding.parse(row));
    const located = db.prepare(`SELECT count(*) AS n FROM cells c JOIN rows w ON w.id = c.row_ref JOIN tables t ON t.id = w.table_ref
      WHERE t.report_id = ? AND t.table_id = ? AND (? IS NULL OR w.key = ?) AND (? IS NULL OR c.col_key = ?) AND c.bbox IS NOT NULL`);
    const hasBox = (report: number, table: string, row: string | null, col: string | null) =>
      z.object({ n: z.number() }).parse(located.get(report, table, row, row, col, col)).n > 0;
    const locatedKeys = new Map<number, Set<string>>();
    for (const f of findings) {
      const targets = Refs.parse(f.refs === null ? [] : JSON.parse(f.refs));
      if (f.table_id !== null && f.table_id !== "narrative" && (f.row_key !== null || f.col_key !== null)) {
        targets.push({ table: f.table_id, row: f.row_key, col: f.col_key });
      }
      const keys = targets.filter((t) => hasBox(f.report_id, t.table, t.row, t.col)).map((t) => `${t.table}/${t.row ?? "*"}/${t.col ?? "*"}`);
      locatedKeys.set(f.id, new Set(keys));
    }
    const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('findings')").all().map((r) => z.object({ name: z.string() }).parse(r).name));
    return { findings, locatedKeys, columns };
  } finally {
    db.close();
  }
}

let work: string;
let dbPath: string;
let htmlPath: string;
let review: Run;
let stored: Stored;
let seconds: number;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Expected Debian's chromium at ${CHROMIUM} to load the review page, got none: apt-get install -y --no-install-recommends chromium (.ci/run does)`);
  }
  for (const pdf of [SEED, ALTERED]) if (!fs.existsSync(pdf)) throw new Error(`Expected the real input ${pdf}, got no such file`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-review-"));
  dbPath = path.join(work, "j.sqlite");
  htmlPath = path.join(work, "review.html");
  const ingest = await juesuan("ingest", SEED, ALTERED, "--db", dbPath);
  expect(ingest.status, ingest.stderr).toBe(0);
  stored = readStored(dbPath);
  const started = performance.now();
  review = await juesuan("review", "--db", dbPath, "--out", htmlPath);
  seconds = (performance.now() - started) / 1000;
});

afterAll(() => {
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

describe("juesuan review of the seed and the altered report", () => {
  it("has real findings from the validator for both reports", () => {
    const units = new Set(stored.findings.map((f) => f.report_id));
    expect(
      units.size,
      "Expected findings from the validator for both the seed and the altered report, got findings for " +
        `${units.size} of them: is src/validate wired into src/pipeline/process-file.ts?`,
    ).toBe(2);
  });

  it("writes the page and says what it wrote", () => {
    expect(review.status, review.stderr).toBe(0);
    expect(review.stdout).toBe("");
    expect(review.stderr).toMatch(new RegExp(`^wrote ${stored.findings.length} findings of 2 reports, \\d+ page images, to .*review\\.html \\(`));
    const bytes = fs.statSync(htmlPath).size;
    console.log(`review of ${stored.findings.length} findings: ${(bytes / 1024).toFixed(0)} KiB in ${seconds.toFixed(1)} s`);
    // Self-contained: nothing is fetched (every src is a data: URI, no external href).
    const html = fs.readFileSync(htmlPath, "utf8");
    expect(html).not.toMatch(/\ssrc="(?!data:)/);
    expect(html).not.toMatch(/<link\b|https?:\/\//);
  });

  it("lists every finding, worst first, with an outline inside its image for each located cell", () => {
    const seen = probe(htmlPath);
    expect(seen.findings.map((f) => Number(f.id.replace("finding-", ""))).sort((a, b) => a - b)).toEqual(stored.findings.map((f) => f.id));
    // Worst first: a report's findings go error, warning, info.
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const byUnit = new Map<string, number[]>();
    for (const f of seen.findings) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), rank[f.severity as keyof typeof rank]]);
    for (const ranks of byUnit.values()) expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    let outlined = 0;
    for (const f of stored.findings) {
      const shown = seen.findings.find((s) => s.id === `finding-${f.id}`)!;
      expect(shown.severity).toBe(f.severity);
      expect(shown.hidden).toBe(false);
      const keys = stored.locatedKeys.get(f.id)!;
      expect(new Set(shown.outlines.map((o) => o.key)), `finding ${f.id}`).toEqual(keys);
      if (keys.size > 0) expect(shown.images, `finding ${f.id}`).toBeGreaterThan(0);
      for (const o of shown.outlines) {
        expect(o.inside, `outline ${o.key} of finding ${f.id}`).toBe(true);
        expect(o.width).toBeGreaterThan(2);
        expect(o.height).toBeGreaterThan(2);
      }
      // The finding's own cell is the red one.
      if (f.table_id !== null && f.row_key !== null && f.col_key !== null && keys.has(`${f.table_id}/${f.row_key}/${f.col_key}`)) {
        expect(shown.outlines.find((o) => o.key === `${f.table_id}/${f.row_key}/${f.col_key}`)?.role).toBe("own");
      }
      expect(shown.unavailable).toBeNull();
      outlined += shown.outlines.length;
    }
    expect(outlined).toBeGreaterThan(0);
  });

  it("shows narrative findings' quote, section and page when the validator writes them", () => {
    const seen = probe(htmlPath);
    const narrative = stored.findings.filter((f) => f.table_id === "narrative");
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const f of narrative) {
        const shown = seen.findings.find((s) => s.id === `finding-${f.id}`)!;
        if (f.page !== null) expect(shown.text).toContain(`page ${f.page}`);
        for (const column of ["quote", "section"].filter((c) => stored.columns.has(c))) {
          const value = z.object({ v: z.string().nullable() }).parse(db.prepare(`SELECT ${column} AS v FROM findings WHERE id = ?`).get(f.id)).v;
          if (value !== null) expect(shown.text).toContain(value);
        }
      }
    } finally {
      db.close();
    }
  });

  it("filters by severity and by unit from the link's hash", () => {
    const counts = (pick: (f: StoredFinding) => boolean) => stored.findings.filter(pick).length;
    for (const severity of ["error", "warning", "info"] as const) {
      const seen = probe(htmlPath, `#severity=${severity}`);
      const visible = seen.findings.filter((f) => !f.hidden);
      expect(visible.every((f) => f.severity === severity)).toBe(true);
      expect(visible.length).toBe(counts((f) => f.severity === severity));
      expect(seen.shown).toBe(`${visible.length} of ${stored.findings.length} findings shown`);
    }
    const unit = stored.findings.find((f) => f.unit !== null)!.unit!;
    const seen = probe(htmlPath, `#unit=${encodeURIComponent(unit)}`);
    expect(seen.findings.filter((f) => !f.hidden).length).toBe(counts((f) => f.unit === unit));
    expect(seen.findings.filter((f) => !f.hidden).every((f) => f.unit === unit)).toBe(true);
    expect(seen.reportsShown).toBe(1);
    const both = probe(htmlPath, `#severity=error,warning&unit=${encodeURIComponent(unit)}`);
    expect(both.findings.filter((f) => !f.hidden).length).toBe(counts((f) => f.unit === unit && f.severity !== "info"));
  });

  it("renders to a screenshot", () => {
    const png = path.join(work, "review.png");
    chromium(["--window-size=1280,2000", `--screenshot=${png}`, `file://${htmlPath}`]);
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.readUInt32BE(16)).toBe(1280); // IHDR width
    expect(bytes.length).toBeGreaterThan(50_000); // page images and text, not a blank page
  });
});

describe("juesuan review when something is missing", () => {
  it("lists the findings of a PDF that moved, with the reason its image is unavailable", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-review-moved-"));
    try {
      const pdf = path.join(dir, "seed.pdf");
      fs.copyFileSync(SEED, pdf);
      const db = path.join(dir, "j.sqlite");
      expect((await juesuan("ingest", pdf, "--db", db)).status).toBe(0);
      fs.renameSync(pdf, path.join(dir, "seed-moved.pdf"));
      const html = path.join(dir, "review.html");
      const run = await juesuan("review", "--db", db, "--out", html);
      expect(run.status, run.stderr).toBe(0);
      const findings = readStored(db).findings;
      expect(findings.length, "Expected the seed's findings from the validator, got none").toBeGreaterThan(0);
      expect(run.stderr).toMatch(/without a page image/);
      const seen = probe(html);
      expect(seen.findings).toHaveLength(findings.length);
      for (const f of seen.findings) {
        expect(f.images).toBe(0);
        expect(f.unavailable).toMatch(/^page image unavailable: cannot read .*seed\.pdf \(ENOENT\)$/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says so for a database without findings", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-review-empty-"));
    try {
      const db = path.join(dir, "j.sqlite");
      open(db).close();
      const html = path.join(dir, "review.html");
      const run = await juesuan("review", "--db", db, "--out", html);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^no findings in .*j\.sqlite \(0 reports\): wrote a page that says so/);
      expect(fs.readFileSync(html, "utf8")).toContain('id="no-findings"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fails in one line for a missing database", async () => {
    const run = await juesuan("review", "--db", path.join(os.tmpdir(), "juesuan-no-such.sqlite"), "--out", path.join(os.tmpdir(), "x.html"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^juesuan: Expected a juesuan database at .*juesuan-no-such\.sqlite, got no such file \(run juesuan ingest first\)\n$/);
  });

  it("asks for --out", async () => {
    const run = await juesuan("review");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Expected --out FILE/);
  });
});
