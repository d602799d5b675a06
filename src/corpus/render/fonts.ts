// Noto Sans SC (Noto Sans Hans) from the @embedpdf/fonts-sc package, found
// through module resolution so no machine path is baked in. The package only
// exports its index, so the fonts folder is located beside that entry.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type FontWeight = "regular" | "bold";

const FILES: Readonly<Record<FontWeight, string>> = {
  regular: "NotoSansHans-Regular.otf",
  bold: "NotoSansHans-Bold.otf",
};

/** pdfkit font names; the embedded subset is named after the font's PostScript name. */
export const FONT: Readonly<Record<FontWeight, string>> = { regular: "NotoSansSC-Regular", bold: "NotoSansSC-Bold" };

export function fontPath(weight: FontWeight): string {
  const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
  const file = path.join(path.dirname(entry), "..", "fonts", FILES[weight]);
  if (!existsSync(file)) throw new Error(`Expected the Noto Sans SC font at ${file}`);
  return file;
}

const cache = new Map<FontWeight, Buffer>();

/** The font bytes, read once per process (the OTFs are ~8 MB each). */
export function fontBytes(weight: FontWeight): Buffer {
  let buf = cache.get(weight);
  if (!buf) {
    buf = readFileSync(fontPath(weight));
    cache.set(weight, buf);
  }
  return buf;
}
