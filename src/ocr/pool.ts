// tesseract.js workers, offline: the chi_sim model comes from the npm package
// @tesseract.js-data/chi_sim, nothing is downloaded. One pool per process,
// sized to the cores, created on first use and closed when idle (workers keep
// Node alive), so a batch creates its workers once.
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createScheduler, createWorker, type Scheduler, type Worker } from "tesseract.js";

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

let scheduler: Promise<Scheduler> | null = null;
/** Workers for the second pass on figures: one text line, digits and separators only. */
let digitScheduler: Promise<Scheduler> | null = null;
/** Workers for single text lines (cells read again line by line). */
let lineScheduler: Promise<Scheduler> | null = null;
let idle: NodeJS.Timeout | null = null;
let busy = 0;
let size = Math.max(1, os.availableParallelism());

/**
 * Workers per pool: the cores by default. A batch that reads several files at
 * once, each in its own thread with its own pools, gives each its share.
 */
export function setOcrWorkers(n: number): void {
  size = Math.max(1, Math.floor(n));
}

export const ocrWorkers = (): number => size;

async function start(parameters: Record<string, string>): Promise<Scheduler> {
  const s = createScheduler();
  const workers = await Promise.all(Array.from({ length: size }, () => newWorker(parameters)));
  for (const w of workers) s.addWorker(w);
  return s;
}

/**
 * Tesseract's own debug lines (a page's statistics: "Total count=0", "Median=…")
 * go to its debug file, not to our console: a batch's output is ingest's lines.
 */
const QUIET = { debug_file: "/dev/null" };

/** One worker: chi_sim from npm, the LSTM engine (oem 1), these parameters. The bench makes its workers here too. */
export async function newWorker(parameters: Record<string, string>): Promise<Worker> {
  const w = await createWorker("chi_sim", 1, { langPath: langPath(), cacheMethod: "none", gzip: true });
  await w.setParameters({ ...QUIET, ...parameters });
  return w;
}

// A page of a table: one uniform block of text lines; keep the spaces between columns.
export const PAGE = { tessedit_pageseg_mode: "6", preserve_interword_spaces: "1" };
/** One line of text (a header cell's line, cut out by cells.ts). */
const LINE = { tessedit_pageseg_mode: "7", preserve_interword_spaces: "1" };
const DIGITS = { tessedit_pageseg_mode: "7", tessedit_char_whitelist: "0123456789,.-" };

/** Re-reads one figure's image (PNG bytes) with digits, ",", "." and "-" only: its text and confidence (0–100). */
export function recognizeFigure(png: Buffer): Promise<{ text: string; confidence: number }> {
  return busyWhile(async () => {
    digitScheduler ??= start(DIGITS);
    const s = await digitScheduler;
    const result = (await s.addJob("recognize", png)) as { data: { text: string; confidence: number } };
    return { text: result.data.text.replace(/\s+/g, ""), confidence: result.data.confidence };
  });
}

/** Runs one job with the pools kept open; the last job to finish starts the idle countdown. */
async function busyWhile<T>(job: () => Promise<T>): Promise<T> {
  if (idle) clearTimeout(idle);
  idle = null;
  busy++;
  try {
    return await job();
  } finally {
    busy--;
    if (busy === 0) idle = setTimeout(() => void closeOcr(), IDLE_MS);
  }
}

/** Recognises one image (PNG or PGM bytes); the words with their boxes and confidence. `line`: the image is one text line. */
export function recognize(image: Buffer, layout: "page" | "line" = "page"): Promise<OcrWord[]> {
  return busyWhile(async () => {
    const s = await (layout === "page" ? (scheduler ??= start(PAGE)) : (lineScheduler ??= start(LINE)));
    const result = (await s.addJob("recognize", image, {}, { blocks: true })) as { data: { blocks: Block[] | null } };
    return (result.data.blocks ?? []).flatMap((b) =>
      b.paragraphs.flatMap((p) =>
        p.lines.flatMap((l) =>
          l.words
            .filter((w) => w.text.trim() !== "")
            .map((w) => ({ text: w.text, ...w.bbox, lineY0: l.bbox.y0, lineY1: l.bbox.y1, confidence: w.confidence })),
        ),
      ),
    );
  });
}

/** Terminates the workers (they are made again on the next use). */
export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const pending = [scheduler, digitScheduler, lineScheduler];
  scheduler = null;
  digitScheduler = null;
  lineScheduler = null;
  for (const s of pending) if (s) await (await s).terminate();
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
interface Block {
  paragraphs: { lines: { bbox: Box; words: { text: string; bbox: Box; confidence: number }[] }[] }[];
}
