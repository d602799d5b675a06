// A font whose ToUnicode map is missing or wrong still draws the right glyphs,
// and shows each glyph by one code throughout the font object. So OCR need
// not replace its text: OCR reads the page, and the glyphs that stand together
// on a line (a cell's text, a title) are matched to the words OCR read over
// them, in order, when both hold as many characters; each glyph's code gets a
// vote for its character. The codes, voted across every page, decode the text
// layer, which keeps its exact geometry and is then read as any text layer
// is: a digit OCR misread once is outvoted by the same code read right
// elsewhere, and a font that is sound keeps its own text on the same page
// (only broken fonts are decoded). A glyph whose code no word ever matched
// takes the character OCR read there, found by aligning its line's known
// characters with OCR's reading of it.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import { readPage } from "../source/pdf.js";
import type { GlyphAt, PlacedGlyph } from "../source/glyph-runs.js";
import type { FontText, PageModel, TextRun } from "../source/model.js";
import { judgeFont, MIN_JUDGED_CHARS, SUSPECT_SHARE } from "../source/font-text.js";
import { overlap } from "../layout/geometry.js";

/** A font's text judged from at most this much of the document. */
const SAMPLE = 20000;
/** A gap wider than this share of the glyph size parts two groups (a cell's padding, a column's gap). */
const GROUP_GAP = 0.6;
/** A one-character word read with less confidence than this may be a speck, when a group has a character too many. */
const SPECK_CONFIDENCE = 0.9;
/** An OCR word this sure, where the text layer has none, is text drawn otherwise. */
const SURE_FILL = 0.8;
/** Punctuation a Chinese text prints full-width, which normalizing keeps full-width (source/normalize-text.ts). */
const FULL_WIDTH = new Map([["(", "（"], [")", "）"], [":", "："], [",", "，"], [";", "；"], ["!", "！"], ["?", "？"]]);
/** A glyph advancing this share of its size or more is full-width (an ASCII bracket advances about a third). */
const FULL_WIDTH_ADVANCE = 0.8;

/**
 * The fonts whose text is not taken as written, judged over the whole
 * document: every font but those that wrote enough to be judged and were
 * found sound. (A font that wrote a title alone is decoded: on a page OCR
 * reads, OCR's reading of it is the better guess.)
 */
export function fontsToDecode(pages: readonly PageModel[]): Set<string> {
  const written = new Map<string, string>();
  for (const f of pages.flatMap((p) => p.fonts ?? [])) {
    const had = written.get(f.font) ?? "";
    if (had.length < SAMPLE) written.set(f.font, had === "" ? f.text : `${had} ${f.text}`);
  }
  const decode = new Set<string>();
  for (const [font, text] of written) {
    const verdict = judgeFont({ font, text } satisfies FontText, MIN_JUDGED_CHARS);
    if (verdict === null || verdict.unlikely >= SUSPECT_SHARE) decode.add(font);
  }
  return decode;
}

/** Glyphs that stand together on a line, and the words OCR read over them. */
interface Group {
  readonly glyphs: PlacedGlyph[];
  readonly box: { x0: number; x1: number; y0: number; y1: number };
  /** The characters read over the group, left to right, with the confidence of their word. */
  read: { c: string; weight: number }[];
}

/** What each code of each font object writes, voted over the document's pages. */
export class GlyphVotes {
  /** font object → code → character → weight. */
  private readonly votes = new Map<string, Map<number, Map<string, number>>>();
  /** font object → code → its glyph's advance over its size: a full-width glyph is about 1. */
  private readonly widths = new Map<string, Map<number, number>>();
  /** Each page's groups, kept until the votes are in. */
  private readonly pages = new Map<number, Group[]>();
  private chosen: Map<string, Map<number, string>> | null = null;

  constructor(private readonly fonts: ReadonlySet<string>) {}

  /** Whether any of the glyphs is in a font to decode. */
  concerns(glyphs: readonly PlacedGlyph[]): boolean {
    return glyphs.some((g) => this.fonts.has(g.font));
  }

  /**
   * Learns from one page: its glyphs (points), whether each holds ink, and
   * the words OCR read there. Tesseract's boxes of CJK characters can be half
   * a character off, so glyphs are not matched to characters by place but by
   * order, a group at a time.
   */
  learn(page: number, glyphs: readonly PlacedGlyph[], inked: readonly boolean[], words: readonly TextRun[]): void {
    this.chosen = null;
    const groups = groupsOf(glyphs.filter((_, i) => inked[i]));
    // Each word to the group it overlaps most.
    const over = groups.map((): TextRun[] => []);
    for (const w of words) {
      let best = -1;
      let most = 0;
      const cy = (w.y0 + w.y1) / 2;
      groups.forEach((g, k) => {
        if (cy < g.box.y0 || cy > g.box.y1) return;
        const shared = overlap(w.x0, w.x1, g.box.x0, g.box.x1);
        if (shared > most) [best, most] = [k, shared];
      });
      if (best >= 0 && most >= (w.x1 - w.x0) / 2) over[best]!.push(w);
    }
    groups.forEach((g, k) => {
      let ws = over[k]!.sort((a, b) => a.x0 - b.x0);
      // More characters than glyphs: a stroke read a second time, as a word within another word, goes…
      const within = ws.filter((w) => ws.some((v) => v !== w && (v.confidence ?? 1) >= (w.confidence ?? 1) && overlap(v.x0, v.x1, w.x0, w.x1) > (w.x1 - w.x0) / 2));
      if (within.length > 0 && charsOf(ws).length - charsOf(within).length >= g.glyphs.length) ws = ws.filter((w) => !within.includes(w));
      // …and specks read as glyphs (a lone mark beside a bold stroke), the least sure first.
      const extra = charsOf(ws).length - g.glyphs.length;
      if (extra > 0) {
        const specks = ws.filter((w) => [...w.text.trim()].length === 1 && (w.confidence ?? 1) < SPECK_CONFIDENCE).sort((a, b) => (a.confidence ?? 1) - (b.confidence ?? 1));
        if (specks.length >= extra) ws = ws.filter((w) => !specks.slice(0, extra).includes(w));
      }
      g.read = charsOf(ws);
      for (const glyph of g.glyphs) this.measure(glyph);
      if (g.read.length === g.glyphs.length) g.glyphs.forEach((glyph, i) => this.vote(glyph, g.read[i]!.c, g.read[i]!.weight));
    });
    this.pages.set(page, groups);
  }

  /**
   * The decoder a learnt page's text layer is read again with: a voted code
   * writes its most voted character; a glyph whose code is not voted, the
   * character aligned with it in OCR's reading of its group, or nothing; a
   * code with no ink anywhere (a space glyph) writes a space.
   */
  decoder(page: number): (glyph: GlyphAt) => string | undefined {
    const chosen = this.choose();
    const known = (g: GlyphAt): string | undefined => chosen.get(g.fontId)?.get(g.code);
    // Glyphs of this page whose code no vote settled, read from their group's OCR reading.
    const fill = new Map<string, string>();
    for (const group of this.pages.get(page) ?? []) {
      const text = group.glyphs.map((g) => (this.fonts.has(g.font) ? (known(g) ?? null) : g.text));
      if (!text.includes(null)) continue;
      const aligned = align(text, group.read.map((r) => r.c));
      group.glyphs.forEach((g, i) => {
        if (text[i] === null) fill.set(keyOf(g), aligned[i] ?? "");
      });
    }
    return (g) => {
      if (!this.fonts.has(g.font)) return undefined;
      return known(g) ?? fill.get(keyOf(g)) ?? " ";
    };
  }

  /** Each voted code's character (worked out once the votes are in). */
  private choose(): Map<string, Map<number, string>> {
    if (this.chosen) return this.chosen;
    const out = new Map<string, Map<number, string>>();
    for (const [font, codes] of this.votes) {
      const chosen = new Map<number, string>();
      for (const [code, chars] of codes) {
        const char = [...chars].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
        // OCR reads a full-width bracket or colon as its ASCII twin; the glyph's own width tells them apart.
        const full = FULL_WIDTH.get(char);
        chosen.set(code, full !== undefined && (this.widths.get(font)?.get(code) ?? 0) >= FULL_WIDTH_ADVANCE ? full : char);
      }
      out.set(font, chosen);
    }
    this.chosen = out;
    return out;
  }

  private measure(g: PlacedGlyph): void {
    const widths = this.widths.get(g.fontId) ?? new Map<number, number>();
    this.widths.set(g.fontId, widths);
    widths.set(g.code, Math.max(widths.get(g.code) ?? 0, (g.x1 - g.x0) / Math.max(1e-6, g.y1 - g.y0)));
  }

  private vote(g: PlacedGlyph, char: string, weight: number): void {
    if (!this.fonts.has(g.font)) return;
    const codes = this.votes.get(g.fontId) ?? new Map<number, Map<string, number>>();
    this.votes.set(g.fontId, codes);
    const chosen = codes.get(g.code) ?? new Map<string, number>();
    codes.set(g.code, chosen);
    chosen.set(char, (chosen.get(char) ?? 0) + weight);
  }
}

const keyOf = (g: GlyphAt): string => `${g.fontId}|${g.code}|${Math.round(g.x * 10)}|${Math.round(g.y * 10)}`;

const charsOf = (words: readonly TextRun[]): { c: string; weight: number }[] =>
  words.flatMap((w) => [...w.text.replace(/\s+/g, "")].map((c) => ({ c, weight: w.confidence ?? 1 })));

/**
 * Aligns a line's characters, some unknown (null), with OCR's reading of it
 * (edit distance: a known character costs nothing against itself and one
 * against another, an unknown one half against any; dropping either side's
 * character costs one). Each glyph's aligned character, or undefined.
 */
function align(text: readonly (string | null)[], read: readonly string[]): (string | undefined)[] {
  const [n, m] = [text.length, read.length];
  const cost = Array.from({ length: n + 1 }, (_, i) => Float64Array.from({ length: m + 1 }, (_, j) => i + j));
  const sub = (i: number, j: number): number => (text[i] === null ? 0.5 : text[i] === read[j] ? 0 : 1);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) cost[i]![j] = Math.min(cost[i - 1]![j - 1]! + sub(i - 1, j - 1), cost[i - 1]![j]! + 1, cost[i]![j - 1]! + 1);
  const out: (string | undefined)[] = new Array(n).fill(undefined);
  let [i, j] = [n, m];
  while (i > 0 && j > 0) {
    if (cost[i]![j] === cost[i - 1]![j - 1]! + sub(i - 1, j - 1)) {
      out[i - 1] = read[j - 1];
      [i, j] = [i - 1, j - 1];
    } else if (cost[i]![j] === cost[i - 1]![j]! + 1) i--;
    else j--;
  }
  return out;
}

/** Inked glyphs that stand together on a line: one baseline, one size, no wide gap. */
function groupsOf(glyphs: readonly PlacedGlyph[]): Group[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: PlacedGlyph[][] = [];
  for (const g of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - g.y) <= (g.y1 - g.y0) * 0.3) line.push(g);
    else lines.push([g]);
  }
  const groups: Group[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x0 - b.x0);
    let current: PlacedGlyph[] = [];
    const close = (): void => {
      if (current.length === 0) return;
      const box = { x0: current[0]!.x0, x1: Math.max(...current.map((g) => g.x1)), y0: Math.min(...current.map((g) => g.y0)), y1: Math.max(...current.map((g) => g.y1)) };
      groups.push({ glyphs: current, box, read: [] });
      current = [];
    };
    for (const g of line) {
      const last = current[current.length - 1];
      const h = g.y1 - g.y0;
      if (last && (g.x0 - last.x1 > h * GROUP_GAP || Math.abs(h - (last.y1 - last.y0)) > h * 0.2)) close();
      current.push(g);
    }
    close();
  }
  return groups;
}

/** The glyphs of a page as drawn. */
export async function glyphsOf(doc: PDFDocumentProxy, page: number): Promise<PlacedGlyph[]> {
  const glyphs: PlacedGlyph[] = [];
  await readPage(doc, page, { onGlyph: (g) => glyphs.push(g) });
  return glyphs;
}

/**
 * The page's text layer read with its decoder, and OCR's sure words where the
 * text layer has no text at all (text drawn as shapes or images).
 */
export async function decodedPage(doc: PDFDocumentProxy, page: number, votes: GlyphVotes, ocr: PageModel): Promise<PageModel> {
  const model = await readPage(doc, page, { decode: votes.decoder(page) });
  // Only sure words: OCR's guesses at a dash or a ruling's remnant beside the text layer's own glyphs are no text.
  const fill = ocr.runs.filter((w) => (w.confidence ?? 1) >= SURE_FILL && !model.runs.some((r) => overlaps(r, w)));
  return { ...model, runs: [...model.runs, ...fill] };
}

/** Two runs share more than a third of the smaller one's box. */
function overlaps(a: TextRun, b: TextRun): boolean {
  const area = (r: TextRun): number => (r.x1 - r.x0) * (r.y1 - r.y0);
  return overlap(a.x0, a.x1, b.x0, b.x1) * overlap(a.y0, a.y1, b.y0, b.y1) > Math.min(area(a), area(b)) / 3;
}
