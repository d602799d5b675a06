// Wall-clock and CPU seconds. The cores may be shared (2 here, often busy):
// wall time then counts waiting for a core, CPU time only the work, so both
// are kept.
import { performance } from "node:perf_hooks";

export interface Time {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

export interface Timed<T> extends Time {
  readonly value: T;
}

/** The times alone, without the value. */
export const timeOf = (t: Time): Time => ({ seconds: t.seconds, cpuSeconds: t.cpuSeconds });

/** One async run in this process: its wall time, and this process's CPU time meanwhile (all threads, tesseract.js workers included). */
export async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await run();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, value };
}

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
