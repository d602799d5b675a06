import { performance } from "node:perf_hooks";
import { listPdfFiles } from "../pipeline/files.js";
import { ingestFiles } from "../pipeline/ingest.js";
import { addResult, NO_TOTALS } from "../pipeline/totals.js";
import { open } from "../store/index.js";
import { formatResult, formatSummary } from "./format.js";
import type { Io } from "./io.js";

export interface IngestCommand {
  readonly paths: readonly string[];
  readonly db: string;
  readonly jobs: number | undefined;
  readonly ocr: boolean;
}

export async function runIngest(args: IngestCommand, io: Io): Promise<number> {
  const files = await listPdfFiles(args.paths);
  if (files.length === 0) throw new Error(`Expected PDF files in ${args.paths.join(", ")}, got none`);
  const store = open(args.db);
  try {
    const started = performance.now();
    let totals = NO_TOTALS;
    for await (const result of ingestFiles(files, store, { jobs: args.jobs, ocr: args.ocr })) {
      io.stdout.write(`${formatResult(result)}\n`);
      totals = addResult(totals, result);
    }
    io.stdout.write(`${formatSummary(totals, (performance.now() - started) / 1000, args.db)}\n`);
    return 0;
  } finally {
    store.close();
  }
}
