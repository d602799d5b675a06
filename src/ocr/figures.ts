// The figures of an OCR'd page read again as digits only: every figure from
// its glyph box (grey, then black on white where that did not confirm it), a
// glyph standing between figures, and, once glyphs are joined, words in a
// column of figures that did not read as one.
import type { FigureReading, OcrWord } from "./pool.js";
import type { Ink } from "./ink.js";
import { MIN_FIGURE_CONFIDENCE, readFigureAt, readFigureWays } from "./crop.js";
import { WELL_FORMED } from "./words.js";

/** A word that is a figure, or one once letters OCR takes for digits are read as digits ("L,136.18"). */
const FIGURE = /^-?[\d,]*\.?\d+$/;
const LOOKALIKE: Readonly<Record<string, string>> = { ":": ".", ";": ".", L: "1", l: "1", I: "1", "|": "1", i: "1", O: "0", o: "0", D: "0", S: "5", s: "5", B: "8", Z: "2", z: "2", T: "7", g: "9", q: "9" };

/**
 * A figure whose last 0 its cell cut off: a spreadsheet clips a figure set flush against its cell's
 * right edge, and the 0 left open on the right reads as C, a bracket or a CJK bracket ("5,687,844.0(", "0.0〔").
 */
const CLIPPED_ZERO = /^(-?[\d,]*\.\d)[C(\[c〔（]$/u;

const lookalikesMapped = (text: string): string => [...text].map((c) => LOOKALIKE[c] ?? c).join("");

/** A clipped figure with its last 0 put back ("0.0C" → "0.00", "o.oc" → "0.00"), or null when the word is no clipped figure. */
function clippedFigure(text: string, mapped = lookalikesMapped(text)): string | null {
  const clipped = CLIPPED_ZERO.exec(text) ?? CLIPPED_ZERO.exec(mapped);
  return clipped ? `${clipped[1]!}0` : null;
}

/** The word as a figure ("L,136.18" → "1,136.18", "2:82" → "2.82", "0.0C" → "0.00"), or null when it does not read as one. */
function asFigure(text: string): string | null {
  if (FIGURE.test(text)) return text;
  const mapped = lookalikesMapped(text);
  return clippedFigure(text, mapped) ?? (FIGURE.test(mapped) ? mapped : null);
}

/** Words the digits pass reads again: figures, and any word with a digit and no Chinese (a figure OCR mangled, "Qil9:95"). */
const mayBeFigure = (text: string): boolean => asFigure(text) !== null || (/\d/.test(text) && !/[^\x00-\x7f]/.test(text));

/** A figure with a stray separator ("25,.27", ",25.27") as the amount it prints; well-formed ones unchanged. */
function tidy(text: string): string {
  if (WELL_FORMED.test(text)) return text;
  const bare = text.replace(/,/g, "");
  return WELL_FORMED.test(bare) ? bare : text;
}

const valueOf = (text: string): string => text.replace(/,/g, "");

const centre = (v: OcrWord): number => (v.y0 + v.y1) / 2;

/** How sure (0–100) the page reading must be of a well-formed figure for the digits pass to leave it. */
const SURE_FIGURE_CONFIDENCE = 85;

/** How sure (0–100) the digits pass must be to make a Chinese glyph a figure. */
const STRAY_GLYPH_CONFIDENCE = 50;

/**
 * A word of a glyph or two standing between figures on its line, where a
 * 栏次 row or a row of amounts has one number read as a look-alike
 * (5 → 志, 7 → 孔, 2 → P): the digits pass reads it too. Neighbours are found
 * by position (tesseract may put them in lines of their own).
 */
function isStrayGlyph(words: readonly OcrWord[], i: number): boolean {
  const w = words[i]!;
  if (!/^([\u3400-\u9fff]{1,2}|[A-Za-z]{1,2})$/.test(w.text)) return false;
  const near = words.filter((v) => v !== w && Math.abs(centre(v) - centre(w)) < (w.y1 - w.y0) / 2);
  const left = near.filter((v) => v.x1 <= w.x0 + 1).sort((a, b) => b.x1 - a.x1)[0];
  const right = near.filter((v) => v.x0 >= w.x1 - 1).sort((a, b) => a.x0 - b.x0)[0];
  return left !== undefined && right !== undefined && asFigure(left.text) !== null && asFigure(right.text) !== null;
}

/**
 * Second pass on figures: each is cut out of the page by its glyph box and
 * read again as one line of digits and separators (crop.ts readFigureAt).
 * Whole-page reading drops a leading "1," now and then though the box spans it; the re-read wins when it keeps the first reading's
 * digits at its end, or is surer. Readings that agree raise the confidence.
 */
export async function rereadFigures(words: readonly OcrWord[], page: Ink): Promise<OcrWord[]> {
  // Crops are cut, then read by the pool at once.
  const stray = words.map((_, i) => isStrayGlyph(words, i));
  // A well-formed figure the page reading is sure of is not read again: on the scan corpus the
  // digits pass changed none of them (2,000 figures read at ≥ 85), and it cost a page a second of CPU.
  const sure = (w: OcrWord): boolean => w.confidence >= SURE_FIGURE_CONFIDENCE && WELL_FORMED.test(w.text);
  const read = words.map((w, i) => (mayBeFigure(w.text) && !sure(w)) || stray[i]!);
  const firsts = words.map((w) => asFigure(w.text));
  const floor = (i: number): number => (stray[i] ? STRAY_GLYPH_CONFIDENCE : MIN_FIGURE_CONFIDENCE);
  const heard = (a: FigureReading | null | undefined, i: number): a is FigureReading => a !== null && a !== undefined && a.confidence >= floor(i) && WELL_FORMED.test(a.text);
  const grey = await Promise.all(words.map((w, i) => (read[i] ? readFigureAt(page, w) : null)));
  // A figure the grey crop did not confirm is read black on white too, a second opinion.
  const confirmed = (i: number): boolean => heard(grey[i], i) && firsts[i] !== null && valueOf(grey[i]!.text) === valueOf(firsts[i]!);
  const sharp = await Promise.all(words.map((w, i) => (read[i] && !confirmed(i) ? readFigureAt(page, w, 1.5, true) : null)));
  return words.map((w, i) => {
    const first = firsts[i]!;
    const a = secondOpinion(grey[i], sharp[i], first, (r) => heard(r, i));
    // A mangled word the digits pass reads as a figure is that figure, no surer than the page reading was.
    if (first === null) return a ? { ...w, text: a.text, confidence: Math.min(w.confidence, a.confidence) } : w;
    if (!a) return { ...w, text: tidy(first) };
    if (valueOf(a.text) === valueOf(first)) return { ...w, text: first, confidence: Math.max(w.confidence, a.confidence) };
    // The digits pass sees the cut-off 0 too, and must make a digit of it: it says nothing of that digit.
    const sameButLast = valueOf(a.text).slice(0, -1) === valueOf(first).slice(0, -1);
    if (clippedFigure(w.text) !== null && sameButLast) return { ...w, text: first, confidence: Math.min(w.confidence, a.confidence) };
    const better = valueOf(a.text).endsWith(valueOf(first)) || a.confidence > w.confidence;
    // Two readings that disagree: whichever is kept, it is no surer than the less sure of them.
    return { ...w, text: better ? a.text : first, confidence: Math.min(w.confidence, a.confidence) };
  });
}

/**
 * The digits pass's reading from a grey crop and, where that did not confirm
 * the page, a black-on-white one: where both are heard and differ, the one the
 * page reading agrees with, else the surer.
 */
function secondOpinion(grey: FigureReading | null | undefined, sharp: FigureReading | null | undefined, first: string | null, heard: (r: FigureReading | null | undefined) => r is FigureReading): FigureReading | null {
  const [g, s] = [heard(grey) ? grey : null, heard(sharp) ? sharp : null];
  if (!g || !s) return g ?? s;
  if (valueOf(g.text) === valueOf(s.text)) return g.confidence >= s.confidence ? g : s;
  if (first !== null && valueOf(s.text) === valueOf(first)) return s;
  if (first !== null && valueOf(g.text) === valueOf(first)) return g;
  return g.confidence >= s.confidence ? g : s;
}

/** Letters, digits and the marks OCR puts for a figure's separators. */
const FIGURE_LOOKALIKE = /^[\u3400-\u9fffA-Za-z\d.,:;'"“”「」]+$/u;

/** A figure OCR mangled: short, mostly digits, with a separator (士019.95, 泊水36.18); "2023年度" is a year. */
const isMangled = (t: string): boolean =>
  asFigure(t) === null && FIGURE_LOOKALIKE.test(t) && /[.,:;]/.test(t) && [...t].length <= 12 && (t.match(/[\d.,]/g)?.length ?? 0) * 2 > [...t].length;

/** A doubtful glyph in front of a figure may be its "1," read as Chinese (一 136.18), a doubtful word in a column of figures a figure; a sure one is text (支出1,136.18). */
const LEAD_CONFIDENCE = 60;

/** What the column pass reads again: a box, and the glyph in front of a figure it takes in (or null). */
interface Stray {
  readonly box: OcrWord;
  readonly lead: number | null;
}

/**
 * A word that should be a figure and did not read as one, by its column: a
 * mangled figure with a figure (or another mangled one) right above or below
 * it; a short word with no digit (0.00 → 阮, 18 → 唐) with figures both above
 * and below; a figure with a doubtful glyph or two right in front of it, read
 * together with it.
 */
function strayAt(words: readonly OcrWord[], i: number): Stray | null {
  const w = words[i]!;
  if (asFigure(w.text) !== null) {
    const h = w.y1 - w.y0;
    const lead = words.findIndex(
      (v) =>
        v !== w && Math.abs(centre(v) - centre(w)) < h / 2 && v.x1 <= w.x0 + 1 && w.x0 - v.x1 < 0.6 * h &&
        /^[^\d]{1,2}$/u.test(v.text) && v.confidence < LEAD_CONFIDENCE,
    );
    return lead < 0 ? null : { box: { ...w, x0: words[lead]!.x0, y0: Math.min(w.y0, words[lead]!.y0), y1: Math.max(w.y1, words[lead]!.y1) }, lead };
  }
  const mangled = isMangled(w.text);
  // A word read with confidence is what it says (组织事务 beside a column of codes).
  if (!mangled && !(FIGURE_LOOKALIKE.test(w.text) && [...w.text].length <= 4 && w.confidence < LEAD_CONFIDENCE)) return null;
  // Sharing a column: overlapping across by half the narrower of the two.
  const shared = (v: OcrWord): boolean => Math.min(v.x1, w.x1) - Math.max(v.x0, w.x0) > 0.5 * Math.min(v.x1 - v.x0, w.x1 - w.x0);
  const column = words.filter((v) => v !== w && shared(v));
  const figure = (v: OcrWord | undefined): boolean => v !== undefined && (asFigure(v.text) !== null || (mangled && isMangled(v.text)));
  const above = figure(column.filter((v) => centre(v) < w.y0).sort((a, b) => centre(b) - centre(a))[0]);
  const below = figure(column.filter((v) => centre(v) > w.y1).sort((a, b) => centre(a) - centre(b))[0]);
  return (mangled ? above || below : above && below) ? { box: w, lead: null } : null;
}

/**
 * Joined words in a column of figures that did not read as one go to the
 * digits pass whole (the glyph-by-glyph pass saw 久, 江 and 3 apart), at
 * three zooms, grey and black on white: on such crops tesseract's confidence swings from 0 to 90 for
 * one right reading (1,019.95 at 9, 1,013.92 at 71 on the same cell), so the
 * value most zooms agree on wins; a value read once must be sure. Kept as
 * read unless a well-formed figure comes out; a figure read with the glyph in
 * front of it only when that reading ends in its digits.
 */
export async function rereadColumnStrays(words: readonly OcrWord[], page: Ink): Promise<OcrWord[]> {
  const strays = words.map((_, i) => strayAt(words, i));
  const leads = new Set(strays.map((s) => s?.lead).filter((l): l is number => l !== null && l !== undefined));
  const again = await Promise.all(strays.map((s, i) => (s && !leads.has(i) ? readStray(page, s.box) : null)));
  const dropped = new Set<number>();
  const out = words.map((w, i) => {
    const votes = new Map<string, { text: string; count: number; confidence: number }>();
    for (const a of again[i] ?? []) {
      if (!a || !WELL_FORMED.test(a.text)) continue;
      const v = votes.get(valueOf(a.text));
      votes.set(valueOf(a.text), { text: v?.text ?? a.text, count: (v?.count ?? 0) + 1, confidence: Math.max(v?.confidence ?? 0, a.confidence) });
    }
    const best = [...votes.values()].sort((a, b) => b.count - a.count || b.confidence - a.confidence)[0];
    if (!best || (best.count < 2 && best.confidence < STRAY_GLYPH_CONFIDENCE)) return w;
    const stray = strays[i]!;
    if (stray.lead !== null) {
      if (!(valueOf(best.text).length > valueOf(w.text).length && valueOf(best.text).endsWith(valueOf(w.text)))) return w;
      dropped.add(stray.lead);
    }
    const confidence = best.count >= 2 ? Math.max(best.confidence, STRAY_GLYPH_CONFIDENCE) : best.confidence;
    return { ...stray.box, text: best.text, confidence: Math.min(w.confidence, stray.lead !== null ? words[stray.lead]!.confidence : 100, confidence) };
  });
  // A clipped figure that only became one word once its glyphs were joined ("0.0" + "C") is that figure.
  return out.filter((_, i) => !dropped.has(i)).map((w) => {
    const whole = clippedFigure(w.text);
    return whole ? { ...w, text: whole } : w;
  });
}

/** Zooms the column pass reads a mangled figure at: the first, grey and black on white, then the others where those two disagree. */
const COLUMN_ZOOMS = [1.5, 1, 2];

/**
 * A stray read grey and black on white at the first zoom, and at the others only
 * where those two do not agree on a well-formed figure: two agreeing readings
 * already carry the vote, and each further read costs as much as a figure's.
 */
async function readStray(page: Ink, box: OcrWord): Promise<(FigureReading | null)[]> {
  const first = await readFigureWays(page, box, COLUMN_ZOOMS.slice(0, 1));
  const [g, s] = first;
  if (g && s && WELL_FORMED.test(g.text) && valueOf(g.text) === valueOf(s.text)) return first;
  return [...first, ...(await readFigureWays(page, box, COLUMN_ZOOMS.slice(1)))];
}
