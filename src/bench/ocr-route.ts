// juesuan's whole OCR route against native tesseract on the same page images:
// two scanned reports (seed pages scanned as the scan corpus scans them) read
// by `juesuan ingest` with two readers, its CPU seconds per OCR page and its
// peak RSS; then native tesseract, one process a page, on those pages as the
// route prepares them (straightened, rulings erased). The route reads every
// page once and its doubtful cells and figures again, so it costs more than
// one native pass: the ratio says how much. GNU time measures both alike
// (scripts/bench.sh installs it with tesseract).
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { pickScanParams } from "../corpus/scan/params.js";
import { scanPdf } from "../corpus/scan/scan-pdf.js";
import { openPdf } from "../source/pdf.js";
import { NATIVE_ARGS } from "./native-tesseract.js";
import { writePageImages } from "./pages.js";
import type { OcrRouteBench, Usage } from "./result.js";

const run = promisify(execFile);
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../cli/main.js");
/** GNU time's line: wall seconds, user and system CPU seconds, peak RSS in KB. */
const FORMAT = "juesuan-bench-usage %e %U %S %M";
const USAGE = /juesuan-bench-usage ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/;

/** One command under GNU time: its wall and CPU seconds and its peak RSS. */
async function measured(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Usage> {
  const { stderr } = await run("/usr/bin/time", ["-f", FORMAT, command, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }).catch((err: unknown) => {
    const e = err as { code?: string; stderr?: string; message?: string };
    if (e.code === "ENOENT") throw new Error("GNU time (/usr/bin/time) is not installed: run `npm run bench` (scripts/bench.sh installs it)");
    throw new Error(`${command} failed: ${(e.stderr ?? e.message ?? "").slice(-500)}`);
  });
  const m = USAGE.exec(stderr);
  if (!m) throw new Error(`no usage line from GNU time: ${stderr.slice(-200)}`);
  return { seconds: Number(m[1]), cpuSeconds: Number(m[2]) + Number(m[3]), peakRssMb: Number(m[4]) / 1024 };
}

export interface OcrRouteOptions {
  readonly pdf: string;
  readonly from: number;
  /** Pages per scanned report (two reports). */
  readonly pages: number;
  readonly dir: string;
  readonly log: (line: string) => void;
}

export async function measureOcrRoute({ pdf, from, pages, dir, log }: OcrRouteOptions): Promise<OcrRouteBench> {
  const source = new Uint8Array(readFileSync(pdf));
  const { pageCount, doc } = await openPdf(source);
  await doc.destroy();
  const pick = (k: number): number[] => Array.from({ length: pages }, (_, i) => ((from - 1 + k * pages + i) % pageCount) + 1);
  const params = pickScanParams(200, 1);
  const scans: string[] = [];
  for (const [k, name] of ["a", "b"].entries()) {
    const file = path.join(dir, `scan-${name}.pdf`);
    writeFileSync(file, (await scanPdf(source, params, { pages: pick(k) })).pdf);
    scans.push(file);
  }
  log(`OCR route: 2 scans of ${pages} pages of ${pdf} (200 dpi, skew ${params.skew.toFixed(2)}°), read by juesuan ingest with 2 readers`);
  const db = path.join(dir, "route.sqlite");
  const juesuan = await measured(process.execPath, [CLI, "ingest", ...scans, "--db", db, "--jobs", "2"]);
  const ocrPages = 2 * pages;
  log(`juesuan: ${ocrPages} OCR pages in ${juesuan.seconds.toFixed(1)} s, ${(juesuan.cpuSeconds / ocrPages).toFixed(2)} CPU s a page, peak ${juesuan.peakRssMb.toFixed(0)} MB`);

  const images: string[] = [];
  for (const [k, file] of scans.entries()) {
    const imgDir = path.join(dir, `route-${k}`);
    mkdirSync(imgDir, { recursive: true });
    images.push(...(await writePageImages(file, 1, pages, imgDir)).images.map((i) => i.file));
  }
  const native: Usage[] = [];
  for (const image of images) native.push(await measured("tesseract", [image, path.join(dir, "native-out"), ...NATIVE_ARGS], { OMP_THREAD_LIMIT: "1" }));
  const nativePerPage = native.reduce((a, u) => a + u.cpuSeconds, 0) / native.length;
  const nativePeak = Math.max(...native.map((u) => u.peakRssMb));
  log(`native tesseract: ${nativePerPage.toFixed(2)} CPU s a page (one process a page, model load included), peak ${nativePeak.toFixed(0)} MB`);
  return {
    pdf,
    scanDpi: params.dpi,
    reports: 2,
    readers: 2,
    ocrPages,
    juesuan,
    cpuPerOcrPage: juesuan.cpuSeconds / ocrPages,
    native: { pages: native.length, cpuPerPage: nativePerPage, peakRssMb: nativePeak },
  };
}
