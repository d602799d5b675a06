// Converts a Flat ODT (Writer) or Flat ODS (Calc) to PDF with LibreOffice
// (soffice --headless --convert-to pdf), in a fresh user profile per run,
// with the fonts of a private fontconfig setup that holds only the report's
// font (../fonts.ts; Writer reports: the Noto Sans SC OTFs shipped by
// @embedpdf/fonts-sc): the PDF never depends on the machine's own CJK fonts.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FontName } from "../../variant.js";
import { privateFontconfig } from "../fonts.js";
import { findProgram } from "../find-program.js";

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/** The soffice binary: $SOFFICE, then `soffice` on PATH, then the usual install places; undefined if none. */
export const findSoffice = (): string | undefined => findProgram("SOFFICE", "soffice", CANDIDATES);

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { env, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const why = err.killed ? `timed out after ${timeoutMs / 1000} s` : err.message;
        reject(new Error(`soffice failed (${why}): ${String(stderr).trim()}`));
      } else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export interface Converted {
  readonly pdf: Uint8Array;
  /** soffice --version, e.g. "LibreOffice 7.4.7.2 40(Build:2)". */
  readonly version: string;
}

export interface ConvertOptions {
  readonly soffice?: string;
  /** The one font the document may use; default Noto Sans SC. */
  readonly font?: FontName;
  readonly timeoutMs?: number;
  /** Keep the temp dir (the .fodt and PDF) for inspection. */
  readonly keep?: boolean;
}

const versions = new Map<string, string>();

export async function convertFodt(name: string, fodt: string, o: ConvertOptions = {}): Promise<Converted> {
  return convertDocument(name, fodt, "writer", o);
}

const KINDS = {
  writer: { ext: "fodt", filter: "writer_pdf_Export", pkg: "libreoffice-writer-nogui" },
  calc: { ext: "fods", filter: "calc_pdf_Export", pkg: "libreoffice-calc-nogui" },
} as const;

export async function convertDocument(name: string, xml: string, kind: keyof typeof KINDS, o: ConvertOptions = {}): Promise<Converted> {
  const { ext, filter, pkg } = KINDS[kind];
  const soffice = o.soffice ?? findSoffice();
  if (!soffice) {
    throw new Error(`LibreOffice (soffice) was not found: install it (Debian: ${pkg}) or set SOFFICE to its path`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "juesuan-lo-"));
  try {
    const home = path.join(dir, "home");
    await mkdir(home);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: home,
      LANG: "zh_CN.UTF-8",
      FONTCONFIG_FILE: await privateFontconfig(dir, o.font),
      SAL_USE_VCLPLUGIN: "svp",
      TMPDIR: dir,
    };
    const input = path.join(dir, `${name}.${ext}`);
    await writeFile(input, xml, "utf8");
    const out = path.join(dir, "out");
    const profile = `file://${path.join(dir, "profile")}`;
    const timeout = o.timeoutMs ?? 180_000;
    await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--nologo", "--convert-to", `pdf:${filter}`, "--outdir", out, input], env, timeout);
    const pdfFile = path.join(out, `${name}.pdf`);
    if (!existsSync(pdfFile)) throw new Error(`soffice wrote no PDF for ${name}.${ext}`);
    const pdf = new Uint8Array(await readFile(pdfFile));
    let version = versions.get(soffice);
    if (version === undefined) {
      version = (await run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--version"], env, 60_000)).stdout.trim();
      versions.set(soffice, version);
    }
    return { pdf, version };
  } finally {
    if (!o.keep) await rm(dir, { recursive: true, force: true });
  }
}
