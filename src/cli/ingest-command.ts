import { performance } from "node:perf_hooks";
import { listPdfFiles } from "../pipeline/files.js";
import { ingestFiles } from "../pipeline/ingest.js";
import type { Limits } from "../pipeline/limits.js";
import { addResult, NO_TOTALS } from "../pipeline/totals.js";
import { open } from "../store/index.js";
import { formatResult, formatSummary } from "./format.js";
import type { Io } from "./io.js";
import { Progress, type ProgressStream } from "./progress.js";

export interface IngestCommand {
  readonly paths: readonly string[];
  readonly db: string;
  readonly jobs: number | undefined;
  readonly ocr: boolean;
  readonly force: boolean;
  readonly stall: number | undefined;
  readonly maxPages: number | undefined;
}

export async function runIngest(args: IngestCommand, io: Io): Promise<number> {
  const files = await listPdfFiles(args.paths);
  if (files.length === 0) throw new Error(`Expected PDF files in ${args.paths.join(", ")}, got none`);
  const store = open(args.db);
  const progress = new Progress(files.length, io.stderr as ProgressStream);
  const limits: Partial<Limits> = {
    ...(args.stall !== undefined ? { stallSeconds: args.stall } : {}),
    ...(args.maxPages !== undefined ? { maxPages: args.maxPages } : {}),
  };
  try {
    const started = performance.now();
    let totals = NO_TOTALS;
    progress.start();
    const options = { jobs: args.jobs, ocr: args.ocr, force: args.force, limits, onPage: (file: string, page: number) => progress.page(file, page) };
    for await (const result of ingestFiles(files, store, options)) {
      progress.result(result, formatResult(result), io.stdout as ProgressStream);
      totals = addResult(totals, result);
    }
    progress.stop();
    io.stdout.write(`${formatSummary(totals, (performance.now() - started) / 1000, args.db)}\n`);
    return 0;
  } finally {
    progress.stop();
    store.close();
  }
}
