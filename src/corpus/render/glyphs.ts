// Per-glyph text, as WPS and Word exports write it: every glyph its own
// positioned text object. pdfkit writes every string, wrapped or not, through
// one internal method (_fragment, one BT…ET per call); wrapping it here turns
// all text on all pages (tables, narrative, page numbers) into single glyphs,
// placed where the run would have put them.
import type { Doc } from "./pdf.js";

interface FragmentOptions {
  readonly align?: "left" | "right" | "center" | "justify";
  readonly width?: number;
  readonly lineWidth?: number;
  readonly textWidth?: number;
  readonly characterSpacing?: number;
  readonly wordSpacing?: number;
}

type Fragment = (text: string, x: number, y: number, options: FragmentOptions) => void;

/** pdfkit's private text writer: not in its typings, stable across 0.1x releases. */
interface FragmentWriter {
  _fragment: Fragment;
}

export function drawGlyphByGlyph(doc: Doc): void {
  const writer = doc as unknown as FragmentWriter;
  const run = writer._fragment.bind(doc);
  writer._fragment = (text, x, y, options) => {
    const line = text.replace(/\n/g, "");
    if (line === "") return;
    // Alignment as pdfkit applies it to the whole run (justify is never used here).
    let gx = x;
    if (options.width && options.lineWidth !== undefined) {
      if (options.align === "right") gx += options.lineWidth - doc.widthOfString(line.replace(/\s+$/, ""), options);
      else if (options.align === "center") gx += options.lineWidth / 2 - (options.textWidth ?? 0) / 2;
    }
    const single: FragmentOptions = { ...options, align: "left", textWidth: undefined, wordSpacing: 0 };
    for (const ch of line) {
      if (ch.trim() !== "") run(ch, gx, y, single);
      gx += doc.widthOfString(ch, options) + (options.characterSpacing ?? 0) + (/\s/.test(ch) ? (options.wordSpacing ?? 0) : 0);
    }
  };
}
