// Prints an HTML document to PDF with Chromium (headless --print-to-pdf), in
// a fresh profile per run, with the one font the report is set in given
// through a private fontconfig setup (../fonts.ts).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FontName } from "../../variant.js";
import { privateFontconfig } from "../fonts.js";
import { findProgram } from "../find-program.js";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

/** The Chromium binary: $CHROMIUM, then `chromium` on PATH, then the usual install places; undefined if none. */
export const findChromium = (): string | undefined => findProgram("CHROMIUM", "chromium", CANDIDATES);

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { env, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`chromium failed (${err.killed ? `timed out after ${timeoutMs / 1000} s` : err.message}): ${String(stderr).trim().slice(-2000)}`));
      else resolve(String(stdout));
    });
  });
}

export interface PrintOptions {
  readonly chromium?: string;
  readonly timeoutMs?: number;
  /** Keep the temp dir (the HTML and PDF) for inspection. */
  readonly keep?: boolean;
}

export interface Printed {
  readonly pdf: Uint8Array;
  /** chromium --version, e.g. "Chromium 156.0.8078.129 built on Debian GNU/Linux 12 (bookworm)". */
  readonly version: string;
}

const versions = new Map<string, string>();

export async function printHtml(name: string, html: string, font: FontName | undefined, o: PrintOptions = {}): Promise<Printed> {
  const chromium = o.chromium ?? findChromium();
  if (!chromium) throw new Error("Chromium was not found: install it (Debian: chromium) or set CHROMIUM to its path");
  const dir = await mkdtemp(path.join(os.tmpdir(), "juesuan-chromium-"));
  try {
    const home = path.join(dir, "home");
    await mkdir(home);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: home,
      LANG: "zh_CN.UTF-8",
      FONTCONFIG_FILE: await privateFontconfig(dir, font),
      TMPDIR: dir,
    };
    const input = path.join(dir, `${name}.html`);
    await writeFile(input, html, "utf8");
    const out = path.join(dir, `${name}.pdf`);
    const args = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", `--user-data-dir=${path.join(dir, "profile")}`,
      `--print-to-pdf=${out}`, "--no-pdf-header-footer", `file://${input}`,
    ];
    await run(chromium, args, env, o.timeoutMs ?? 180_000);
    if (!existsSync(out)) throw new Error(`chromium wrote no PDF for ${name}.html`);
    const pdf = new Uint8Array(await readFile(out));
    let version = versions.get(chromium);
    if (version === undefined) {
      version = (await run(chromium, ["--version"], env, 60_000)).trim();
      versions.set(chromium, version);
    }
    return { pdf, version };
  } finally {
    if (!o.keep) await rm(dir, { recursive: true, force: true });
  }
}
