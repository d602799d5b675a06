// The batch: extract files concurrently (p-queue), store and yield results in
// file order. Storing happens here, in order, on the main thread: the database
// has one writer, and of two identical files the first in sorted order (or the
// one stored by an earlier run) keeps the content, whichever finished first.
import os from "node:os";
import PQueue from "p-queue";
import type { Report } from "../../schemas/canonical.js";
import type { SaveOutcome, Store } from "../store/index.js";
import { storedPath } from "./files.js";
import { oneLine } from "./one-line.js";
import { processFile } from "./process-file.js";

export interface IngestOptions {
  /** Files extracted at once. Default: os.availableParallelism(). */
  readonly jobs?: number;
  /** Read pages without a usable text layer by OCR (experimental). */
  readonly ocr?: boolean;
}

export interface IngestResult {
  readonly file: string;
  /**
   * `ok`/`failed` as stored; `duplicate`: the same content is already stored
   * under another path; `unreadable`: the file could not be read, so there is
   * nothing to hash or store.
   */
  readonly status: "ok" | "failed" | "duplicate" | "unreadable";
  /** Why it failed, or which file it duplicates; null when ok. */
  readonly reason: string | null;
  readonly unit: string | null;
  readonly year: number | null;
  /** Tables stored, in report order. */
  readonly tableIds: readonly string[];
  readonly cells: number;
  /** Pages read (0 when the PDF could not be opened). */
  readonly pages: number;
}

type Processed = { readonly report: Report } | { readonly unreadable: string };

export async function* ingestFiles(
  absPaths: readonly string[],
  store: Store,
  options: IngestOptions = {},
): AsyncGenerator<IngestResult> {
  const queue = new PQueue({ concurrency: options.jobs ?? os.availableParallelism() });
  // Each task settles with data, never rejects: a file's failure is a result.
  const tasks = absPaths.map((abs) => {
    const file = storedPath(abs);
    const processed = queue.add(
      (): Promise<Processed> => processFile(abs, file, { ocr: options.ocr ?? false }).then((report) => ({ report }), (err: unknown) => ({ unreadable: oneLine(err) })),
    );
    return { file, processed };
  });
  try {
    for (const task of tasks) {
      const { file } = task;
      const processed = await task.processed;
      if ("unreadable" in processed) {
        yield { file, status: "unreadable", reason: processed.unreadable, unit: null, year: null, tableIds: [], cells: 0, pages: 0 };
        continue;
      }
      const { report, outcome } = save(store, processed.report);
      yield toResult(report, outcome);
    }
  } finally {
    queue.clear(); // a consumer that stops early leaves nothing queued
  }
}

/** Stores the report; if the store rejects it (e.g. two cells for one row and column), stores the failure instead. */
function save(store: Store, report: Report): { report: Report; outcome: SaveOutcome } {
  try {
    return { report, outcome: store.saveReport(report) };
  } catch (err) {
    const failed: Report = {
      file: report.file,
      sha256: report.sha256,
      unit: null,
      year: null,
      printed_unit: null,
      status: "failed",
      error: `could not store the extraction: ${oneLine(err)}`,
      tables: [],
      findings: [],
    };
    // If this throws too the database itself is broken: the batch stops.
    return { report: failed, outcome: store.saveReport(failed) };
  }
}

function toResult(report: Report, outcome: SaveOutcome): IngestResult {
  const pages = report.page_count ?? 0;
  const common = { file: report.file, unit: report.unit, year: report.year, pages };
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
