// The narrative as one compact string: lines are joined with nothing between
// them and all white space dropped, because line breaks fall anywhere (inside
// numbers, "6\n42.57 万元", and inside words), and some PDFs space out every
// character. Offsets map back to pages and to the starts of printed lines.
import type { NarrativePage } from "./types.js";

export interface CompactLine {
  readonly start: number;
  readonly end: number;
  readonly page: number;
  readonly text: string;
}

export interface CompactText {
  readonly text: string;
  readonly lines: readonly CompactLine[];
}

const FULL_WIDTH_DIGIT = /[０-９]/g;
/** Page footers such as "- 15 -", "15", "第 3 页". */
const PAGE_FOOTER = /^[-—–]?\d{1,3}[-—–]?$|^第\d+页(共\d+页)?$/;

export function compactLine(raw: string): string {
  return raw
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．]/g, ".")
    .replace(/[％]/g, "%")
    .replace(/\s+/g, "");
}

export function compactNarrative(pages: readonly NarrativePage[]): CompactText {
  const lines: CompactLine[] = [];
  let text = "";
  for (const p of pages) {
    for (const raw of p.text.split("\n")) {
      const line = compactLine(raw);
      if (line === "" || PAGE_FOOTER.test(line)) continue;
      lines.push({ start: text.length, end: text.length + line.length, page: p.page, text: line });
      text += line;
    }
  }
  return { text, lines };
}

/** The page of an offset (the line that holds it). */
export function pageAt(ct: CompactText, offset: number): number {
  let lo = 0;
  let hi = ct.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((ct.lines[mid]?.start ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return ct.lines[lo]?.page ?? 1;
}
