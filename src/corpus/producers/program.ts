// Running a producer's program (Chromium, soffice): where it is (the
// environment's choice, then the PATH, then the places Debian and others
// install it), a private folder per run (its own HOME and TMPDIR, and a
// fontconfig setup holding only the report's font, ./fonts.ts: the PDF never
// depends on the machine's fonts), and its version, asked once.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FontName } from "../variant.js";
import { privateFontconfig } from "./fonts.js";

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

/** Runs the program: its stdout. A failure names it, says why, and ends with the last of what it wrote on stderr. */
export function runProgram(label: string, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { env, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${label} failed (${err.killed ? `timed out after ${timeoutMs / 1000} s` : err.message}): ${String(stderr).trim().slice(-2000)}`));
      else resolve(String(stdout));
    });
  });
}

/**
 * Runs `work` in a private folder made for it, with the environment a
 * producer's program is run in there (`extra` added); the folder is removed
 * afterwards unless `keep` (for inspection).
 */
export async function inPrivateFolder<T>(
  prefix: string,
  font: FontName | undefined,
  extra: NodeJS.ProcessEnv,
  keep: boolean,
  work: (dir: string, env: NodeJS.ProcessEnv) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    const home = path.join(dir, "home");
    await mkdir(home);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: home,
      LANG: "zh_CN.UTF-8",
      FONTCONFIG_FILE: await privateFontconfig(dir, font),
      ...extra,
      TMPDIR: dir,
    };
    return await work(dir, env);
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

const versions = new Map<string, string>();

/** What the program says its version is (`args` ask it), asked once per binary. */
export async function versionOf(label: string, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  let version = versions.get(cmd);
  if (version === undefined) {
    version = (await runProgram(label, cmd, args, env, 60_000)).trim();
    versions.set(cmd, version);
  }
  return version;
}
