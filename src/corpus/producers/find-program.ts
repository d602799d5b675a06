// Where a producer's program is: the environment's choice, then the PATH,
// then the places Debian and others install it.
import { existsSync } from "node:fs";
import path from "node:path";

/** $`envVar` (if set, only that), then `name` on PATH, then `candidates`; undefined if none exists. */
export function findProgram(envVar: string, name: string, candidates: readonly string[]): string | undefined {
  const fromEnv = process.env[envVar];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env["PATH"] ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  return candidates.find((p) => existsSync(p));
}
