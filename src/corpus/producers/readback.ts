// Reads a producer's PDF back (pdf.js text per page) to learn what the
// program decided: the page count, its Producer entry, and where each table
// landed. Page texts are compared with all whitespace removed, since Writer
// breaks a run wherever the script or the kerning changes, and as the reader
// normalizes them (Chromium's text layer spells 入 as the radical ⼊).
// Tables are found in print order, each after the previous one's last page:
// its first page shows the title followed by the caption's unit text; its body
// rows then follow one another in the page text (a row never breaks over
// pages), the next page's text taking over, after any repeated header, where
// a row is not next on the current one; the 注 lines and statement close it.
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { normalizeText } from "../../source/normalize-text.js";
import type { TableExpectation } from "./expectation.js";

/** Whitespace, and the control characters some text layers give a space (Chromium with the Noto Sans SC OTFs: U+0001), removed. */
export const norm = (s: string): string => normalizeText(s).replace(/[\s\u0000-\u001f]+/g, "");

export interface PdfText {
  readonly producer: string;
  /** Each page's text, whitespace removed (index 0 = page 1). */
  readonly pages: readonly string[];
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const meta = await doc.getMetadata();
    const info = meta.info as Record<string, unknown>;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(norm(content.items.map((i) => ("str" in i ? (i as TextItem).str : "")).join("")));
    }
    return { producer: typeof info["Producer"] === "string" ? info["Producer"] : "", pages };
  } finally {
    await doc.destroy();
  }
}

export interface Located {
  readonly pages: number[];
  readonly rowPages: Map<string, number>;
  /** Body rows were printed on more than one page. */
  readonly split: boolean;
}

/** How far past the expected position the next text may start (a folio drawn first, stray spacing). */
const SLACK = 12;

export function locateTables(text: PdfText, tables: readonly TableExpectation[]): Map<string, Located> {
  const out = new Map<string, Located>();
  let page = 0;
  for (const t of tables) {
    const title = norm(t.title);
    const cap = norm(t.captionRight);
    let pos = -1;
    for (; page < text.pages.length; page++) {
      const s = text.pages[page] ?? "";
      const at = s.indexOf(title);
      if (at < 0) continue;
      const c = s.indexOf(cap, at + title.length);
      if (c >= 0 && c - (at + title.length) <= 80) {
        pos = c + cap.length;
        break;
      }
    }
    if (pos < 0) throw new Error(`table ${t.id} ("${t.title}"): title and caption not found in the PDF`);
    const first = page;
    const header = norm(t.header);
    const repeated = (t.repeated ?? []).map(norm);
    const at = (p: number, s: string, from: number): number => (text.pages[p] ?? "").indexOf(s, from);
    /**
     * Past what a continuation page prints again at `from` on page p (the
     * title and 部门/单位 line where they repeat, then the header rows), each
     * within SLACK of the last; `from` when none is there.
     */
    const pastHeader = (p: number, from: number): number => {
      let pos = from;
      for (const s of [...repeated, header]) {
        const h = s === "" ? -1 : at(p, s, pos);
        if (h >= 0 && h - pos <= SLACK) pos = h + s.length;
      }
      return pos;
    };
    pos = pastHeader(page, pos);
    /**
     * `s` next on this page (within SLACK characters of the position), or
     * else near the top of the next page (after a folio and a repeated
     * header). A loose search takes it anywhere later on this page or the next.
     */
    const advance = (s: string, what: string, loose = false): void => {
      if (s === "") return;
      const here = at(page, s, pos);
      if (here >= 0 && (loose || here - pos <= SLACK)) {
        pos = here + s.length;
        return;
      }
      const top = pastHeader(page + 1, 0);
      const next = at(page + 1, s, loose ? 0 : top);
      if (next >= 0 && (loose || next - top <= SLACK)) {
        page++;
        pos = next + s.length;
        return;
      }
      throw new Error(`table ${t.id}: ${what} "${s.slice(0, 40)}" not found next on page ${page + 1} or at the top of page ${page + 2}`);
    };
    const rowPages = new Map<string, number>();
    const bodyPages = new Set<number>();
    t.rows.forEach((row, i) => {
      // The header (and 栏次 row) stands between the caption and the first row.
      advance(norm(row.texts.join("")), `row ${i + 1}`);
      bodyPages.add(page);
      for (const key of row.keys) rowPages.set(key, page + 1);
    });
    for (const line of t.tail) {
      const s = norm(line);
      // A long line may run over a page break: its head, then its end anywhere after.
      const head = s.slice(0, 12);
      advance(head, "note");
      const end = s.slice(Math.max(head.length, s.length - 12));
      if (end) advance(end, "note end", true);
    }
    const pages: number[] = [];
    for (let p = first; p <= page; p++) pages.push(p + 1);
    out.set(t.id, { pages, rowPages, split: bodyPages.size > 1 });
    page++;
  }
  return out;
}

/** The page a narrative quote prints on: the first page outside the tables holding it whole. */
export function quotePage(text: PdfText, quote: string, tablePages: ReadonlySet<number>): number | undefined {
  const piece = norm(quote.split("…")[0] ?? "");
  if (piece === "") return undefined;
  for (let i = 0; i < text.pages.length; i++) {
    if (tablePages.has(i + 1)) continue;
    if ((text.pages[i] ?? "").includes(piece)) return i + 1;
  }
  return undefined;
}

/** The PDF's text, read back, after checking the program named itself as `producer` in it. */
export async function readProducedText(id: string, pdf: Uint8Array, producer: RegExp, expected: string): Promise<PdfText> {
  const text = await readPdfText(pdf);
  if (!producer.test(text.producer)) throw new Error(`${id}: expected ${expected} Producer, got "${text.producer}"`);
  return text;
}

/** Where each table landed (locateTables), a failure naming the report. */
export function locateTablesOf(id: string, text: PdfText, tables: readonly TableExpectation[]): Map<string, Located> {
  try {
    return locateTables(text, tables);
  } catch (err) {
    throw new Error(`${id}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
