// Matching text read by OCR against the phrases a table prints. chi_sim
// confuses a few glyph pairs (年末 read 年未, 收入 read 收人, 本年 read 木年) and
// lets stray marks into a cell ("咤财政拨款收入"): a phrase is recognised when
// its weighted edit distance to the text is small, and clearly smaller than
// any other candidate's. Exact rules always run first; this is their fallback.

/** Glyphs chi_sim takes for one another in these tables: a swap inside a group costs little. */
export const CONFUSABLE_GROUPS: readonly string[] = ["未末", "人入八", "木本", "己已巳", "士土", "日曰", "千干", "拨拔", "(（", ")）", "0O", "1lI|"];

const groupOf = new Map<string, number>();
CONFUSABLE_GROUPS.forEach((g, i) => [...g].forEach((c) => groupOf.set(c, i)));

const CONFUSED = 0.25;
/** Stray marks (punctuation, Latin, digits) cost less to drop than a character of the phrase. */
const isMark = (c: string): boolean => !/[\u3400-\u9fff]/.test(c);
const indel = (c: string): number => (isMark(c) ? 0.5 : 1);
const substitute = (a: string, b: string): number => (a === b ? 0 : groupOf.has(a) && groupOf.get(a) === groupOf.get(b) ? CONFUSED : 1);

/** Weighted Levenshtein distance from `text` to `phrase`. */
export function distance(text: string, phrase: string): number {
  const a = [...text];
  const b = [...phrase];
  let prev = [0];
  for (let j = 1; j <= b.length; j++) prev[j] = prev[j - 1]! + indel(b[j - 1]!);
  for (let i = 1; i <= a.length; i++) {
    const row = [prev[0]! + indel(a[i - 1]!)];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + indel(a[i - 1]!), row[j - 1]! + indel(b[j - 1]!), prev[j - 1]! + substitute(a[i - 1]!, b[j - 1]!));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** A stray glyph or two at either end of a cell (a speck, a ruling's remnant read as 久) costs little. */
const EDGE = 0.25;
const EDGE_MAX = 2;

/** distance(), with up to two stray characters at either end of the text dropped cheaply. */
export function cellDistance(text: string, phrase: string): number {
  const a = [...text];
  let best = distance(text, phrase);
  for (let head = 0; head <= EDGE_MAX; head++) {
    for (let tail = 0; tail <= EDGE_MAX && head + tail < a.length; tail++) {
      if (head + tail === 0) continue;
      best = Math.min(best, EDGE * (head + tail) + distance(a.slice(head, a.length - tail).join(""), phrase));
    }
  }
  return best;
}

export interface Said<K> {
  readonly key: K;
  readonly says: readonly string[];
}

/** Most of a phrase must be there: at most this share of its length may differ. */
const MAX_SHARE = 0.4;
/** The runner-up must be this much further away, or the text is ambiguous and matches nothing. */
const MARGIN = 0.5;

/** The candidate whose phrase the text reads as, or null when none is close (within `share` of its length), or two are. */
export function closest<K>(text: string, candidates: readonly Said<K>[], share = MAX_SHARE): K | null {
  if (text === "") return null;
  const scored = candidates
    .flatMap((c) => c.says.map((s) => ({ key: c.key, d: cellDistance(text, s), len: [...s].length })))
    .filter((s) => s.d <= share * s.len)
    .sort((x, y) => x.d - y.d);
  const best = scored[0];
  if (!best) return null;
  const rival = scored.find((s) => s.key !== best.key);
  return rival && rival.d - best.d < MARGIN ? null : best.key;
}
