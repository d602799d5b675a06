// Converts a Flat ODT (Writer) or Flat ODS (Calc) to PDF with LibreOffice
// (soffice --headless --convert-to pdf), in a fresh user profile per run,
// with the fonts of a private fontconfig setup that holds only the report's
// font (../fonts.ts; Writer reports: the Noto Sans SC OTFs shipped by
// @embedpdf/fonts-sc): the PDF never depends on the machine's own CJK fonts.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FontName } from "../../variant.js";
import { findProgram, inPrivateFolder, runProgram, versionOf } from "../program.js";

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

/** The soffice binary: $SOFFICE, then `soffice` on PATH, then the usual install places; undefined if none. */
export const findSoffice = (): string | undefined => findProgram("SOFFICE", "soffice", CANDIDATES);

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
  // svp: soffice draws without a display.
  return inPrivateFolder("juesuan-lo-", o.font, { SAL_USE_VCLPLUGIN: "svp" }, o.keep ?? false, async (dir, env) => {
    const input = path.join(dir, `${name}.${ext}`);
    await writeFile(input, xml, "utf8");
    const out = path.join(dir, "out");
    const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
    await runProgram("soffice", soffice, [profile, "--headless", "--norestore", "--nologo", "--convert-to", `pdf:${filter}`, "--outdir", out, input], env, o.timeoutMs ?? 180_000);
    const pdfFile = path.join(out, `${name}.pdf`);
    if (!existsSync(pdfFile)) throw new Error(`soffice wrote no PDF for ${name}.${ext}`);
    return { pdf: new Uint8Array(await readFile(pdfFile)), version: await versionOf("soffice", soffice, [profile, "--headless", "--version"], env) };
  });
}
