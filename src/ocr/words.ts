// Tesseract's words shaped into the runs a text layer would give: glyphs of
// one word joined, words cut where a ruling ran, and each word seated on its
// own ink. Tesseract's boxes are not to be trusted for either: a glyph's box
// may span its neighbours (经 boxed over 经营收), and a "line" may hold the
// glyphs of two lines set half a line apart (a table header's wrapped cells),
// so gaps and heights are measured on the ink itself.
import type { OcrWord } from "./pool.js";
import { inkRuns, rowInk, widestWhite, type Ink } from "./ink.js";

export interface Wall {
  readonly x: number;
  readonly y0: number;
  readonly y1: number;
}

/** A well-formed amount: thousands grouped by three, or no grouping. */
export const WELL_FORMED = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

const cjk = (t: string): boolean => /[^\x00-\x7f]/.test(t);
const mid = (w: OcrWord): number => (w.x0 + w.x1) / 2;
// A word read whole from a line holds several glyphs: each takes an equal share of its box.
const share = (w: OcrWord): number => (w.x1 - w.x0) / Math.max(1, [...w.text].length);
const lastGlyphMid = (w: OcrWord): number => w.x1 - share(w) / 2;
const firstGlyphMid = (w: OcrWord): number => w.x0 + share(w) / 2;

/** A white gap at least this share of a glyph between two glyphs parts them: glyphs of a word stand closer, table columns further. */
const PARTING_WHITE = 0.6;
/** A vertical ruling strictly between x0 and x1 that spans any of y0–y1. */
const wallBetween = (walls: readonly Wall[], x0: number, x1: number, y0: number, y1: number): boolean => walls.some((v) => v.x > x0 && v.x < x1 && v.y0 <= y1 && v.y1 >= y0);

/** Punctuation whose ink leaves white within its own glyph's room: no parting measured beside it. */
const SPACED_PUNCTUATION = /[，。、；：！？）》」”’]$/;

/** The page's typical Chinese glyph height (pixels): the text size of its body. */
export function glyphSize(words: readonly OcrWord[]): number {
  const heights = words.filter((w) => /[\u3400-\u9fff]/.test(w.text)).map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** What is left of an erased ruling reads as a bar, a quote mark or an underscore at a word's edge ("0.00_"): trimmed. */
export function clean(w: OcrWord): OcrWord {
  const chars = [...w.text];
  const lead = (/^[|“”‘’"'`_]+/.exec(w.text)?.[0] ?? "").length;
  const trail = (/[|“”‘’"'`_]+$/.exec(w.text)?.[0] ?? "").length;
  if (lead + trail === 0) return w;
  if (lead + trail >= chars.length) return { ...w, text: "" };
  // The box shrinks with the text: layout places each character by its share of the box.
  const step = share(w);
  return { ...w, text: chars.slice(lead, chars.length - trail).join(""), x0: w.x0 + lead * step, x1: w.x1 - trail * step };
}

/** A letter or digit boxed under this share of a glyph's height, read with less confidence than NOISE_CONFIDENCE, is noise OCR made a glyph of. */
const NOISE_HEIGHT = 0.55;
const NOISE_CONFIDENCE = 40;

/** Whether a word is a speck of noise tesseract read as a letter or digit (a "2" half a glyph tall inside a title). */
export function isNoise(w: OcrWord, em: number): boolean {
  return em > 0 && /^[\p{L}\p{N}]+$/u.test(w.text) && w.y1 - w.y0 < NOISE_HEIGHT * em && w.confidence < NOISE_CONFIDENCE;
}

/**
 * Tesseract returns Chinese glyph by glyph: neighbours on one line that nearly
 * touch are one word, as a text layer's run would be. Two glyphs with a wide
 * white gap between their inks (table columns), or a ruling between them,
 * stay apart.
 */
export function joinGlyphs(words: readonly OcrWord[], walls: readonly Wall[], ink: Ink, em: number): OcrWord[] {
  const out: OcrWord[] = [];
  words.forEach((w, i) => {
    const prev = out[out.length - 1];
    const last = words[i - 1];
    if (!prev || !last || prev.lineY0 !== w.lineY0 || !(cjk(prev.text) || cjk(w.text))) {
      out.push(w);
      return;
    }
    // Chinese uses no spaces: two Chinese glyphs less than a glyph apart may be one word.
    const reach = cjk(prev.text.slice(-1)) && cjk(w.text.slice(0, 1)) ? em : em / 3;
    // A ruling between the two glyphs' middles keeps them apart (a glyph's box may reach over it).
    const walled = wallBetween(walls, mid(last), mid(w), w.lineY0, w.lineY1);
    // Measured against the taller glyph's ink: a title's larger font spaces its glyphs wider.
    const size = Math.max(em, last.y1 - last.y0, w.y1 - w.y0);
    const parted =
      !SPACED_PUNCTUATION.test(last.text) &&
      widestWhite(ink, lastGlyphMid(last), Math.min(last.y0, w.y0), firstGlyphMid(w), Math.max(last.y1, w.y1)) >= PARTING_WHITE * size;
    if (w.x0 - prev.x1 < reach && !walled && !parted) {
      out[out.length - 1] = {
        ...prev,
        text: prev.text + w.text,
        x1: Math.max(prev.x1, w.x1),
        y0: Math.min(prev.y0, w.y0),
        y1: Math.max(prev.y1, w.y1),
        confidence: Math.min(prev.confidence, w.confidence),
      };
    } else out.push(w);
  });
  return out;
}

/**
 * Tesseract may box two cells' glyphs as one word across an erased ruling
 * ("本年支出合计基本支出"): such a word is cut where the ruling ran, each
 * glyph taking an equal share of the box.
 */
export function splitAtWalls(words: readonly OcrWord[], walls: readonly Wall[]): OcrWord[] {
  return words.flatMap((w) => {
    const chars = [...w.text];
    const step = share(w);
    const cuts = walls
      .filter((v) => v.x > w.x0 + step / 2 && v.x < w.x1 - step / 2 && v.y0 <= w.lineY1 && v.y1 >= w.lineY0)
      .map((v) => Math.round((v.x - w.x0) / step))
      .filter((k, i, all) => k > 0 && k < chars.length && all.indexOf(k) === i)
      .sort((a, b) => a - b);
    return overflows(chars, cuts) ? [w] : cutAt(w, cuts);
  });
}

/**
 * Whether cutting a word at `cuts` would break one figure: a spreadsheet lets a
 * figure too wide for its cell run over an empty neighbour (Calc's 20.68 across
 * the ruling before it), and the pieces of one figure ("2" | "0.68") are not two
 * figures, each of which would print its own decimals.
 */
function overflows(chars: readonly string[], cuts: readonly number[]): boolean {
  const whole = chars.join("");
  if (cuts.length === 0 || !WELL_FORMED.test(whole) || !whole.includes(".")) return false;
  return [0, ...cuts].some((from, i) => !chars.slice(from, cuts[i] ?? chars.length).includes("."));
}

/** A word cut before the glyphs at `cuts` (ascending, inside the word), each glyph taking an equal share of its box. */
function cutAt(w: OcrWord, cuts: readonly number[]): OcrWord[] {
  if (cuts.length === 0) return [w];
  const chars = [...w.text];
  const step = share(w);
  return [0, ...cuts].map((from, i) => {
    const to = cuts[i] ?? chars.length;
    return { ...w, text: chars.slice(from, to).join(""), x0: w.x0 + from * step, x1: w.x0 + to * step };
  });
}

/** Rows of ink at most this many pixels apart are one band (a glyph's own white). */
const BAND_GAP = 3;

/**
 * The word's box with its top and bottom where its ink is: the bands of inked
 * rows under the word, within its line, that the box tesseract gave mostly
 * covers (a bracket's two ends are two bands); failing that, the band of its
 * line the box overlaps most (that box may span its neighbours' lines); when
 * no ink of its line lies under a box on that line (a 、 boxed beside its
 * ink), the line itself, not the line above whose glyph reaches under the box.
 */
export function onInk(w: OcrWord, ink: Ink): OcrWord {
  // Looked at with room above and below, so that a neighbour line's band is seen whole, not cut to look covered.
  const room = (w.y1 - w.y0) / 2;
  const { top, counts } = rowInk(ink, w.x0, Math.min(w.lineY0, w.y0) - room, w.x1, Math.max(w.lineY1, w.y1) + room);
  const bands = inkRuns(counts, BAND_GAP).map(([a, b]): [number, number] => [top + a, top + b]);
  // No ink under the box: tesseract boxes a small mark beside its ink (部门's ":"), the box stands.
  if (bands.length === 0) return w;
  const overlap = ([a, b]: [number, number]): number => Math.min(b, w.y1) - Math.max(a, w.y0);
  const covered = bands.filter((b) => overlap(b) >= 0.8 * (b[1] - b[0]));
  if (covered.length > 0) return { ...w, y0: covered[0]![0], y1: covered[covered.length - 1]![1] };
  const mostOf = (bs: [number, number][]): [number, number] | null => bs.reduce<[number, number] | null>((m, b) => (m === null || overlap(b) > overlap(m) ? b : m), null);
  const inLine = ([a, b]: [number, number]): boolean => Math.min(b, w.lineY1) > Math.max(a, w.lineY0);
  const best = mostOf(bands.filter(inLine));
  if (best) return { ...w, y0: best[0], y1: best[1] };
  if (inLine([w.y0, w.y1])) return { ...w, y0: w.lineY0, y1: w.lineY1 };
  // A box off its own line (a sliver of the glyph above read as "|"): the ink it sits on, where dropDoubleReadings finds it.
  const near = mostOf(bands)!;
  return { ...w, y0: near[0], y1: near[1] };
}

/**
 * A run's height: its ink's, at least a glyph's, about the ink's middle.
 * Layout groups runs into lines by their middles; tesseract's line box spans
 * two lines set half a line apart (a header's wrapped cells), the ink does not.
 */
export function runHeight(w: OcrWord, em: number): { y0: number; y1: number } {
  const centre = (w.y0 + w.y1) / 2;
  const half = Math.max(w.y1 - w.y0, em) / 2;
  return { y0: centre - half, y1: centre + half };
}

/**
 * Tesseract may read one glyph's ink twice, in two lines: the top of 入 as a
 * small 心 above it, or a label's 二 as 一 beside the line re-read whole
 * (二、外交支出). A word of another line whose ink lies within the ink of a
 * surer word, or of a word holding more glyphs (once both are seated by
 * onInk), is that reading too many. So is a word that says the same as a
 * surer one of another line and lies across its glyphs and within its line:
 * the top stroke of 三 read as 三 on a line of its own just above the 三 read
 * whole (三、国防支出 then reads 三三、国防支出 and its row is lost). Words of
 * one line never are: a glyph's box there may span its neighbours'.
 */
export function dropDoubleReadings(words: readonly OcrWord[]): OcrWord[] {
  const slack = 2;
  const across = (w: OcrWord, v: OcrWord): boolean => w.x0 >= v.x0 - slack && w.x1 <= v.x1 + slack;
  const within = (w: OcrWord, v: OcrWord): boolean => across(w, v) && w.y0 >= v.y0 - slack && w.y1 <= v.y1 + slack;
  const again = (w: OcrWord, v: OcrWord): boolean => w.text === v.text && across(w, v) && w.y0 >= v.lineY0 && w.y1 <= v.lineY1;
  const longer = (v: OcrWord, w: OcrWord): boolean => [...v.text].length > [...w.text].length;
  return words.filter((w) => !words.some((v) => v !== w && v.lineY0 !== w.lineY0 && (v.confidence > w.confidence || longer(v, w)) && (within(w, v) || again(w, v))));
}

/**
 * A word read whole from a line may span two columns' text a narrow gap apart
 * ("一般公共政府性基", two header cells): it is cut where a white gap as wide
 * as joinGlyphs parts glyphs runs through its ink, each glyph taking an
 * equal share of the box.
 */
export function splitAtGaps(words: readonly OcrWord[], ink: Ink, em: number): OcrWord[] {
  return words.flatMap((w) => {
    const chars = [...w.text];
    if (chars.length < 2 || !cjk(w.text) || em <= 0) return [w];
    const wide = PARTING_WHITE * Math.max(em, w.y1 - w.y0);
    const step = (w.x1 - w.x0) / chars.length;
    const cuts: number[] = [];
    const [l, r] = [Math.round(w.x0), Math.round(w.x1)];
    let start = -1;
    for (let x = l; x <= r; x++) {
      const white = x < r && widestWhite(ink, x, w.y0, x + 1, w.y1) === 1;
      if (white && start < 0) start = x;
      if (!white && start >= 0) {
        // A gap inside the word, not at its ends, and not the white a "、" leaves after itself.
        const k = Math.round((start + x) / 2 - w.x0) / step;
        const at = Math.round(k);
        if (x - start >= wide && at > 0 && at < chars.length && !SPACED_PUNCTUATION.test(chars[at - 1]!)) cuts.push(at);
        start = -1;
      }
    }
    const parts = cutAt(w, [...new Set(cuts)].sort((a, b) => a - b));
    if (parts.length === 1) return parts;
    // Each part ends where its ink does: layout must see the gap between them.
    const blank = (x: number): boolean => widestWhite(ink, x, w.y0, x + 1, w.y1) === 1;
    return parts.map((part) => {
      let [x0, x1] = [Math.round(part.x0), Math.round(part.x1)];
      while (x0 < x1 - 1 && blank(x0)) x0++;
      while (x1 > x0 + 1 && blank(x1 - 1)) x1--;
      return { ...part, x0, x1 };
    });
  });
}

/**
 * Marks only, once glyphs are joined: punctuation stands against the text it
 * ends, so a mark apart from any glyph is a speck ("。" between a label and its
 * 行次, "_" between the parts of a split code). Dashes stay: "-" may print a
 * zero; colons too: OCR sets the one of 部门： apart, and the caption needs it.
 */
export const isLoneMark = (text: string): boolean => /^[。，、,.．·'"“”‘’`_＿]+$/.test(text);

/** Part of a figure: digits with their thousands commas, no decimal point yet. */
const FIGURE_HEAD = /^\d{1,3}(,\d{3})*$|^\d+$/;
/** Pieces closer than this (glyphs) are one figure whose separator was lost. */
const FIGURE_PART_GAP = 0.6;

/**
 * A figure tesseract read in pieces, its small separators lost between them
 * (a serif font's "." and "," at 9 pt): "19,257,155" "00" → "19,257,155.00",
 * "6" "682" "465" "00" → "6,682,465.00". Pieces join when on one line, less
 * than FIGURE_PART_GAP glyphs apart, with no ruling between: three digits
 * after a head are a thousands group, two end the figure as its decimals.
 */
export function joinFigureParts(words: readonly OcrWord[], walls: readonly Wall[], em: number): OcrWord[] {
  const out: OcrWord[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const sameLine = prev !== undefined && Math.min(prev.y1, w.y1) - Math.max(prev.y0, w.y0) > 0.5 * Math.min(prev.y1 - prev.y0, w.y1 - w.y0);
    const close = prev !== undefined && w.x0 >= prev.x0 && w.x0 - prev.x1 < FIGURE_PART_GAP * em;
    const walled = prev !== undefined && wallBetween(walls, prev.x1 - 1, w.x0 + 1, w.y0, w.y1);
    const sep = prev === undefined || !FIGURE_HEAD.test(prev.text) ? null : /^\d{3}$/.test(w.text) ? "," : /^\d{2}$/.test(w.text) ? "." : null;
    if (prev && sep && sameLine && close && !walled && em > 0) {
      out[out.length - 1] = { ...prev, text: prev.text + sep + w.text, x1: w.x1, y0: Math.min(prev.y0, w.y0), y1: Math.max(prev.y1, w.y1), confidence: Math.min(prev.confidence, w.confidence) };
    } else out.push(w);
  }
  return out;
}
