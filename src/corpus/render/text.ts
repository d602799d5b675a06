// Every string on a page is drawn here, one run per call, so that a later
// variant (per-glyph text, rotated runs) changes one function.
import { FONT, type FontWeight } from "./fonts.js";
import type { Doc } from "./pdf.js";

export interface RunStyle {
  readonly size: number;
  readonly weight?: FontWeight;
}

export function useFont(doc: Doc, s: RunStyle): Doc {
  return doc.font(FONT[s.weight ?? "regular"]).fontSize(s.size);
}

export function measure(doc: Doc, text: string, s: RunStyle): number {
  return useFont(doc, s).widthOfString(text);
}

/** Draws text with its line box's top-left at (x, y); never wraps, never adds a page. */
export function drawRun(doc: Doc, text: string, x: number, y: number, s: RunStyle): void {
  if (text === "") return;
  useFont(doc, s).text(text, x, y, { lineBreak: false });
}
