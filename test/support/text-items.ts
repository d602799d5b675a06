// The oracle for the text layer: pdf.js's own text extraction (getTextContent),
// its items turned into lines of text with their horizontal extent. The page
// reader takes its text from the operator list instead; both must read alike.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import { readPage } from "../../src/source/pdf.js";
import type { TextRun } from "../../src/source/model.js";
import { runsToLines } from "../../src/layout/lines.js";
import { normalizeText } from "../../src/source/normalize-text.js";

export interface LineText {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
}

/** Lines of a page by pdf.js's text extraction (horizontal text only, as the layout reads it). */
export async function pdfjsLines(doc: PDFDocumentProxy, pageNumber: number): Promise<LineText[]> {
  const page = await doc.getPage(pageNumber);
  const [a, b, c, d, e, f] = page.getViewport({ scale: 1 }).transform as number[];
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const raw of content.items) {
    if (!("str" in raw)) continue;
    const item = raw as Item;
    // The reader normalizes radicals and compatibility ideographs where text enters; so does the oracle.
    const text = normalizeText(item.str).replace(/\s+/g, " ");
    const [t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0] = item.transform;
    // The item's matrix in display space.
    const m = [a! * t0 + c! * t1, b! * t0 + d! * t1, a! * t2 + c! * t3, b! * t2 + d! * t3, a! * t4 + c! * t5 + e!, b! * t4 + d! * t5 + f!] as const;
    const size = Math.hypot(m[2], m[3]);
    if (text.trim() === "" || size <= 0 || Math.abs(m[1]) > Math.abs(m[0])) continue;
    const advance = (item.width / (Math.hypot(t0, t1) || 1)) * Math.hypot(m[0], m[1]);
    const end = m[4] + Math.sign(m[0] || 1) * advance;
    runs.push({ text, x0: Math.min(m[4], end), x1: Math.max(m[4], end), y0: m[5] - size * 0.88, y1: m[5] + size * 0.12, size, vertical: false });
  }
  page.cleanup();
  return linesOf(runs);
}

/** Lines of a page by the page reader. */
export async function readerLines(doc: PDFDocumentProxy, pageNumber: number): Promise<LineText[]> {
  return linesOf((await readPage(doc, pageNumber)).runs);
}

function linesOf(runs: readonly TextRun[]): LineText[] {
  return runsToLines(runs).map((l) => ({ text: l.text, x0: l.x0, x1: l.x1 }));
}
