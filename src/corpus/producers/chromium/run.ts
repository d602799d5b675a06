// Prints an HTML document to PDF with Chromium (headless --print-to-pdf), in
// a fresh profile per run, with the one font the report is set in given
// through a private fontconfig setup (../program.ts, ../fonts.ts).
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FontName } from "../../variant.js";
import { findProgram, inPrivateFolder, runProgram, versionOf } from "../program.js";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

/** The Chromium binary: $CHROMIUM, then `chromium` on PATH, then the usual install places; undefined if none. */
export const findChromium = (): string | undefined => findProgram("CHROMIUM", "chromium", CANDIDATES);

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

export async function printHtml(name: string, html: string, font: FontName | undefined, o: PrintOptions = {}): Promise<Printed> {
  const chromium = o.chromium ?? findChromium();
  if (!chromium) throw new Error("Chromium was not found: install it (Debian: chromium) or set CHROMIUM to its path");
  return inPrivateFolder("juesuan-chromium-", font, {}, o.keep ?? false, async (dir, env) => {
    const input = path.join(dir, `${name}.html`);
    await writeFile(input, html, "utf8");
    const out = path.join(dir, `${name}.pdf`);
    const args = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", `--user-data-dir=${path.join(dir, "profile")}`,
      `--print-to-pdf=${out}`, "--no-pdf-header-footer", `file://${input}`,
    ];
    await runProgram("chromium", chromium, args, env, o.timeoutMs ?? 180_000);
    if (!existsSync(out)) throw new Error(`chromium wrote no PDF for ${name}.html`);
    return { pdf: new Uint8Array(await readFile(out)), version: await versionOf("chromium", chromium, ["--version"], env) };
  });
}
