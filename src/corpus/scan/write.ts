// Scan jobs -> corpus/scans/<name>.pdf + <name>.truth.json. Each result is
// read back before it is written: same page count and page sizes as its
// source, and no page whose text layer extraction would still use (every
// page routes to OCR, or is blank) — a "garbled" report pdf.js can read is
// an error here, not a silently easy report in the eval.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { pageSize } from "../../source/canvas.js";
import { pageHealth, type PageHealth } from "../../source/health.js";
import { openPdf, readPage } from "../../source/pdf.js";
import { truthText } from "../generate.js";
import { seedOf } from "../rng.js";
import { degradedTruth, type TruthJson } from "../truth.js";
import { garblePdf } from "./garble.js";
import { pickScanParams, type ScanRecord } from "./params.js";
import { scanPdf } from "./scan-pdf.js";
import type { ScanJob } from "./selection.js";

export const SCANS_DIR = "corpus/scans";

/** What a truth file says of where its tables are. */
const TablePages = z.object({ tables: z.array(z.object({ pages: z.array(z.number().int().positive()) })) });

export interface ScanRun {
  /** Repo root: job sources and outDir are relative to it. */
  readonly root: string;
  readonly jobs: readonly ScanJob[];
  readonly outDir?: string;
  /** Mixed with each output's name into its own seed. */
  readonly seed?: number;
}

export interface WrittenScan {
  readonly pdfPath: string;
  readonly truthPath: string;
  readonly pages: number;
  readonly scan: ScanRecord | null;
  readonly garbled: boolean;
  readonly health: readonly PageHealth[];
}

export function outputName(job: ScanJob): string {
  const base = path.basename(job.source).replace(/\.pdf$/i, "");
  return job.kind === "scan" ? `${base}-scan${job.dpi}` : job.keep ? `${base}-garbled-mixed` : `${base}-garbled`;
}

interface Checked {
  readonly health: PageHealth[];
  readonly producer: string | null;
}

/**
 * Reads `pdf` back: page sizes against the source's, and every page's route.
 * `tablePages`: only these must route to OCR (fonts kept intact may leave others readable).
 */
async function check(name: string, source: Uint8Array, pdf: Uint8Array, tablePages?: ReadonlySet<number>): Promise<Checked> {
  const [a, b] = [await openPdf(source), await openPdf(pdf)];
  try {
    if (a.pageCount !== b.pageCount) throw new Error(`${name}: ${b.pageCount} pages, the source has ${a.pageCount}`);
    const health: PageHealth[] = [];
    for (let n = 1; n <= a.pageCount; n++) {
      const [sa, sb] = [await pageSize(a.doc, n), await pageSize(b.doc, n)];
      if (Math.abs(sa.width - sb.width) > 0.01 || Math.abs(sa.height - sb.height) > 0.01)
        throw new Error(`${name}: page ${n} is ${sb.width}×${sb.height} pt, the source's ${sa.width}×${sa.height}`);
      health.push(pageHealth(await readPage(b.doc, n)));
    }
    const readable = health.filter((h) => h.route === "text" && (tablePages?.has(h.page) ?? true));
    if (readable.length > 0)
      throw new Error(`${name}: pages ${readable.map((h) => `${h.page} (score ${h.score})`).join(", ")} still read as text: this PDF's fonts can be read without ToUnicode`);
    return { health, producer: b.producer };
  } finally {
    await a.doc.destroy();
    await b.doc.destroy();
  }
}

export async function writeScan(run: ScanRun, job: ScanJob): Promise<WrittenScan> {
  const outDir = run.outDir ?? SCANS_DIR;
  const sourcePdf = path.join(run.root, job.source);
  const sourceTruth = sourcePdf.replace(/\.pdf$/i, ".truth.json");
  if (!existsSync(sourcePdf) || !existsSync(sourceTruth))
    throw new Error(`${job.source}: the PDF or its truth is missing (corpus/generated/ is made by npm run corpus)`);
  const source = new Uint8Array(await readFile(sourcePdf));
  const truth = JSON.parse(await readFile(sourceTruth, "utf8")) as TruthJson;
  const name = outputName(job);
  let pdf: Uint8Array;
  let scan: ScanRecord | null = null;
  if (job.kind === "scan") {
    const seed = seedOf(`${run.seed ?? 1}:${name}`);
    const scanned = await scanPdf(source, pickScanParams(job.dpi, seed));
    pdf = scanned.pdf;
    scan = scanned.record;
  } else {
    pdf = garblePdf(source, job.keep === undefined ? undefined : new RegExp(job.keep)).pdf;
  }
  const tablePages = job.kind === "garble" && job.keep !== undefined ? new Set(TablePages.parse(truth).tables.flatMap((t) => t.pages)) : undefined;
  const { health, producer } = await check(name, source, pdf, tablePages);
  const pdfPath = path.posix.join(outDir, `${name}.pdf`);
  const truthPath = path.posix.join(outDir, `${name}.truth.json`);
  const json = degradedTruth(truth, pdfPath, pdf, producer, { scan, garbled: job.kind === "garble" });
  await mkdir(path.join(run.root, outDir), { recursive: true });
  await writeFile(path.join(run.root, pdfPath), pdf);
  await writeFile(path.join(run.root, truthPath), truthText(json));
  return { pdfPath, truthPath, pages: health.length, scan, garbled: job.kind === "garble", health };
}

export async function writeScans(run: ScanRun, log: (line: string) => void = () => undefined): Promise<WrittenScan[]> {
  const out: WrittenScan[] = [];
  for (const job of run.jobs) {
    const w = await writeScan(run, job);
    log(describe(w));
    out.push(w);
  }
  return out;
}

/** One line: the file, how it was degraded, and how its pages route. */
export function describe(w: WrittenScan): string {
  const scores = w.health.map((h) => h.score);
  const ocr = w.health.filter((h) => h.route === "ocr").length;
  const how = w.scan
    ? `${w.scan.dpi} dpi, skew ${w.scan.skew}°, ${w.scan.noise.kind} ${w.scan.noise.amount}, jpeg ${w.scan.jpeg}, grey ${w.scan.grey}`
    : "fonts without ToUnicode";
  return `${w.pdfPath} (${w.pages} pages; ${how}): ${ocr}/${w.pages} pages route to OCR, text scores ${Math.min(...scores)}–${Math.max(...scores)}`;
}
