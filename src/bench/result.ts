// out/bench.json: what `npm run bench` measured, checked before it is written.
// One section per measurement: `batch` (batch/result.ts) and `ocr`.
// Every time is wall-clock `seconds` and `cpuSeconds` (see time.ts).
import { z } from "zod";
import { BatchBench } from "./batch/result.js";

const Seconds = z.number().finite().nonnegative();
const Time = z.object({ seconds: Seconds, cpuSeconds: Seconds });
const Ratio = z.object({ seconds: Seconds, cpuSeconds: Seconds });
const Share = z.number().min(0).max(1);

const NativeReading = Time.extend({
  label: z.string(),
  /** The time less the model's load (at least 0); the times above include it. */
  recognize: Time,
  text: z.string(),
  /** similarity() to the tesseract.js text of the same page. */
  agreement: Share,
});

const OcrPage = z.object({
  page: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  tesseractJs: Time.extend({ text: z.string() }),
  native: z.array(NativeReading),
});

const NativeSummary = z.object({
  label: z.string(),
  /** traineddata file read. */
  model: z.string(),
  /** Process start and model load: median of three runs on a blank image. */
  load: Time,
  /** Mean over pages of `recognize`. */
  perPage: Time,
  /** All pages in one process (a list file): its times, and (those − load) / pages. */
  batch: z.object({ total: Time, perPage: Time }),
  /** tesseract.js perPage / this perPage: the target is ≤ 1.5. */
  ratio: Ratio,
  /** tesseract.js perPage / batch.perPage. */
  batchRatio: Ratio,
  /** Mean of the pages' agreement. */
  agreement: Share,
});

/** A process under GNU time. */
const UsageSchema = Time.extend({ peakRssMb: z.number().nonnegative() });
export type Usage = z.infer<typeof UsageSchema>;

/** juesuan's OCR route (ingest of scanned reports) beside native tesseract on the same page images (ocr-route.ts). */
export const OcrRouteBench = z.object({
  pdf: z.string(),
  scanDpi: z.number().positive(),
  reports: z.number().int().positive(),
  readers: z.number().int().positive(),
  ocrPages: z.number().int().positive(),
  /** The whole ingest process. */
  juesuan: UsageSchema,
  /** juesuan.cpuSeconds / ocrPages: the target is ≤ 3. */
  cpuPerOcrPage: Seconds,
  /** One process a page, model load included. */
  native: z.object({ pages: z.number().int().positive(), cpuPerPage: Seconds, peakRssMb: z.number().nonnegative() }),
});
export type OcrRouteBench = z.infer<typeof OcrRouteBench>;

export const OcrBench = z.object({
  pdf: z.string(),
  dpi: z.number().positive(),
  pages: z.array(OcrPage).min(1),
  tesseractJs: z.object({
    version: z.string(),
    coreVersion: z.string(),
    model: z.string(),
    parameters: z.record(z.string(), z.string()),
    /** One worker made: wasm started, model read and gunzipped, parameters set. */
    workerCreate: Time,
    /** The new worker's first read (of the first page, read again in `pages`). */
    firstRead: Time,
    /** Mean over pages of one worker's recognize. */
    perPage: Time,
    /** Every page queued at once on one worker per core, each worker warmed by one read first (in `create`). */
    allWorkers: z.object({
      workers: z.number().int().positive(),
      create: Time,
      total: Time,
      /** total.seconds × workers / pages. */
      perPagePerWorkerSeconds: Seconds,
      /** total.cpuSeconds / pages. */
      cpuPerPageSeconds: Seconds,
    }),
  }),
  native: z.object({ version: z.string(), args: z.array(z.string()), models: z.array(NativeSummary).min(1) }),
});
export type OcrBench = z.infer<typeof OcrBench>;

export const BenchResult = z.object({
  at: z.string().datetime(),
  machine: z.object({
    cpus: z.number().int().positive(),
    cpuModel: z.string(),
    node: z.string(),
    /** os.loadavg() at the start and the end: the cores may be shared. */
    loadAverage: z.object({ start: z.array(z.number()), end: z.array(z.number()) }),
  }),
  batch: BatchBench.optional(),
  ocr: OcrBench.optional(),
  ocrRoute: OcrRouteBench.optional(),
});
export type BenchResult = z.infer<typeof BenchResult>;
