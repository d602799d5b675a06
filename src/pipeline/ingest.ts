// The batch: files are read and hashed here, largest first, those already
// stored are skipped, and the rest are fed through p-queue to reader threads
// (reader-pool.ts), at most `jobs` at once and `jobs` more waiting, so memory
// is bounded by the files in flight, not by the batch. Each report is stored
// as soon as it is read, in one transaction (the database has one writer:
// this thread), and results are yielded in the order files finish. Which of
// two identical files is stored is decided here, in the order given, so a
// run killed half-way and started again ends as an uninterrupted run does.
import fs from "node:fs/promises";
import os from "node:os";
import PQueue from "p-queue";
import type { Report } from "../../schemas/canonical.js";
import type { SaveOutcome, Store, StoredReport } from "../store/index.js";
import { storedPath } from "./files.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { oneLine } from "./one-line.js";
import { failedReport, readFileBytes } from "./process-file.js";
import { ReaderPool } from "./reader-pool.js";

export interface IngestOptions {
  /** Files read at once, each by its own thread. Default: os.availableParallelism(). */
  readonly jobs?: number;
  /** Read pages without a usable text layer by OCR (experimental). */
  readonly ocr?: boolean;
  /** Read files whose content is already stored under their path again. */
  readonly force?: boolean;
  readonly limits?: Partial<Limits>;
  /** A page of a file was read (progress). */
  readonly onPage?: (file: string, page: number, pages: number) => void;
}

export interface IngestResult {
  readonly file: string;
  /**
   * `ok`/`failed` as stored; `duplicate`: the same content is stored under
   * another path; `skipped`: this content is already stored under this path
   * (not read again without --force); `unreadable`: the file could not be
   * read, so there is nothing to hash or store.
   */
  readonly status: "ok" | "failed" | "duplicate" | "skipped" | "unreadable";
  /** Why it failed, which file it duplicates, or what is stored; null when ok. */
  readonly reason: string | null;
  readonly unit: string | null;
  readonly year: number | null;
  /** Tables stored, in report order. */
  readonly tableIds: readonly string[];
  readonly cells: number;
  /** Pages read by this run (0 when the PDF was not opened). */
  readonly pages: number;
  /** Of those, the pages read by OCR (no usable text layer). */
  readonly ocrPages: number;
}

export async function* ingestFiles(absPaths: readonly string[], store: Store, options: IngestOptions = {}): AsyncGenerator<IngestResult> {
  const cores = Math.max(1, os.availableParallelism());
  const jobs = options.jobs ?? cores;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // The cores are shared among the files read at once; one file alone gets them all for OCR.
  const ocrWorkers = Math.max(1, Math.floor(cores / Math.max(1, Math.min(jobs, absPaths.length))));
  const pool = new ReaderPool({ size: jobs, stallSeconds: limits.stallSeconds, heapMb: limits.heapMb, setup: { ocrWorkers } });
  const queue = new PQueue({ concurrency: jobs });
  const readOptions = { ocr: options.ocr ?? false, maxPages: limits.maxPages, maxOcrPixels: limits.maxOcrPixels };

  const ready: IngestResult[] = [];
  let wake: (() => void) | null = null;
  let stopped = false;
  let failure: { error: unknown } | null = null;
  const push = (r: IngestResult): void => {
    ready.push(r);
    wake?.();
  };
  const fail = (error: unknown): void => {
    failure ??= { error };
    stopped = true;
    wake?.();
  };

  const feed = async (): Promise<void> => {
    const firstOf = new Map<string, string>(); // sha256 -> the file of this batch that has it
    for (const abs of await largestFirst(absPaths)) {
      await queue.onSizeLessThan(jobs);
      if (stopped) return;
      const file = storedPath(abs);
      let read: { bytes: Uint8Array; sha256: string };
      try {
        read = await readFileBytes(abs);
      } catch (err) {
        push({ file, status: "unreadable", reason: oneLine(err), unit: null, year: null, tableIds: [], cells: 0, pages: 0, ocrPages: 0 });
        continue;
      }
      const { bytes, sha256 } = read;
      const stored = store.findStored(sha256);
      const earlier = stored?.file ?? firstOf.get(sha256);
      if (earlier !== undefined && earlier !== file) {
        push({ ...knownOf(stored), file, status: "duplicate", reason: `same content as ${earlier}`, tableIds: [], cells: 0 });
        continue;
      }
      if (stored && !options.force) {
        push({ ...knownOf(stored), file, status: "skipped", reason: `already stored (${stored.status}, ${stored.ingested_at})`, tableIds: stored.table_ids, cells: stored.cells });
        continue;
      }
      firstOf.set(sha256, file);
      const onPage = options.onPage && ((page: number, pages: number) => options.onPage?.(file, page, pages));
      void queue
        .add(async () => {
          const report = await pool.read({ file, sha256, bytes, options: readOptions, ...(onPage ? { onPage } : {}) });
          if (!stopped) push(toResult(save(store, report), readOptions.ocr));
        })
        .catch(fail);
    }
    await queue.onIdle();
  };

  const fed = feed().then(
    () => {
      stopped = true;
      wake?.();
    },
    fail,
  );
  try {
    for (;;) {
      const next = ready.shift();
      if (next) {
        yield next;
        continue;
      }
      if (stopped) break;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    // Also when the consumer stops early: nothing more is queued or stored.
    stopped = true;
    queue.clear();
    await pool.close();
    await fed;
  }
}

/**
 * The order files are fed in: largest first, so that the batch does not end
 * waiting on one big file read alone; equal sizes (identical files among
 * them) in the order given, so which of two identical files is stored does
 * not depend on timing.
 */
async function largestFirst(absPaths: readonly string[]): Promise<string[]> {
  const sizes = await Promise.all(absPaths.map((p) => fs.stat(p).then((s) => s.size, () => 0)));
  return absPaths.map((p, i) => ({ p, i, size: sizes[i]! })).sort((a, b) => b.size - a.size || a.i - b.i).map((x) => x.p);
}

const knownOf = (stored: StoredReport | null): Pick<IngestResult, "unit" | "year" | "pages" | "ocrPages"> => ({ unit: stored?.unit ?? null, year: stored?.year ?? null, pages: 0, ocrPages: 0 });

/** Stores the report; if the store rejects it (e.g. two cells for one row and column), stores the failure instead. */
function save(store: Store, report: Report): { report: Report; outcome: SaveOutcome } {
  try {
    return { report, outcome: store.saveReport(report) };
  } catch (err) {
    const failed = failedReport(report.file, report.sha256, `could not store the extraction: ${oneLine(err)}`);
    // If this throws too the database itself is broken: the batch stops.
    return { report: failed, outcome: store.saveReport(failed) };
  }
}

function toResult({ report, outcome }: { report: Report; outcome: SaveOutcome }, ocr: boolean): IngestResult {
  const pages = report.page_count ?? 0;
  // With OCR on, every page routed to it was read by it.
  const ocrPages = ocr ? (report.pages ?? []).filter((p) => p.route === "ocr").length : 0;
  const common = { file: report.file, unit: report.unit, year: report.year, pages, ocrPages };
  if (outcome.action === "duplicate") {
    return { ...common, status: "duplicate", reason: `same content as ${outcome.of}`, tableIds: [], cells: 0 };
  }
  return {
    ...common,
    status: report.status,
    reason: report.error ?? null,
    tableIds: report.tables.map((t) => t.id),
    cells: report.tables.reduce((n, t) => n + t.cells.length, 0),
  };
}
