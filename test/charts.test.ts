// juesuan charts on real reports: the LibreOffice corpus (13 units, some over
// three years) goes through the real pipeline into a database, plus one
// report published twice (same unit and year, other bytes); the page is then
// loaded in headless Chromium, and what it lays out is compared with the
// views, read here independently of src/charts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { chartsHtml } from "../src/charts/html.js";
import { buildModel } from "../src/charts/model.js";
import type { TotalsRow } from "../src/charts/query.js";
import { juesuan, type Run } from "./support/run-cli.js";
import { fontPath } from "../src/corpus/render/fonts.js";
import { ingestFiles } from "../src/pipeline/ingest.js";
import { open } from "../src/store/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = path.join(repoRoot, "corpus", "libreoffice");
/** Published again with other bytes: the unit then has two reports for 2021. */
const REPUBLISHED = "45-wh-hongshan-czj-2021.pdf";
const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";


let work: string;

/** Chromium with the Noto Sans SC of node_modules as a font, so CJK text is laid out as a reader's machine would. */
function chromium(args: string[]): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-chromium-"));
  const fonts = path.join(work, "fonts.conf");
  fs.writeFileSync(
    fonts,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${path.dirname(fontPath("regular"))}</dir><cachedir>${path.join(work, "fc-cache")}</cachedir>
</fontconfig>`,
  );
  try {
    const r = spawnSync(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", `--user-data-dir=${profile}`, ...args], {
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 256 << 20,
      env: { ...process.env, FONTCONFIG_FILE: fonts },
    });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`Expected chromium to exit 0, got ${r.status}: ${r.stderr.slice(-500)}`);
    return r.stdout;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

// What the probe (appended to a copy of the page) reports from the laid-out DOM.
const Box = z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });
const ProbeText = z.object({ text: z.string(), cls: z.string(), box: Box });
const Probe = z.object({
  scripts: z.number(),
  sections: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      heading: z.string(),
      matched: z.string().nullable(),
      notes: z.array(z.object({ year: z.string().nullable(), text: z.string() })),
      charts: z.array(
        z.object({
          chart: z.string(),
          box: Box,
          bars: z.array(z.object({ data: z.record(z.string(), z.string()), title: z.string(), h: z.number(), w: z.number() })),
          rows: z.array(z.object({ href: z.string().nullable(), text: z.string() })),
          texts: z.array(ProbeText),
        }),
      ),
    }),
  ),
  toc: z.array(z.string()),
});
type Probe = z.infer<typeof Probe>;
type Section = Probe["sections"][number];
type Chart = Section["charts"][number];

const PROBE_SCRIPT = `<script>
window.addEventListener("load", function () {
  var map = function (list, f) { return Array.prototype.map.call(list, f); };
  var box = function (el) { var b = el.getBoundingClientRect(); return { x: b.left, y: b.top, w: b.width, h: b.height }; };
  var own = function (el) { return Array.prototype.filter.call(el.childNodes, function (n) { return n.nodeType === 3; }).map(function (n) { return n.data; }).join(""); };
  var sections = map(document.querySelectorAll("main > section"), function (s) {
    return {
      id: s.id, kind: s.className, heading: s.querySelector("h3").textContent, matched: s.getAttribute("data-matched"),
      notes: map(s.querySelectorAll(".note"), function (n) { return { year: n.getAttribute("data-year"), text: n.textContent }; }),
      charts: map(s.querySelectorAll("svg.chart"), function (svg) {
        return {
          chart: svg.getAttribute("data-chart"), box: box(svg),
          bars: map(svg.querySelectorAll("g.bar"), function (g) {
            var rect = g.querySelector("rect"), b = rect ? rect.getBoundingClientRect() : { width: 0, height: 0 };
            var t = g.querySelector("title");
            return { data: Object.assign({}, g.dataset), title: t ? t.textContent : "", w: b.width, h: b.height };
          }),
          rows: map(svg.querySelectorAll("text.row-label"), function (e) {
            var a = e.closest("a");
            return { href: a ? a.getAttribute("href") : null, text: own(e) };
          }),
          texts: map(svg.querySelectorAll("text"), function (e) { return { text: e.textContent, cls: e.getAttribute("class") || "", box: box(e) }; }),
        };
      }),
    };
  });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({ scripts: document.scripts.length - 1, sections: sections,
    toc: map(document.querySelectorAll("nav.toc a"), function (a) { return a.getAttribute("href"); }) });
  document.body.appendChild(pre);
});
</script>`;

function probe(html: string): Probe {
  const copy = html.replace(/\.html$/, ".probe.html");
  fs.writeFileSync(copy, fs.readFileSync(html, "utf8").replace("</body>", `${PROBE_SCRIPT}\n</body>`));
  const dom = chromium(["--window-size=1280,1000", "--dump-dom", `file://${copy}`]);
  const json = /<pre id="probe">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
  if (json === undefined) throw new Error(`Expected the probe's output in the DOM, got none (${dom.length} characters of DOM)`);
  return Probe.parse(JSON.parse(json.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&nbsp;/g, "\u00a0").replace(/&amp;/g, "&")));
}

// The views, read here without src/charts.
const Totals = z.object({
  report_id: z.number(),
  file: z.string(),
  unit_id: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().nullable(),
  income: z.number().nullable(),
  expenditure: z.number().nullable(),
  basic: z.number().nullable(),
  project: z.number().nullable(),
  sangong_budget: z.number().nullable(),
  sangong_actual: z.number().nullable(),
});
type Totals = z.infer<typeof Totals>;
const ClassLine = z.object({ report_id: z.number(), code: z.string(), name: z.string(), total: z.number().nullable() });
type ClassLine = z.infer<typeof ClassLine>;

interface Views {
  readonly totals: readonly Totals[];
  readonly classes: readonly ClassLine[];
}

function readViews(dbPath: string): Views {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      totals: db.prepare("SELECT * FROM report_totals ORDER BY report_id").all().map((r) => Totals.parse(r)),
      classes: db.prepare("SELECT report_id, code, name, total FROM function_spending WHERE level = 1").all().map((r) => ClassLine.parse(r)),
    };
  } finally {
    db.close();
  }
}

const unitKey = (t: Totals) => (t.unit_id !== null ? `id:${t.unit_id}` : `name:${t.unit}`);

/** Per unit, per year: the report the page must show (the latest). */
function shownReports(views: Views): Map<string, Map<number, Totals>> {
  const units = new Map<string, Map<number, Totals>>();
  for (const t of views.totals) {
    if (t.year === null) continue;
    const years = units.get(unitKey(t)) ?? new Map<number, Totals>();
    if ((years.get(t.year)?.report_id ?? -1) < t.report_id) years.set(t.year, t);
    units.set(unitKey(t), years);
  }
  return units;
}

let dbPath: string;
let htmlPath: string;
let run: Run;
let views: Views;
let seen: Probe;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Expected Debian's chromium at ${CHROMIUM} to load the charts page, got none: apt-get install -y --no-install-recommends chromium (.ci/run does)`);
  }
  work = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-charts-"));
  dbPath = path.join(work, "j.sqlite");
  htmlPath = path.join(work, "charts.html");
  const pdfs = fs
    .readdirSync(CORPUS)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => path.join(CORPUS, f));
  expect(pdfs.length).toBeGreaterThan(10);
  const store = open(dbPath);
  try {
    for await (const r of ingestFiles(pdfs, store)) expect(r.status, `${r.file}: ${r.reason}`).toBe("ok");
    // The same report published again later: other bytes, same unit and year.
    const again = path.join(work, `republished-${REPUBLISHED}`);
    fs.writeFileSync(again, Buffer.concat([fs.readFileSync(path.join(CORPUS, REPUBLISHED)), Buffer.from("\n% republished\n")]));
    for await (const r of ingestFiles([again], store)) expect(r.status, `${r.file}: ${r.reason}`).toBe("ok");
  } finally {
    store.close();
  }
  views = readViews(dbPath);
  run = await juesuan("charts", "--db", dbPath, "--out", htmlPath);
  seen = probe(htmlPath);
});

afterAll(() => {
  if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
});

function unitSection(t: Totals): Section {
  const sections = seen.sections.filter((s) => s.kind === "unit");
  const found =
    t.unit_id !== null ? sections.find((s) => s.id === `unit-${t.unit_id}`) : sections.find((s) => s.matched === "false" && s.heading.startsWith(t.unit ?? ""));
  if (found === undefined) throw new Error(`Expected a section for ${t.unit} (unit ${t.unit_id}), got none`);
  return found;
}

function chart(section: Section, kind: string): Chart {
  const found = section.charts.find((c) => c.chart === kind);
  if (found === undefined) throw new Error(`Expected a ${kind} chart in ${section.id}, got ${section.charts.map((c) => c.chart).join(", ")}`);
  return found;
}

describe("juesuan charts of the LibreOffice corpus", () => {
  it("writes a self-contained page and says what it wrote", () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    const units = new Set(views.totals.map(unitKey)).size;
    expect(run.stderr).toMatch(new RegExp(`^wrote charts of ${units} units and \\d+ classes from ${views.totals.length} reports, 1 unit-years with more than one report shown from the latest, to .*charts\\.html \\(`));
    const html = fs.readFileSync(htmlPath, "utf8");
    expect(html).not.toMatch(/<script|<link\b|<img\b|\ssrc=|https?:\/\//);
    expect(seen.scripts).toBe(0);
  });

  it("has a section for every unit of report_totals, in the table of contents", () => {
    const units = new Map(views.totals.map((t) => [unitKey(t), t]));
    expect(units.size).toBeGreaterThan(10);
    for (const t of units.values()) {
      const section = unitSection(t);
      expect(section.heading).toContain(t.unit);
      expect(seen.toc).toContain(`#${section.id}`);
    }
    expect(seen.sections.filter((s) => s.kind === "unit")).toHaveLength(units.size);
  });

  it("draws each unit's totals and 三公 with the figures of the view, each year on the axis", () => {
    let bars = 0;
    for (const years of shownReports(views).values()) {
      const rows = [...years.values()];
      const section = unitSection(rows[0]!);
      const charts = { totals: chart(section, "totals"), sangong: chart(section, "sangong") };
      const series = {
        totals: { income: "income", expenditure: "expenditure", basic: "basic", project: "project" },
        sangong: { sangongBudget: "sangong_budget", sangongActual: "sangong_actual" },
      } as const;
      for (const kind of ["totals", "sangong"] as const) {
        const c = charts[kind];
        // Every year of the unit is a label on the axis, in order.
        const labels = c.texts.filter((t) => t.cls === "group-label").map((t) => t.text);
        expect(labels, `${section.id} ${kind}`).toEqual([...years.keys()].sort((a, b) => a - b).map(String));
        expect(c.bars).toHaveLength(years.size * Object.keys(series[kind]).length);
        const scale: number[] = [];
        for (const [key, column] of Object.entries(series[kind])) {
          for (const t of rows) {
            const bar = c.bars.find((b) => b.data["series"] === key && b.data["year"] === String(t.year));
            const expected = t[column as keyof Totals] as number | null;
            expect(bar, `${section.id} ${kind} ${key} ${t.year}`).toBeDefined();
            expect(bar!.data["report"]).toBe(String(t.report_id));
            expect(bar!.data["value"]).toBe(expected === null ? "" : String(expected));
            expect(bar!.title).toContain(`${t.year}`);
            if (expected !== null && expected > 0) {
              expect(bar!.title).toContain(`${new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 }).format(expected)} 万元`);
              scale.push(bar!.h / expected);
            }
            bars++;
          }
        }
        // Heights are proportional to the figures (one scale per chart).
        for (const s of scale) expect(Math.abs(s / scale[0]! - 1), `${section.id} ${kind}`).toBeLessThan(0.02);
      }
    }
    expect(bars).toBeGreaterThan(100);
  });

  it("shows the latest of two reports for one year, and says so", () => {
    const twice = views.totals.filter((t) => t.file.endsWith(REPUBLISHED));
    expect(twice).toHaveLength(2);
    const [first, latest] = [...twice].sort((a, b) => a.report_id - b.report_id) as [Totals, Totals];
    const section = unitSection(latest);
    const note = section.notes.find((n) => n.year === String(latest.year));
    expect(note?.text).toContain(`report ${latest.report_id}`);
    expect(note?.text).toContain(`report ${first.report_id}`);
    expect(note?.text).toContain("latest");
    const yearBars = chart(section, "totals").bars.filter((b) => b.data["year"] === String(latest.year));
    expect(yearBars.map((b) => b.data["report"])).toEqual(yearBars.map(() => String(latest.report_id)));
    // Only that unit and year has a note of the kind.
    expect(seen.sections.flatMap((s) => s.notes.filter((n) => n.year !== null))).toHaveLength(1);
  });

  it("charts each unit's classes by year from the shown reports", () => {
    for (const years of shownReports(views).values()) {
      const section = unitSection([...years.values()][0]!);
      const c = chart(section, "classes");
      for (const t of years.values()) {
        for (const line of views.classes.filter((l) => l.report_id === t.report_id)) {
          const bar = c.bars.find((b) => b.data["code"] === line.code && b.data["year"] === String(t.year));
          // A unit's chart shows its 8 biggest classes; the corpus' units have at most 8.
          expect(bar, `${section.id} ${line.code} ${t.year}`).toBeDefined();
          expect(bar!.data["value"]).toBe(line.total === null ? "" : String(line.total));
          expect(bar!.data["report"]).toBe(String(t.report_id));
        }
      }
      const legend = c.texts.filter((t) => t.cls === "").map((t) => t.text);
      const codes = new Set(views.classes.filter((l) => [...years.values()].some((t) => t.report_id === l.report_id)).map((l) => `${l.code} ${l.name}`));
      for (const name of codes) expect(legend, section.id).toContain(name);
    }
  });

  it("lists every unit that has a class in that class's chart, year by year, with the view's figures", () => {
    const shown = shownReports(views);
    const byCode = new Map<string, { unit: Totals; line: ClassLine }[]>();
    for (const years of shown.values()) {
      for (const t of years.values()) {
        for (const line of views.classes.filter((l) => l.report_id === t.report_id)) byCode.set(line.code, [...(byCode.get(line.code) ?? []), { unit: t, line }]);
      }
    }
    expect(byCode.size).toBeGreaterThan(5);
    expect(seen.sections.filter((s) => s.kind === "class").map((s) => s.id)).toEqual([...byCode.keys()].sort().map((c) => `class-${c}`));
    for (const [code, entries] of byCode) {
      const section = seen.sections.find((s) => s.id === `class-${code}`)!;
      expect(section.heading).toBe(`${code} ${entries.at(-1)!.line.name}`);
      const c = chart(section, "class");
      const expected = entries.map((e) => `${unitSection(e.unit).id}|${e.unit.year}|${e.line.total ?? ""}|${e.unit.report_id}`).sort();
      const drawn = c.bars.map((b) => `${b.data["unit"]}|${b.data["year"]}|${b.data["value"]}|${b.data["report"]}`).sort();
      expect(drawn, section.id).toEqual(expected);
      // Each unit is named, linked to its section; each year heads its block.
      const units = new Set(entries.map((e) => e.unit));
      for (const u of units) {
        const row = c.rows.find((r) => r.href === `#${unitSection(u).id}`);
        expect(row, `${section.id}: ${u.unit}`).toBeDefined();
        expect(u.unit!.startsWith(row!.text.replace(/…$/, ""))).toBe(true);
      }
      expect(c.texts.filter((t) => t.cls === "block-label").map((t) => t.text)).toEqual(
        [...new Set(entries.map((e) => e.unit.year!))].sort((a, b) => a - b).map(String),
      );
    }
  });

  it("lays out no two labels of a chart on top of each other, and every chart within the page", () => {
    const overlaps: string[] = [];
    for (const s of seen.sections) {
      for (const c of s.charts) {
        expect(c.box.x).toBeGreaterThanOrEqual(0);
        expect(c.box.x + c.box.w).toBeLessThanOrEqual(1280);
        const texts = c.texts.filter((t) => t.box.w > 0 && t.box.h > 0);
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i]!.box;
            const b = texts[j]!.box;
            const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
            const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
            if (w > 1 && h > 1) overlaps.push(`${s.id} ${c.chart}: '${texts[i]!.text}' and '${texts[j]!.text}'`);
          }
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it("renders to a screenshot that is not blank", () => {
    const png = path.join(work, "charts.png");
    chromium(["--window-size=1280,3000", `--screenshot=${png}`, `file://${htmlPath}`]);
    const bytes = fs.readFileSync(png);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.readUInt32BE(16)).toBe(1280); // IHDR width
    expect(bytes.length).toBeGreaterThan(100_000); // bars, axes and text, not an empty page
  });
});

describe("juesuan charts of units without a units row", () => {
  const row = (over: Partial<TotalsRow>): TotalsRow => ({
    report_id: 1,
    file: "a.pdf",
    unit_id: null,
    unit: "某某局",
    printed_name: "某某局",
    province: null,
    city: null,
    district: null,
    year: 2022,
    income: 10,
    expenditure: 9,
    basic: 6,
    project: 3,
    sangong_budget: 1,
    sangong_actual: null,
    ...over,
  });

  it("groups them by name, marked (unmatched), and leaves out reports without a year", () => {
    const model = buildModel({
      totals: [
        row({ report_id: 1 }),
        row({ report_id: 2, year: 2023, file: "b.pdf" }),
        row({ report_id: 3, year: null, file: "c.pdf" }),
        row({ report_id: 4, unit: "另一局", file: "d.pdf" }),
        row({ report_id: 5, unit_id: 7, unit: "某市某某局", file: "e.pdf" }),
      ],
      classes: [{ report_id: 2, unit_id: null, unit: "某某局", year: 2023, code: "201", name: "一般公共服务支出", total: 5, basic: 5, project: 0 }],
    });
    expect(model.units.map((u) => [u.name, u.matched, u.years])).toEqual([
      ["某市某某局", true, [2022]],
      ["另一局", false, [2022]],
      ["某某局", false, [2022, 2023]],
    ]);
    const unmatched = model.units[2]!;
    expect(unmatched.anchor).toMatch(/^unmatched-[0-9a-f]{8}$/);
    expect(unmatched.undated).toEqual([{ reportId: 3, file: "c.pdf" }]);
    expect(model.classes.map((c) => [c.code, c.units.map((u) => u.name)])).toEqual([["201", ["某某局"]]]);
    const html = [...chartsHtml({ db: "x.sqlite", generatedAt: "now", model })].join("");
    expect(html).toContain(`<section class="unit" id="${unmatched.anchor}" data-matched="false">`);
    expect(html).toContain(`某某局 <span class="unmatched">(unmatched)</span>`);
    expect(html).toContain("Not charted, no year read: report 3 (c.pdf)");
    // A figure not read is drawn as such, not as 0.
    expect(html).toMatch(/data-series="sangongActual" data-year="2022" data-report="1" data-value=""><title>某某局 2022 三公经费 决算: not read/);
  });
});

describe("juesuan charts when something is missing", () => {
  it("fails in one line for a missing database", async () => {
    const r = await juesuan("charts", "--db", path.join(os.tmpdir(), "juesuan-no-such.sqlite"), "--out", path.join(os.tmpdir(), "x.html"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^juesuan: Expected a juesuan database at .*juesuan-no-such\.sqlite, got no such file \(run juesuan ingest first\)\n$/);
  });

  it("asks for --out", async () => {
    const r = await juesuan("charts");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^juesuan: Expected --out FILE, the HTML page to write, got none \(see juesuan charts --help\)\n$/);
  });

  it("says so for a database without reports", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-charts-empty-"));
    try {
      const db = path.join(dir, "j.sqlite");
      open(db).close();
      const r = await juesuan("charts", "--db", db, "--out", path.join(dir, "c.html"));
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/^no report read in .*j\.sqlite: wrote a page that says so/);
      expect(fs.readFileSync(path.join(dir, "c.html"), "utf8")).toContain('id="no-reports"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
