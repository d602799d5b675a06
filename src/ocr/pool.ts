// tesseract.js workers, offline: the chi_sim model comes from the npm package
// @tesseract.js-data/chi_sim, nothing is downloaded. One pool per process,
// sized to the cores, created on first use and closed when idle (workers keep
// Node alive), so a batch creates its workers once.
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createWorker, type Worker } from "tesseract.js";
import { lstmModelFolder } from "./model.js";

export interface OcrWord {
  readonly text: string;
  /** Pixels of the recognised image. */
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** The line's box: its height is the text size (a flat glyph's own box is not). */
  readonly lineY0: number;
  readonly lineY1: number;
  /** 0–100. */
  readonly confidence: number;
}

const IDLE_MS = 1500;

/** The folder holding chi_sim.traineddata.gz. */
export const langPath = (): string => {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@tesseract.js-data/chi_sim/package.json")), "4.0.0");
};

let size = Math.max(1, os.availableParallelism());

/**
 * Workers in the pool: the cores by default. A batch that reads several files at
 * once, each in its own thread with its own pool, gives each its share.
 */
export function setOcrWorkers(n: number): void {
  size = Math.max(1, Math.floor(n));
}

export const ocrWorkers = (): number => size;

/**
 * Tesseract's own debug lines (a page's statistics: "Total count=0", "Median=…")
 * go to its debug file, not to our console: a batch's output is ingest's lines.
 */
const QUIET = { debug_file: "/dev/null" };

/** One worker: chi_sim's LSTM part (model.ts), the LSTM engine (oem 1), these parameters. The bench makes its workers here too. */
export async function newWorker(parameters: Record<string, string>): Promise<Worker> {
  const w = await createWorker("chi_sim", 1, { langPath: lstmModelFolder(langPath()), cacheMethod: "none", gzip: false });
  await w.setParameters({ ...QUIET, ...parameters });
  return w;
}

// A page of a table: one uniform block of text lines; keep the spaces between columns.
export const PAGE = { tessedit_pageseg_mode: "6", preserve_interword_spaces: "1", tessedit_char_whitelist: "" };
/** One line of text (a header cell's line, cut out by cells.ts). */
const LINE = { tessedit_pageseg_mode: "7", preserve_interword_spaces: "1", tessedit_char_whitelist: "" };
/** One figure: a line of digits, "," "." and "-" only. */
const DIGITS = { tessedit_pageseg_mode: "7", preserve_interword_spaces: "0", tessedit_char_whitelist: "0123456789,.-" };
type Mode = typeof PAGE | typeof LINE | typeof DIGITS;

/**
 * One pool of workers for every kind of job: a worker is set to the job's
 * parameters when its last job was of another kind (a variable set, no model
 * loaded). A pool per kind held three models per core, ~260 MB each before
 * any page was read; one pool holds one.
 */
interface Slot {
  readonly worker: Worker;
  mode: Mode | null;
}

interface Pool {
  readonly free: Slot[];
  readonly waiting: ((slot: Slot) => void)[];
  readonly all: Slot[];
}

let pool: Promise<Pool> | null = null;
let idle: NodeJS.Timeout | null = null;
let busy = 0;

async function startPool(): Promise<Pool> {
  const workers = await Promise.all(Array.from({ length: size }, () => newWorker({})));
  const all = workers.map((worker): Slot => ({ worker, mode: null }));
  return { free: [...all], waiting: [], all };
}

/** Runs `job` on a free worker set to `mode`, with the pool kept open; the last job to finish starts the idle countdown. */
async function withWorker<T>(mode: Mode, job: (w: Worker) => Promise<T>): Promise<T> {
  if (idle) clearTimeout(idle);
  idle = null;
  busy++;
  try {
    const p = await (pool ??= startPool());
    const slot = p.free.pop() ?? (await new Promise<Slot>((resolve) => p.waiting.push(resolve)));
    try {
      if (slot.mode !== mode) {
        // QUIET was set when the worker was made, and no mode changes it.
        await slot.worker.setParameters({ ...(mode as Record<string, string>) });
        slot.mode = mode;
      }
      return await job(slot.worker);
    } finally {
      const next = p.waiting.shift();
      if (next) next(slot);
      else p.free.push(slot);
    }
  } finally {
    busy--;
    if (busy === 0) idle = setTimeout(() => void closeOcr(), IDLE_MS);
  }
}

/** One reading of a figure's image: its text and tesseract's confidence (0–100). */
export interface FigureReading {
  readonly text: string;
  readonly confidence: number;
}

/** Re-reads one figure's image (PNG bytes) with digits, ",", "." and "-" only: its text and confidence (0–100). */
export function recognizeFigure(png: Buffer): Promise<FigureReading> {
  return withWorker(DIGITS, async (w) => {
    const { data } = await w.recognize(png);
    return { text: data.text.replace(/\s+/g, ""), confidence: data.confidence };
  });
}

/**
 * Recognises one image (PNG or PGM bytes); the words with their boxes and confidence. `line`: the image is one text line.
 * Words come from tesseract's TSV, not its JSON blocks: the same words, boxes and confidences
 * (the JSON's are the TSV's truncated), a twentieth less CPU a page than the JSON and the text it came with.
 */
export function recognize(image: Buffer, layout: "page" | "line" = "page"): Promise<OcrWord[]> {
  return withWorker(layout === "page" ? PAGE : LINE, async (w) => wordsOfTsv((await w.recognize(image, {}, WORDS)).data.tsv ?? ""));
}

/** What `recognize` asks tesseract for: the TSV alone. The bench asks for the same. */
export const WORDS = { text: false, tsv: true } as const;

/**
 * Words of tesseract's TSV: one row per level (1 page … 4 line, 5 word) of
 * `level page block par line word left top width height conf text`; a word
 * takes the box of the line row before it.
 */
export function wordsOfTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  let line = { y0: 0, y1: 0 };
  for (const row of tsv.split("\n")) {
    const c = row.split("\t");
    if (c.length < 12) continue;
    const [left, top, width, height] = [Number(c[6]), Number(c[7]), Number(c[8]), Number(c[9])];
    if (c[0] === "4") line = { y0: top, y1: top + height };
    const text = c.slice(11).join("\t");
    if (c[0] !== "5" || text.trim() === "") continue;
    words.push({ text, x0: left, y0: top, x1: left + width, y1: top + height, lineY0: line.y0, lineY1: line.y1, confidence: Math.trunc(Number(c[10])) });
  }
  return words;
}

/** Terminates the workers (they are made again on the next use). */
export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const pending = pool;
  pool = null;
  if (pending) await Promise.all((await pending).all.map((s) => s.worker.terminate()));
}
