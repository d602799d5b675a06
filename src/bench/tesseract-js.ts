// tesseract.js on the bench's pages, made and called as the OCR route does it
// (src/ocr/pool.ts: the same worker factory and PAGE parameters, words with
// their boxes, as TSV): one worker page by page, then one worker per core at once.
import os from "node:os";
import { createScheduler } from "tesseract.js";
import { newWorker, PAGE, WORDS, wordsOfTsv } from "../ocr/pool.js";
import { timed, timeOf, type Time, type Timed } from "./time.js";

export interface OneWorker {
  /** Making the worker: wasm start, model read and gunzipped, parameters set. */
  readonly create: Time;
  /** One page: the recognised text, and the time `recognize` took. */
  read(image: Buffer): Promise<Timed<string>>;
  close(): Promise<void>;
}

export async function oneWorker(): Promise<OneWorker> {
  const create = await timed(() => newWorker(PAGE));
  const worker = create.value;
  return {
    create: timeOf(create),
    // The words' TSV, as pool.ts asks for it; their text is what is compared with native's.
    read: async (image) => {
      const read = await timed(async () => (await worker.recognize(image, {}, WORDS)).data.tsv ?? "");
      return { ...read, value: wordsOfTsv(read.value).map((w) => w.text).join(" ") };
    },
    close: async () => void (await worker.terminate()),
  };
}

export interface Throughput {
  readonly workers: number;
  /** Making the workers and their warm-up read. */
  readonly create: Time;
  /** From the first page queued to the last page read. */
  readonly total: Time;
}

/**
 * Every page queued at once on one worker per core (as the OCR pool is sized).
 * Each worker first reads `warmUp` once (timed with its making): a new
 * worker's first page is slow, and a pool pays that once per batch, not per page.
 */
export async function allWorkers(images: readonly Buffer[], warmUp: Buffer): Promise<Throughput> {
  const workers = Math.max(1, os.availableParallelism());
  const scheduler = createScheduler();
  try {
    const made = await timed(() =>
      Promise.all(
        Array.from({ length: workers }, async () => {
          const w = await newWorker(PAGE);
          // Added at once, so terminate() ends it even when another worker fails.
          scheduler.addWorker(w);
          await w.recognize(warmUp, {}, WORDS);
        }),
      ),
    );
    const run = await timed(() => Promise.all(images.map((image) => scheduler.addJob("recognize", image, {}, WORDS))));
    return { workers, create: timeOf(made), total: timeOf(run) };
  } finally {
    await scheduler.terminate();
  }
}
