// The batch section of out/bench.json (measure.ts), checked before it is written.
import { z } from "zod";
import { RunResult } from "./run-result.js";

const Cells = z.object({ truth: z.number().int(), exact: z.number().int(), share: z.number().min(0).max(1) });

export const BatchBench = z.object({
  corpus: z.object({ reports: z.number().int(), dir: z.string(), made: z.boolean(), seconds: z.number() }),
  /** The files the speed and accuracy runs read. */
  subset: z.object({ reports: z.number().int(), pages: z.number().int() }),
  rounds: z.number().int().positive(),
  cores: z.number().int().positive(),
  /** The fastest run of each kind over the rounds. */
  runs: z.object({
    /** Pure JavaScript work (compute.ts, its tasks as "pages") on one thread and on one per core. */
    computeOne: RunResult,
    computeAll: RunResult,
    floorOne: RunResult,
    floorAll: RunResult,
    juesuanOne: RunResult,
    juesuanAll: RunResult,
    juesuanOneSingleThreaded: RunResult,
    juesuanAllSingleThreaded: RunResult,
  }),
  peer: z.object({ package: z.string(), version: z.string(), run: RunResult }),
  /** Cells of the final reports read exactly, by juesuan and by the peer, through the scorer. */
  accuracy: z.object({
    /** The subset (pdfkit's reports). */
    generated: z.object({ reports: z.number().int(), juesuan: Cells, peer: Cells }),
    /** The committed LibreOffice reports, with their runs. */
    libreoffice: z.object({ reports: z.number().int(), juesuan: Cells, peer: Cells, juesuanRun: RunResult, peerRun: RunResult }),
  }),
  memory: z.object({
    small: z.object({ reports: z.number().int(), run: RunResult }),
    large: z.object({ reports: z.number().int(), run: RunResult }),
  }),
  ratios: z.object({
    /** juesuan (one reader) / pdf.js text extraction (one thread), time on the same files: target ≤ 2. */
    juesuanOverFloor: z.number(),
    /** The same with one reader / thread per core. */
    juesuanOverFloorAllWorkers: z.number(),
    /** The machine's own: pure JavaScript work on a thread per core / on one (what a second thread can give at most). */
    machineSpeedup: z.number(),
    /** Pages per second with a reader per core / with one: target ≥ 1.8 on 2 cores. */
    allWorkersSpeedup: z.number(),
    /** The same with V8's helper threads off (node --single-threaded): one reader then uses one core. */
    allWorkersSpeedupSingleThreaded: z.number(),
    peerOverFloor: z.number(),
    /** Peak RSS of the large batch / the small one: target ≤ 1.2. */
    peakRssLargeOverSmall: z.number(),
  }),
});
export type BatchBench = z.infer<typeof BatchBench>;
