// Text as a reader sees it, whatever code points the PDF's text layer chose.
// Chromium with Noto CJK, Word and WPS often map a glyph to its Kangxi or
// supplement radical (⼀ 入→⼊ 门→⻔) or to a compatibility ideograph, and some
// producers print full-width digits and letters; titles, headers, line labels
// and unit names would then match nothing. Normalized once, where text enters,
// so that everything downstream and everything stored sees 一 入 门 and 2021.
import { CJK_EQUIVALENT_PAIRS } from "./cjk-equivalents.js";

const EQUIVALENT = new Map<string, string>();
{
  const points = [...CJK_EQUIVALENT_PAIRS];
  for (let i = 0; i + 1 < points.length; i += 2) EQUIVALENT.set(points[i]!, points[i + 1]!);
}

// Full-width forms kept as printed: the punctuation of Chinese text itself
// (（一） 其中： 支出，), which canonical row names spell full-width.
const KEEP_FULL_WIDTH = new Set(["（", "）", "：", "，", "；", "！", "？"]);

/**
 * Radicals, strokes, compatibility ideographs (U+2E80–U+2FDF, U+31C0–U+31EF,
 * U+F900–U+FAFF, U+2F800–U+2FA1F), full-width ASCII, and control characters
 * (U+0000–U+001F, U+007F: Chromium with an OTF CJK font writes U+0001 for the
 * space glyph, "合\u0001计").
 */
const NEEDS_WORK = /[\u0000-\u001F\u007F\u2E80-\u2FDF\u31C0-\u31EF\uF900-\uFAFF\uFF01-\uFF5E]|\uD87E[\uDC00-\uDE1F]/u;
const CANDIDATE = /[\u0000-\u001F\u007F\u2E80-\u2FDF\u31C0-\u31EF\uF900-\uFAFF\uFF01-\uFF5E\u{2F800}-\u{2FA1F}]/gu;

function replacement(c: string): string {
  // A control character stands where a space was drawn (tab and line feed are white space already).
  if (c <= "\u001F" || c === "\u007F") return " ";
  const unified = EQUIVALENT.get(c);
  if (unified !== undefined) return unified;
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0xff01 && code <= 0xff5e && !KEEP_FULL_WIDTH.has(c)) return String.fromCodePoint(code - 0xfee0);
  return c;
}

/** The text with radicals, compatibility ideographs and full-width ASCII replaced by what they stand for. */
export function normalizeText(text: string): string {
  return NEEDS_WORK.test(text) ? text.replace(CANDIDATE, replacement) : text;
}

/**
 * Control characters normalizing makes spaces of, but for U+0001, which Chromium
 * writes for a sound font's space glyph (tab, line feed and return are white space as written).
 */
const CONTROLS = /[\u0000\u0002-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** How many control characters the text holds: the sign of a font without a usable ToUnicode map. */
export const controlCount = (text: string): number => text.match(CONTROLS)?.length ?? 0;
