// One eval run: ingest every corpus PDF (and the pinned real PDFs) through
// the real pipeline into a fresh database, read the reports back as the
// export would, and score them against their truth.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { Report } from "../../schemas/canonical.js";
import { storedPath } from "../pipeline/files.js";
import { ingestFiles } from "../pipeline/ingest.js";
import { open } from "../store/index.js";
import { groupFigures, type GroupFigures } from "./aggregate.js";
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
}

export interface EvalResult {
  readonly groups: GroupFigures[];
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
  const pdfs = [...new Set([...truths.map((t) => path.resolve(pdfOf(t.path))), ...goldens.map((g) => path.resolve(g.pdf))])];

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
    return { groups, reports, real, seconds: (performance.now() - started) / 1000, pages };
  } finally {
    store.close();
  }
}
