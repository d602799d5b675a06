// What one measured run (run.ts) reports.
import { z } from "zod";

export const RunResult = z.object({
  files: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  cpuSeconds: z.number().nonnegative(),
  /** The process's peak resident memory, all its threads. */
  peakRssMb: z.number().nonnegative(),
});
export type RunResult = z.infer<typeof RunResult>;
