// Where a batch is, for whoever watches it: on a terminal one status line on
// stderr, redrawn as pages are read (files and pages done, rate, time left,
// failures so far), kept below the per-file lines; elsewhere (a log file) a
// plain status line now and then, so a long batch still shows it is alive.
import type { IngestResult } from "../pipeline/ingest.js";

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(chunk: string): boolean;
}

const REDRAW_MS = 250;
const LOG_MS = 30_000;

export class Progress {
  private done = 0;
  private read = 0;
  private failed = 0;
  private pagesDone = 0;
  private ocrPagesDone = 0;
  private readonly reading = new Map<string, number>();
  private readonly started: number;
  private timer: NodeJS.Timeout | null = null;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly err: ProgressStream,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  start(): void {
    const tty = this.err.isTTY === true;
    this.timer = setInterval(() => (tty ? this.draw() : this.err.write(`${this.status()}\n`)), tty ? REDRAW_MS : LOG_MS);
    this.timer.unref();
  }

  page(file: string, page: number): void {
    this.reading.set(file, page);
  }

  /** Counts a finished file and prints its line on `out`, above the status line. */
  result(r: IngestResult, line: string, out: ProgressStream): void {
    this.done++;
    if (r.status === "ok" || r.status === "failed") this.read++;
    if (r.status === "failed" || r.status === "unreadable") this.failed++;
    this.reading.delete(r.file);
    this.pagesDone += r.pages;
    this.ocrPagesDone += r.ocrPages;
    this.clear();
    out.write(`${line}\n`);
    this.draw();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.clear();
  }

  /** "12/500 files, 3 failed; 340 pages, 12.3 pages/s, 25 by OCR (0.4/s); about 4 min left". */
  status(): string {
    const seconds = (this.now() - this.started) / 1000;
    const pages = this.pagesDone + [...this.reading.values()].reduce((a, b) => a + b, 0);
    const rate = seconds > 0 ? pages / seconds : 0;
    const left = this.read > 0 ? ((this.total - this.done) * seconds) / this.read : null;
    const eta = left === null ? "" : `; about ${duration(left)} left`;
    const ocr = this.ocrPagesDone > 0 ? `, ${this.ocrPagesDone} by OCR (${(this.ocrPagesDone / Math.max(seconds, 1e-9)).toFixed(1)}/s)` : "";
    return `${this.done}/${this.total} files, ${this.failed} failed; ${pages} pages, ${rate.toFixed(1)} pages/s${ocr}${eta}`;
  }

  private draw(): void {
    if (this.err.isTTY !== true || this.timer === null) return;
    this.err.write(`\r\x1b[K${this.status()}`);
    this.shown = true;
  }

  private clear(): void {
    if (!this.shown) return;
    this.err.write("\r\x1b[K");
    this.shown = false;
  }
}

export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
