// The 栏次 line ("栏次 1 2 3 …") numbers the figure columns of an unruled
// table: exactly one column per number, each number centred over its column.
// Alignment alone miscounts where headings wrap round narrow columns or a
// column is empty in every row; the numbers settle the count, and the words
// either side of each gap settle where the boundary falls.
import type { TextLine } from "./lines.js";

type Word = TextLine;

/** A figure, or the dash printed for zero. */
const FIGURE = /^[-－]?[\d,，.]+$|^[-－—]$/;
const centre = (w: Word): number => (w.x0 + w.x1) / 2;
const compact = (w: Word): string => w.text.replace(/\s+/g, "");

/**
 * The texts of a 栏次 line: column numbers (1–2 digits), 栏次 itself, and at
 * most one in four a stray token of a glyph or two — a number OCR read as a
 * look-alike (5 → 志) — or any strays where the numbers count on in place.
 * At least two numbers, no amounts.
 */
export function isColumnNumbers(texts: readonly string[]): boolean {
  // 栏次 may come as two words (栏 … 次) spaced over its cell.
  const tokens = texts.map((t) => t.replace(/\s+/g, "").replace(/[栏次]/g, "")).filter((t) => t !== "");
  const all = texts.join("");
  const labelled = /栏/.test(all) && /次/.test(all);
  const numbers = tokens.filter((t) => /^\d{1,2}$/.test(t)).length;
  const stray = tokens.filter((t) => !/^\d{1,2}$/.test(t));
  if (stray.some((t) => /[.,，]/.test(t))) return false;
  if (stray.every((t) => [...t].length <= 2) && numbers >= (labelled ? 1 : 2) && stray.length * 4 <= tokens.length) return true;
  return countsOnward(tokens);
}

/**
 * Whether three in four tokens, and at least four, are the numbers counting on
 * from the first in place (1 2 … 10 11 12): then the others are numbers OCR
 * misread, however they read (工 for 1, 111 for 11), not a line of figures.
 */
function countsOnward(tokens: readonly string[]): boolean {
  const starts = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (/^\d{1,2}$/.test(t)) starts.set(Number(t) - i, (starts.get(Number(t) - i) ?? 0) + 1);
  });
  const inPlace = Math.max(0, ...starts.values());
  return inPlace >= 4 && inPlace * 4 >= tokens.length * 3;
}

/**
 * Column boundaries `xs` refitted to the numbers of a 栏次 line. Between two
 * consecutive numbers with only figures and headings in between, one
 * boundary, in the gap between the words of either column; a gap holding
 * names (T1's 项目 | 行次 between its 金额 columns) is left as it was.
 * Columns before the first number or after the last that hold no body text
 * are heading fragments, not columns.
 */
/**
 * The boundary between two numbered columns: between the figures of the one
 * and of the other (figures stand right-aligned or centred, so one reaching
 * the next number's centre is that column's), where it cuts through the
 * fewest of the columns' own headings; of equal places, one clear of the
 * figures, then the widest gap's middle. A column narrower than its widest
 * figure lets it run on into the (empty) column on its left, under that
 * column's heading: a place past the figures' left edges, short of their
 * centres (a cell takes a word by its centre), that cuts no heading beats one
 * that cuts the heading.
 */
function gapBoundary(left: Word, right: Word, body: readonly Word[], headings: readonly Word[]): number {
  const [a, b] = [centre(left), centre(right)];
  let hi = left.x1;
  let lo = right.x0;
  let reach = right.x0;
  for (const w of body) {
    if (w.x1 <= a || w.x0 >= b) continue;
    if (w.x1 < b - 1) hi = Math.max(hi, w.x1);
    else {
      lo = Math.min(lo, w.x0);
      reach = Math.min(reach, centre(w));
    }
  }
  if (hi >= reach) return (a + b) / 2;
  // A heading centred nearer a number than the gap's middle is that column's own: the
  // boundary should not cut it. One centred on the gap spans both columns and may be cut.
  const own = headings.filter((w) => Math.min(Math.abs(centre(w) - a), Math.abs(centre(w) - b)) < Math.abs(centre(w) - (a + b) / 2));
  const stops = [...new Set([hi, lo, reach, ...headings.flatMap((w) => [w.x0, w.x1])].filter((x) => x >= hi && x <= reach))].sort((p, q) => p - q);
  let best = { at: (hi + Math.min(lo, reach)) / 2, cuts: Infinity, over: true, width: 0 };
  for (let k = 0; k + 1 < stops.length; k++) {
    const at = (stops[k]! + stops[k + 1]!) / 2;
    const width = stops[k + 1]! - stops[k]!;
    const cuts = own.filter((w) => w.x0 < at && w.x1 > at).length;
    const over = at > lo;
    if (cuts < best.cuts || (cuts === best.cuts && ((!over && best.over) || (over === best.over && width > best.width)))) best = { at, cuts, over, width };
  }
  return best.at;
}

/**
 * A word of a 栏次 line that marks a column: its number, or a token of a glyph
 * or two standing for one OCR misread (isColumnNumbers let at most one in four through).
 */
export const isColumnMarker = (w: Word): boolean => {
  const t = compact(w);
  return /^\d{1,2}$/.test(t) || (!/[栏次\d.,，]/.test(t) && [...t].length >= 1 && [...t].length <= 2);
};

export function fitToNumbers(xs: readonly number[], numbersLine: readonly Word[], body: readonly Word[], header: readonly Word[]): number[] {
  const numbers = numbersLine.filter(isColumnMarker);
  return fitToMarkers(xs, numbers, numbersLine, body, header);
}

/**
 * The lowest heading line that repeats its words (预算数 决算数 預算数 决算数 …
 * under each 三公 item; 科目编码 科目名称 决算数 in each T6 group) and has no
 * heading under it: each word heads one column, as a 栏次 number does.
 */
export function repeatedLeafLine(header: readonly (readonly Word[])[]): Word[] | null {
  for (let i = header.length - 1; i >= 0; i--) {
    const line = header[i]!;
    const count = (t: string): number => line.filter((w) => compact(w) === t).length;
    if (line.length < 4 || !line.every((w) => count(compact(w)) >= 2)) continue;
    const lower = header.slice(i + 1).flat();
    if (line.some((w) => lower.some((k) => k.x1 > w.x0 && k.x0 < w.x1))) continue;
    return [...line];
  }
  return null;
}

/** `xs` refitted to marker words, each heading one column (see fitToNumbers). */
export function fitToMarkers(xs: readonly number[], markers: readonly Word[], markerLine: readonly Word[], body: readonly Word[], header: readonly Word[]): number[] {
  const numbers = [...markers].sort((a, b) => a.x0 - b.x0);
  if (numbers.length < 2) return [...xs];
  const numbered = numbers.every((w) => /^\d+$/.test(compact(w)));
  const mids = numbers.map(centre);
  const others = markerLine.filter((w) => !numbers.includes(w));
  const headings = header.filter((w) => !markerLine.includes(w));
  const inner = xs.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i + 1 < numbers.length; i++) {
    const [a, b] = [mids[i]!, mids[i + 1]!];
    const keep = inner.filter((x) => x > a && x < b);
    const consecutive = !numbered || Number(compact(numbers[i + 1]!)) === Number(compact(numbers[i]!)) + 1;
    const named = body.some((w) => w.x1 > a && w.x0 < b && !FIGURE.test(compact(w)));
    if (!consecutive || named || others.some((w) => centre(w) > a && centre(w) < b)) {
      out.push(...keep);
      continue;
    }
    out.push(gapBoundary(numbers[i]!, numbers[i + 1]!, body, headings));
  }
  // A column of its own: body text in it, or a heading wholly inside it (科目名称 over
  // a name column that an empty table's one 合计 row leaves blank).
  const holdsBody = (x0: number, x1: number): boolean =>
    body.some((w) => centre(w) > x0 && centre(w) < x1) || headings.some((w) => w.x0 >= x0 - 0.5 && w.x1 <= x1 + 0.5);
  // Before the first number: drop boundaries that only fence off part of a heading
  // (合计 centred over the first figure column, reaching past its figures' left edge).
  const before = inner.filter((x) => x < mids[0]!);
  while (before.length > 0) {
    const last = before[before.length - 1]!;
    const prev = before.length > 1 ? before[before.length - 2]! : xs[0]!;
    if (holdsBody(prev, last)) break;
    before.pop();
  }
  const after = inner.filter((x) => x > mids[mids.length - 1]!);
  while (after.length > 0) {
    const first = after[0]!;
    const next = after.length > 1 ? after[1]! : xs[xs.length - 1]!;
    if (holdsBody(first, next)) break;
    after.shift();
  }
  return [xs[0]!, ...before, ...out, ...after, xs[xs.length - 1]!];
}
