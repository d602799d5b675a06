// Whether a font's decoded text is text. A font whose ToUnicode map is missing
// or wrong decodes as its glyph ids: LibreOffice and pdfkit number a subset's
// glyphs 1, 2, 3… (control codes, ASCII soup, Latin-1 letters), Skia keeps the
// original ids (ideographs scattered over the whole CJK block, most of them
// rare). Judged per font, not per page: on a table page the sound figures of
// another font would dilute a broken label font below any page-wide threshold.
import type { FontText } from "./model.js";

/** Fewer characters than this are too little to judge a font by (a title of six characters, one of them rare). */
export const MIN_JUDGED_CHARS = 30;
/** A font with this share of unlikely characters is broken: its text is not used. */
export const BROKEN_SHARE = 0.12;
/** A font with this share is suspect: its page's tables are checked against an OCR reading (extract/). */
export const SUSPECT_SHARE = 0.08;

/**
 * The 3,755 ideographs of GB 2312 level 1, which carry nearly all of modern
 * Chinese text; a real report's other ideographs are a few place and personal
 * names. Decoded from the standard's own code table (rows 16–55), which the
 * runtime's GBK decoder holds; null where the runtime has no GBK decoder
 * (Node built without full ICU), and then rare ideographs are not counted.
 */
const COMMON_HANZI: ReadonlySet<string> | null = (() => {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder("gbk");
  } catch {
    return null;
  }
  const set = new Set<string>();
  for (let row = 0xb0; row <= 0xd7; row++)
    for (let cell = 0xa1; cell <= (row === 0xd7 ? 0xf9 : 0xfe); cell++) set.add(decoder.decode(new Uint8Array([row, cell])));
  return set;
})();

interface CharClass {
  readonly name: string;
  readonly test: (c: string) => boolean;
}

export const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
export const PRIVATE_USE = /[\ue000-\uf8ff]/u;

/** Characters a report's text does not hold, in the order they are named; the first that matches counts. */
const UNLIKELY: readonly CharClass[] = [
  // U+0001 is no sign: Chromium writes it for the space glyph of an OTF CJK font.
  { name: "control codes", test: (c) => /[\u0000\u0002-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(c) },
  { name: "private-use characters", test: (c) => PRIVATE_USE.test(c) },
  { name: "Latin-1 letters", test: (c) => /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/.test(c) },
  { name: "rare ideographs", test: (c) => COMMON_HANZI !== null && IDEOGRAPH.test(c) && !COMMON_HANZI.has(c) },
  {
    name: "characters of other scripts",
    // What a Chinese report prints: ideographs, radicals (normalized later), ASCII, Latin-1 signs,
    // punctuation, number forms, arrows, mathematical operators (≤ ≥), enclosed numbers, box drawing, shapes, CJK and full-width forms.
    test: (c) => !/[\u0001\u0009\u000a\u000d\u0020-\u007e\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2100-\u22ff\u2460-\u25ff\u2e80-\u2fdf\u3000-\u303f\u31c0-\u31ef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u.test(c),
  },
];

export interface FontVerdict {
  readonly font: string;
  /** Non-space characters judged (the page's sample of this font). */
  readonly chars: number;
  /** 0–1: the share of them a report's text does not hold. */
  readonly unlikely: number;
  /** Which unlikely classes were found, most first: "control codes 31%". */
  readonly found: string[];
}

/** The font's verdict, or null for fewer than `least` characters to judge it by. */
export function judgeFont(font: FontText, least = MIN_JUDGED_CHARS): FontVerdict | null {
  const chars = [...font.text.replace(/[\s\u0001]+/g, "")];
  if (chars.length < least) return null;
  const counts = new Map<string, number>();
  for (const c of chars) {
    const cls = UNLIKELY.find((k) => k.test(c));
    if (cls) counts.set(cls.name, (counts.get(cls.name) ?? 0) + 1);
  }
  const unlikely = [...counts.values()].reduce((a, b) => a + b, 0) / chars.length;
  const found = [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `${name} ${Math.round((n / chars.length) * 100)}%`);
  return { font: font.font, chars: chars.length, unlikely, found };
}
