// juesuan review: the findings of a database as one HTML page, each with the
// region of the PDF page it is about and the cells involved outlined.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { writeFileAtomically } from "../export/write.js";
import { oneLine } from "../pipeline/one-line.js";
import { openDatabase } from "../store/open.js";
import { reviewHtml, type Figure, type RenderedFinding, type RenderedReport } from "./html.js";
import { readReview, type ReviewData, type ReviewFinding, type ReviewReport } from "./query.js";
import { outlinesBox, pagesOf, regionsFor, type PageSize } from "./region.js";
import { openPages, type PdfPages } from "./render.js";

export interface ReviewOptions {
  readonly db: string;
  readonly out: string;
  /** Where relative report paths are resolved: ingest stores them relative to its working directory. */
  readonly cwd?: string;
}

export interface ReviewSummary {
  readonly reportCount: number;
  readonly reports: number;
  readonly findings: number;
  readonly images: number;
  /** Findings whose page image could not be drawn. */
  readonly unavailable: number;
  /** Size of the HTML file written. */
  readonly bytes: number;
  readonly seconds: number;
}

export async function writeReview(options: ReviewOptions): Promise<ReviewSummary> {
  const started = performance.now();
  const db = openDatabase(options.db, { mustExist: true });
  let data: ReviewData;
  try {
    data = readReview(db);
  } finally {
    db.close();
  }
  const cwd = options.cwd ?? process.cwd();
  const reports: RenderedReport[] = [];
  for (const report of data.reports) reports.push(await renderReport(report, cwd));

  const pieces = [...reviewHtml({ db: options.db, generatedAt: new Date().toISOString(), reportCount: data.reportCount, reports })];
  await writeFileAtomically(options.out, pieces);
  const findings = reports.flatMap((r) => r.findings);
  return {
    reportCount: data.reportCount,
    reports: reports.length,
    findings: findings.length,
    images: findings.reduce((n, f) => n + f.figures.length, 0),
    unavailable: findings.filter((f) => f.unavailable !== null).length,
    bytes: pieces.reduce((n, p) => n + Buffer.byteLength(p), 0),
    seconds: (performance.now() - started) / 1000,
  };
}

async function renderReport(report: ReviewReport, cwd: string): Promise<RenderedReport> {
  let pages: PdfPages | null = null;
  let reason = "";
  try {
    pages = await openReportPdf(path.resolve(cwd, report.file), report.sha256);
  } catch (err) {
    reason = oneLine(err);
  }
  try {
    const findings: RenderedFinding[] = [];
    for (const finding of report.findings) {
      findings.push(pages === null ? unavailable(finding, reason) : await renderFinding(finding, report, pages));
    }
    return { report, findings };
  } finally {
    await pages?.close();
  }
}

/** A finding with nothing to locate needs no image, so nothing is missing. */
function unavailable(finding: ReviewFinding, reason: string): RenderedFinding {
  return { finding, figures: [], unavailable: pagesOf(finding.targets).length > 0 ? reason : null };
}

async function renderFinding(finding: ReviewFinding, report: ReviewReport, pages: PdfPages): Promise<RenderedFinding> {
  const located = pagesOf(finding.targets);
  if (located.length === 0) {
    const stored = finding.targets.some((t) => t.cells.length > 0);
    return { finding, figures: [], unavailable: stored ? "no cell of this finding has a stored position" : null };
  }
  try {
    const sizes = new Map<number, PageSize>();
    for (const page of located) sizes.set(page, await pages.size(page));
    const regions = regionsFor(finding.targets, report.tableBoxes, (page) => sizes.get(page) ?? { width: 0, height: 0 });
    const figures: Figure[] = [];
    for (const region of regions) figures.push({ region, image: await pages.crop(region.page, region.rect, outlinesBox(region)) });
    return { finding, figures, unavailable: null };
  } catch (err) {
    return unavailable(finding, oneLine(err));
  }
}

async function openReportPdf(absPath: string, sha256: string): Promise<PdfPages> {
  const bytes = await fs.readFile(absPath).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${absPath} (${err.code ?? oneLine(err)})`);
  });
  // Boxes are only right for the file that was ingested, not for whatever now sits at its path.
  if (createHash("sha256").update(bytes).digest("hex") !== sha256) {
    throw new Error(`${absPath} is not the file that was ingested (its sha256 differs): ingest it again`);
  }
  return openPages(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
