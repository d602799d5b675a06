// The reports of producers juesuan does not control, as committed under
// corpus/chromium/ and corpus/calc/ (no Chromium or soffice needed): each is
// the program's PDF its truth describes (hash, pages, Producer), made from
// the source the plan gives now, and prints each table's title on the
// truth's first page and every truth figure on the table's pages; the eval
// reads them (a slice) and breaks them down by producer and font. The
// producers' own layouts are checked on what they write before the program
// runs: the Word-like variant repeats the title and 部门/单位 line with the
// header, and Calc's pages never overflow and one figure overruns its column.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ExportLine, type Report } from "../schemas/canonical.js";
import { printAmount } from "../src/corpus/compose/number-format.js";
import { buildSource } from "../src/corpus/plan.js";
import { planProducers } from "../src/corpus/plan-producers.js";
import { budgetOf, layoutWorkbook } from "../src/corpus/producers/calc/document.js";
import { CALC_DIR } from "../src/corpus/producers/calc/index.js";
import { buildHtml } from "../src/corpus/producers/chromium/html.js";
import { CHROMIUM_DIR } from "../src/corpus/producers/chromium/index.js";
import { sourceDigest } from "../src/corpus/producers/digest.js";
import { norm } from "../src/corpus/producers/readback.js";
import { sha256 } from "../src/corpus/truth.js";
import { Variant } from "../src/corpus/variant.js";
import { loadIndependent } from "../src/eval/independent.js";
import { ensureDebianFonts } from "./support/debian-fonts.js";
import { runEval, type EvalResult } from "../src/eval/run.js";
import { violations } from "./support/identities.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const INDEPENDENT = path.resolve(ROOT, "../shared/independent");
const DIRS = { chromium: CHROMIUM_DIR, calc: CALC_DIR } as const;
const plan = planProducers(1);

interface Committed {
  readonly id: string;
  readonly dir: string;
  readonly truth: Report;
  readonly raw: Record<string, unknown>;
  readonly variant: Variant;
  readonly bytes: Uint8Array;
  readonly producer: string;
  /** The Info dictionary's Creator: LibreOffice names the application (Calc). */
  readonly creator: string;
  /** Each page's text, as the read-back compares it (normalized, no whitespace). */
  readonly pages: readonly string[];
}

async function readPdf(bytes: Uint8Array): Promise<{ producer: string; creator: string; pages: string[] }> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(norm(content.items.map((i) => ("str" in i ? (i as TextItem).str : "")).join("")));
  }
  await doc.destroy();
  const str = (k: string): string => (typeof info[k] === "string" ? info[k] : "");
  return { producer: str("Producer"), creator: str("Creator"), pages };
}

const committed: Committed[] = [];

beforeAll(async () => {
  for (const dir of Object.values(DIRS)) {
    for (const f of readdirSync(path.join(ROOT, dir)).filter((x) => x.endsWith(".truth.json")).sort()) {
      const raw = JSON.parse(readFileSync(path.join(ROOT, dir, f), "utf8")) as Record<string, unknown>;
      const truth = ExportLine.parse(raw);
      const bytes = new Uint8Array(readFileSync(path.join(ROOT, truth.file)));
      const { producer, creator, pages } = await readPdf(bytes);
      committed.push({ id: f.replace(/\.truth\.json$/, ""), dir, truth, raw, variant: Variant.parse(raw["variant"]), bytes, producer, creator, pages });
    }
  }
}, 120_000);

describe("the producers' planned reports", () => {
  it("cover each producer in at least four fonts, every font twice, and the layouts issue 17 names", () => {
    const count = (f: (v: Variant) => boolean) => plan.filter((e) => f(e.variant)).length;
    for (const p of ["chromium", "calc"] as const) expect(new Set(plan.filter((e) => e.variant.producer === p).map((e) => e.variant.font)).size, p).toBeGreaterThanOrEqual(4);
    for (const font of Variant.shape.font.unwrap().options) expect(count((v) => v.font === font), font).toBeGreaterThanOrEqual(2);
    expect(count((v) => v.t7 === "tall")).toBeGreaterThanOrEqual(4);
    expect(count((v) => v.template === "university")).toBeGreaterThanOrEqual(2);
    expect(count((v) => v.split === "repeat-title")).toBeGreaterThanOrEqual(4);
    expect(count((v) => v.codes === "split")).toBeGreaterThanOrEqual(2);
    expect(count((v) => v.line_numbers === true)).toBeGreaterThanOrEqual(2);
    expect(count((v) => v.unit === "元")).toBeGreaterThanOrEqual(4);
    for (const zero of ["-", "0.00"] as const) expect(count((v) => v.zero === zero), zero).toBeGreaterThanOrEqual(2);
    for (const o of ["landscape", "portrait"] as const) expect(count((v) => v.orientation === o), o).toBeGreaterThanOrEqual(2);
  });

  it("build sources whose identities hold exactly before faults (the university's own lines too)", () => {
    for (const e of plan) {
      const { source, extras } = buildSource({ ...e, faults: [] });
      expect(violations(source.tables, extras.claims).map((v) => v.key), e.id).toEqual([]);
      if (e.variant.template === "university") expect(source.tables.map((t) => t.id)).toEqual(["T1", "T2", "T3", "T5"]);
    }
  });
});

describe("Chromium and Calc reports (corpus/chromium, corpus/calc)", () => {
  it("are committed for every plan entry of those producers, made from the source the plan gives now", () => {
    expect(committed.map((c) => c.id).sort()).toEqual(plan.map((e) => e.id).sort());
    for (const e of plan) {
      const c = committed.find((x) => x.id === e.id);
      const generator = c?.raw["generator"] as { source_sha256?: string } | undefined;
      expect(generator?.source_sha256, e.id).toBe(sourceDigest(buildSource(e).source, e.variant));
      expect(c?.dir, e.id).toBe(DIRS[e.variant.producer as keyof typeof DIRS]);
    }
  });

  it("are the programs' PDFs their truths describe, recording producer and font", () => {
    for (const c of committed) {
      if (c.variant.producer === "chromium") expect(c.producer, c.id).toMatch(/^Skia\/PDF/);
      else expect([c.producer, c.creator], c.id).toEqual([expect.stringMatching(/^LibreOffice \d/), "Calc"]);
      expect(c.truth.producer, c.id).toBe(c.producer);
      expect(c.truth.file, c.id).toBe(`${c.dir}/${c.id}.pdf`);
      expect(c.truth.sha256, c.id).toBe(sha256(c.bytes));
      expect(c.truth.page_count, c.id).toBe(c.pages.length);
      expect(c.variant.font, c.id).toBeDefined();
      expect(c.variant.rotated, c.id).toBe(false);
      expect(c.variant.glyphs, c.id).toBe("runs");
    }
  });

  it("print each table's title on the first of the truth's pages, and every truth figure on the table's pages", () => {
    let checked = 0;
    for (const c of committed) {
      let last = 0;
      for (const t of c.truth.tables) {
        const first = t.pages[0] ?? 0;
        expect(first, `${c.id} ${t.id}`).toBeGreaterThan(last);
        expect(c.pages[first - 1], `${c.id} ${t.id}`).toContain(norm(t.title ?? ""));
        const text = t.pages.map((p) => c.pages[p - 1] ?? "").join("");
        // The Word-like variant prints the title again on every page the table's rows run onto.
        const figures = t.cells.flatMap((cell) => (cell.value === null ? [] : [norm(printAmount(cell.value, c.variant))])).filter((f) => f.length >= 4);
        if (c.variant.split === "repeat-title") {
          for (const p of t.pages) if (figures.some((f) => c.pages[p - 1]?.includes(f))) expect(c.pages[p - 1], `${c.id} ${t.id} p${p}`).toContain(norm(t.title ?? ""));
        }
        for (const cell of t.cells) {
          const printed = cell.value === null ? "" : printAmount(cell.value, c.variant);
          if (printed === "") continue;
          expect(text.includes(norm(printed)), `${c.id} ${t.id} ${cell.row}/${cell.col} = ${printed}`).toBe(true);
          checked++;
        }
        last = t.pages[t.pages.length - 1] ?? 0;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  it("write Chromium's text layer with the Noto CJK fonts as real reports have it: radicals for some ideographs", async () => {
    const c = committed.find((x) => x.variant.producer === "chromium" && x.variant.font === "Noto Sans CJK SC");
    const doc = await pdfjs.getDocument({ data: c!.bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
    const content = await (await doc.getPage(c!.truth.tables[0]!.pages[0]!)).getTextContent();
    await doc.destroy();
    expect(content.items.map((i) => ("str" in i ? (i as TextItem).str : "")).join("")).toMatch(/[\u2E80-\u2FDF]/u);
  });
});

describe("the producers' layouts, before the program runs", () => {
  const entry = (f: (v: Variant) => boolean) => plan.find((e) => f(e.variant))!;
  // Calc's layout measures figures in the report's own font, from Debian's files.
  beforeAll(() => ensureDebianFonts(), 600_000);

  it("Chromium: a Word-like report's <thead> holds the title and 部门/单位 line above the header; a repeat-header one only the header", () => {
    const word = entry((v) => v.producer === "chromium" && v.split === "repeat-title");
    const { source } = buildSource(word);
    const doc = buildHtml(source, word.variant, { folio: "dashed" });
    const t1 = source.tables[0]!;
    const thead = /<thead>(.*?)<\/thead>/s.exec(doc.html)?.[1] ?? "";
    expect(thead).toContain(t1.title);
    expect(thead).toContain(source.table_caption.left);
    expect(doc.tables[0]?.repeated).toEqual([t1.title, source.table_caption.left, source.table_caption.right]);
    const plain = entry((v) => v.producer === "chromium" && v.split === "repeat-header");
    const other = buildHtml(buildSource(plain).source, plain.variant, { folio: "dashed" });
    const head = /<thead>(.*?)<\/thead>/s.exec(other.html)?.[1] ?? "";
    expect(head).not.toContain(buildSource(plain).source.tables[0]!.title);
    expect(head).toContain("行次");
  });

  it("Calc: no page holds more rows than it has room for, print titles repeat the title rows where the variant asks, and one figure overruns its column", () => {
    let overruns = 0;
    for (const e of plan.filter((x) => x.variant.producer === "calc")) {
      const layout = layoutWorkbook(buildSource(e).source, e.variant);
      for (const sheet of layout.sheets) {
        const [from, to] = sheet.repeat ?? [0, 0];
        const repeated = sheet.rows.slice(from, to).reduce((s, r) => s + r.height, 0);
        let used = 0;
        sheet.rows.forEach((r, i) => {
          if (r.breakBefore) used = i >= to && to > from ? repeated : 0;
          used += r.height;
          expect(used, `${e.id} ${sheet.name} row ${i}`).toBeLessThanOrEqual(budgetOf(sheet.master) + 1e-6);
        });
        if (e.variant.split === "repeat-title" && sheet.name.startsWith("表")) expect(sheet.rows[from]?.cells[0]?.text, `${e.id} ${sheet.name}`).toMatch(/表|决算/);
      }
      if (layout.overrun) overruns++;
    }
    expect(overruns).toBeGreaterThanOrEqual(3);
  });
});

describe("npm run eval on the producers' reports (a slice)", () => {
  let result: EvalResult;
  beforeAll(async () => {
    // One report of each producer, copied beside each other: what the eval reads is the PDF beside its truth.
    const tmp = mkdtempSync(path.join(os.tmpdir(), "juesuan-producers-"));
    const pick = [committed.find((c) => c.variant.producer === "chromium")!, committed.find((c) => c.variant.producer === "calc")!];
    for (const c of pick) {
      copyFileSync(path.join(ROOT, c.dir, `${c.id}.pdf`), path.join(tmp, `${c.id}.pdf`));
      copyFileSync(path.join(ROOT, c.dir, `${c.id}.truth.json`), path.join(tmp, `${c.id}.truth.json`));
    }
    result = await runEval({ corpusDirs: [tmp], dbPath: path.join(tmp, "eval.sqlite") });
  }, 300_000);

  it("scores both, each in its producer's and its font's group, apart from our own producers", () => {
    expect(result.reports.length).toBe(2);
    expect(result.own.reports).toBe(0);
    expect(result.others?.reports).toBe(2);
    const names = result.groups.map((g) => g.group);
    for (const r of result.reports) {
      expect(names).toContain(`producer=${r.variant.producer}`);
      expect(names).toContain(`font=${r.variant.font}`);
    }
    for (const r of result.reports) {
      expect(r.kindOk, r.file).toBe(true);
      expect(r.tables.correct, r.file).toBe(r.tables.truth);
      // What extraction reads of them today; a regression fails.
      expect(r.cells.exact / r.cells.truth, r.file).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe.skipIf(!existsSync(INDEPENDENT))("the independent set (../shared/independent)", () => {
  it("is read from its own truth format: standard tables, injected errors with the places that catch them, producer and font", async () => {
    const cases = await loadIndependent(INDEPENDENT);
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) {
      expect(c.truth.report.tables.every((t) => /^T[1-9]$/.test(t.id)), c.truth.path).toBe(true);
      expect(c.truth.report.tables.reduce((n, t) => n + t.cells.length, 0), c.truth.path).toBeGreaterThan(100);
      expect(c.font, c.truth.path).not.toBe("unknown");
      expect(c.producer, c.truth.path).not.toBe("unknown");
    }
    const injected = cases.flatMap((c) => c.truth.errors);
    expect(injected.length).toBeGreaterThanOrEqual(2);
    for (const e of injected) expect(e.accept?.length).toBeGreaterThan(0);
  });
});
