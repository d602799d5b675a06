// Reader threads (worker_threads), one file each at a time: parsing, layout
// and OCR are CPU work, and pdf.js in Node runs on the thread that calls it.
// The pool is also the batch's guard against hostile files: a reader that
// reads no page for `stallSeconds` is stopped, one that exceeds its heap or
// dies is replaced, and either way the file ends as a failed report with the
// reason while the rest of the batch goes on.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Report } from "../../schemas/canonical.js";
import { oneLine } from "./one-line.js";
import { failedReport } from "./process-file.js";
import type { FromReader, ReaderSetup, ReadOptions, ToReader } from "./reader-messages.js";

export interface ReaderPoolOptions {
  /** Reader threads, made as they are needed. */
  readonly size: number;
  /** A file whose reader reads no page for this long is given up. */
  readonly stallSeconds: number;
  /** Each reader's JavaScript heap; a file that needs more fails. */
  readonly heapMb: number;
  readonly setup: ReaderSetup;
}

export interface ReadTask {
  readonly file: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly options: ReadOptions;
  readonly onPage?: (page: number, pages: number) => void;
}

interface Reader {
  readonly worker: Worker;
  /** Ends the file being read, if any, as failed for this reason. */
  finish: ((reason: string) => void) | null;
}

export class ReaderPool {
  private readonly idle: Reader[] = [];
  private readonly waiting: ((reader: Reader) => void)[] = [];
  private readonly all = new Set<Reader>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ReaderPoolOptions) {}

  /** The file's report; never rejects for anything the file does. */
  async read(task: ReadTask): Promise<Report> {
    const reader = await this.acquire();
    const id = this.nextId++;
    const { file, sha256 } = task;
    const stallMs = this.options.stallSeconds * 1000;
    return new Promise<Report>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const watch = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          end(failedReport(file, sha256, `timed out: no page read in ${this.options.stallSeconds} s`));
          this.discard(reader);
        }, stallMs);
      };
      const onMessage = (m: FromReader): void => {
        if (m.id !== id) return;
        if (m.type === "start") watch();
        else if (m.type === "page") {
          watch();
          task.onPage?.(m.page, m.pages);
        } else {
          end(m.report);
          this.release(reader);
        }
      };
      const end = (report: Report): void => {
        clearTimeout(timer);
        reader.worker.off("message", onMessage);
        reader.finish = null;
        resolve(report);
      };
      reader.finish = (reason) => end(failedReport(file, sha256, reason));
      reader.worker.on("message", onMessage);
      watch();
      const bytes = transferable(task.bytes);
      const message: ToReader = { id, file, sha256, bytes, options: task.options };
      reader.worker.postMessage(message, [bytes.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const readers = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(readers.map((r) => r.worker.terminate()));
  }

  private async acquire(): Promise<Reader> {
    if (this.closed) throw new Error("Expected an open reader pool, got a closed one");
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.all.size < this.options.size) return this.spawn();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(reader: Reader): void {
    const next = this.waiting.shift();
    if (next) next(reader);
    else this.idle.push(reader);
  }

  /** A reader that hung or died: stopped, forgotten, and its place given to a new one. */
  private discard(reader: Reader): void {
    if (!this.all.delete(reader)) return;
    void reader.worker.terminate();
    const next = this.waiting.shift();
    if (next && !this.closed) next(this.spawn());
  }

  private spawn(): Reader {
    const worker = new Worker(readerScript(), {
      workerData: this.options.setup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const reader: Reader = { worker, finish: null };
    this.all.add(reader);
    worker.on("error", (err) => {
      reader.finish?.(crashReason(err, this.options.heapMb));
      this.discard(reader);
    });
    worker.on("exit", (code) => {
      reader.finish?.(`the reader stopped (exit code ${code})`);
      this.discard(reader);
    });
    return reader;
  }
}

/**
 * pdf.js allocates short-lived objects by the million (every operator, glyph
 * and message). A larger young generation than V8's default collects them
 * less often: about 12 % less CPU a file (100 reports, 1 reader: 33–38 cpu-s
 * against 40–43), for some 130 MB more per reader.
 */
const YOUNG_GENERATION_MB = 192;

function crashReason(err: Error, heapMb: number): string {
  const code = (err as { code?: unknown }).code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return `ran out of memory (the limit is ${heapMb} MB of heap a file)`;
  return `the reader crashed: ${oneLine(err)}`;
}

/** Bytes that own their whole buffer, so that transferring it moves nothing else. */
function transferable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}

/**
 * The compiled reader thread. Built code runs it from beside this module;
 * tests run this module from its TypeScript source, and a worker thread
 * cannot load TypeScript, so they use the build (`npm test` builds first).
 */
function readerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".js")) return path.join(path.dirname(here), "reader-thread.js");
  for (let dir = path.dirname(here); ; dir = path.dirname(dir)) {
    const built = path.join(dir, "dist", "src", "pipeline", "reader-thread.js");
    if (fs.existsSync(built)) return built;
    if (path.dirname(dir) === dir) throw new Error(`Expected the compiled reader thread (dist/src/pipeline/reader-thread.js) above ${here}, got none: run npm run build`);
  }
}
