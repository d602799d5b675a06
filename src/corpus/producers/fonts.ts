// The six fonts the producers set reports in (variant.font): Noto Sans SC
// from @embedpdf/fonts-sc, and five from Debian packages. A producer gets
// exactly one of them, through a private fontconfig setup that holds only
// that font's files, so a PDF never depends on the machine's other fonts.
import { existsSync } from "node:fs";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fontPath } from "../render/fonts.js";
import { DEFAULT_FONT, type FontName } from "../variant.js";

export interface FontSpec {
  /** The family name fontconfig gives the files (what CSS and ODF name). */
  readonly family: string;
  /** Where the files come from, for the error when they are missing. */
  readonly from: string;
  /** The Debian package that ships the files, when one does (tests install it when missing). */
  readonly debian?: string;
  /** Regular and, where the font has one, bold face files. */
  readonly files: () => readonly string[];
  /** The regular face's PostScript name inside its collection (a .ttc holds several faces). */
  readonly face?: string;
}

const debian = (pkg: string, ...files: string[]): Pick<FontSpec, "from" | "files" | "debian"> => ({ from: `Debian package ${pkg}`, debian: pkg, files: () => files });
const NOTO = "/usr/share/fonts/opentype/noto";

export const FONTS: Readonly<Record<FontName, FontSpec>> = {
  "Noto Sans SC": { family: "Noto Sans S Chinese", from: "npm package @embedpdf/fonts-sc", files: () => [fontPath("regular"), fontPath("bold")] },
  "Noto Sans CJK SC": { family: "Noto Sans CJK SC", face: "NotoSansCJKsc-Regular", ...debian("fonts-noto-cjk", `${NOTO}/NotoSansCJK-Regular.ttc`, `${NOTO}/NotoSansCJK-Bold.ttc`) },
  "Noto Serif CJK SC": { family: "Noto Serif CJK SC", face: "NotoSerifCJKsc-Regular", ...debian("fonts-noto-cjk", `${NOTO}/NotoSerifCJK-Regular.ttc`, `${NOTO}/NotoSerifCJK-Bold.ttc`) },
  "AR PL UMing": { family: "AR PL UMing CN", face: "UMingCN", ...debian("fonts-arphic-uming", "/usr/share/fonts/truetype/arphic/uming.ttc") },
  "WenQuanYi Zen Hei": { family: "WenQuanYi Zen Hei", face: "WenQuanYiZenHei", ...debian("fonts-wqy-zenhei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc") },
  "WenQuanYi Micro Hei": { family: "WenQuanYi Micro Hei", face: "WenQuanYiMicroHei", ...debian("fonts-wqy-microhei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc") },
};

export const fontOf = (font: FontName | undefined): FontSpec => FONTS[font ?? DEFAULT_FONT];

/**
 * A fonts/ folder under `dir` holding copies of the font's files (LibreOffice
 * finds no font in a symlinked collection), and a fonts.conf naming only it.
 * Returns the fonts.conf path, for FONTCONFIG_FILE.
 */
export async function privateFontconfig(dir: string, font: FontName | undefined): Promise<string> {
  const spec = fontOf(font);
  const fonts = path.join(dir, "fonts");
  await mkdir(fonts, { recursive: true });
  for (const file of spec.files()) {
    if (!existsSync(file)) throw new Error(`font "${font ?? DEFAULT_FONT}" needs ${file} (${spec.from})`);
    await copyFile(file, path.join(fonts, path.basename(file)));
  }
  const conf = path.join(dir, "fonts.conf");
  await writeFile(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${fonts}</dir>\n  <cachedir>${path.join(dir, "fccache")}</cachedir>\n</fontconfig>\n`,
  );
  return conf;
}
