// One eval run: ingest every corpus PDF (and the pinned real PDFs) through
// the real pipeline into a fresh database, read the reports back as the
// export would, and score them against their truth.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { Report } from "../../schemas/canonical.js";
import { storedPath } from "../pipeline/files.js";
import { ingestFiles } from "../pipeline/ingest.js";
import { open } from "../store/index.js";
import { figures, groupFigures, type GroupFigures } from "./aggregate.js";
import { loadIndependent } from "./independent.js";
import { loadGoldens, scoreGolden, type RealScore } from "./real.js";
import { scoreReport, type ReportScore } from "./score.js";
import { findTruthFiles, loadTruth, type Truth } from "./truth.js";

export interface EvalOptions {
  /** Folders searched for *.truth.json (the PDF sits beside its truth). */
  readonly corpusDirs: readonly string[];
  /** test/golden: pinned tables of real PDFs; their PDFs are read when present. */
  readonly goldenDir?: string;
  readonly dbPath: string;
  readonly jobs?: number;
  /** Score only the first N truth files (a slice, for tests). */
  readonly only?: number;
  /** Read pages without a usable text layer by OCR (the scanned and garbled corpus, corpus/scans/). */
  readonly ocr?: boolean;
  /** ../shared/independent: reports of producers we do not control, with a truth of their own format; scored apart. Skipped when absent. */
  readonly independentDir?: string;
}

/** The producers whose reports are juesuan's own corpus: the summary line is theirs. */
export const OWN_PRODUCERS: ReadonlySet<string> = new Set(["pdfkit", "libreoffice"]);

export interface IndependentResult {
  readonly dir: string;
  /** "all", then per producer and per font, as its truths name them. */
  readonly groups: GroupFigures[];
  readonly reports: (ReportScore & { producer: string; font: string })[];
}

export interface EvalResult {
  readonly groups: GroupFigures[];
  /** The reports of our own producers (pdfkit, LibreOffice Writer): what the summary line states. */
  readonly own: GroupFigures;
  /** The reports of the producers we do not control (Chromium, Calc), when the corpus has any. */
  readonly others?: GroupFigures;
  readonly independent?: IndependentResult;
  readonly reports: (ReportScore & { variant: Truth["variant"]; degradation?: Truth["degradation"] })[];
  readonly real: RealScore[];
  readonly seconds: number;
  readonly pages: number;
}

const pdfOf = (truthPath: string): string => truthPath.replace(/\.truth\.json$/, ".pdf");

export async function runEval(o: EvalOptions): Promise<EvalResult> {
  const started = performance.now();
  const truthFiles = (await Promise.all(o.corpusDirs.filter(existsSync).map(findTruthFiles))).flat();
  const truths = await Promise.all(truthFiles.slice(0, o.only ?? truthFiles.length).map(loadTruth));
  const goldens = o.goldenDir ? (await loadGoldens(o.goldenDir)).filter((g) => existsSync(g.pdf)) : [];
  const independent = o.independentDir && existsSync(o.independentDir) ? await loadIndependent(o.independentDir) : [];
  const pdfs = [
    ...new Set([...truths.map((t) => path.resolve(pdfOf(t.path))), ...goldens.map((g) => path.resolve(g.pdf)), ...independent.map((c) => path.resolve(pdfOf(c.truth.path)))]),
  ];

  rmSync(o.dbPath, { force: true });
  rmSync(`${o.dbPath}-wal`, { force: true });
  rmSync(`${o.dbPath}-shm`, { force: true });
  const store = open(o.dbPath);
  let pages = 0;
  try {
    for await (const r of ingestFiles(pdfs, store, { jobs: o.jobs, ocr: o.ocr ?? false })) pages += r.pages;
    const byFile = new Map<string, Report>(store.loadReports().map((r) => [r.file, r]));
    const got = (abs: string): Report | undefined => byFile.get(storedPath(path.resolve(abs)));
    // A degraded report carries how (a text-layer one nothing, so its figures and eval.json stay as they were).
    const degraded = (t: Truth): boolean => t.degradation.scan !== null || t.degradation.garbled;
    const reports = truths.map((t) => ({ ...scoreReport(t, got(pdfOf(t.path))), variant: t.variant, ...(degraded(t) ? { degradation: t.degradation } : {}) }));
    const real = goldens.map((g) => scoreGolden(g, got(g.pdf)));
    const groups = groupFigures(reports.map((r) => ({ score: r, variant: r.variant, degradation: r.degradation })));
    const own = figures("own producers", reports.filter((r) => OWN_PRODUCERS.has(r.variant.producer)));
    const otherReports = reports.filter((r) => !OWN_PRODUCERS.has(r.variant.producer));
    const scoredIndependent = independent.map((c) => ({ ...scoreReport(c.truth, got(pdfOf(c.truth.path))), producer: c.producer, font: c.font }));
    const by = (key: "producer" | "font"): GroupFigures[] =>
      [...new Set(scoredIndependent.map((r) => r[key]))].sort().map((v) => figures(`${key}=${v}`, scoredIndependent.filter((r) => r[key] === v)));
    return {
      groups,
      own,
      ...(otherReports.length ? { others: figures("other producers", otherReports) } : {}),
      ...(o.independentDir && independent.length
        ? { independent: { dir: o.independentDir, groups: [figures("all", scoredIndependent), ...by("producer"), ...by("font")], reports: scoredIndependent } }
        : {}),
      reports,
      real,
      seconds: (performance.now() - started) / 1000,
      pages,
    };
  } finally {
    store.close();
  }
}
