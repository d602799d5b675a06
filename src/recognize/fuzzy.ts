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
const HAN = /[\u3400-\u9fff]/;
/** Stray marks (punctuation, Latin, digits) cost less to drop than a character of the phrase. */
const indel = (c: string): number => (HAN.test(c) ? 1 : 0.5);
const substitute = (a: string, b: string): number => (a === b ? 0 : groupOf.has(a) && groupOf.get(a) === groupOf.get(b) ? CONFUSED : 1);

/** Weighted Levenshtein distance from text `a` to phrase `b` (their characters). */
function distance(a: readonly string[], b: readonly string[]): number {
  const delA = a.map(indel);
  const delB = b.map(indel);
  let prev = new Float64Array(b.length + 1);
  let row = new Float64Array(b.length + 1);
  for (let j = 1; j <= b.length; j++) prev[j] = prev[j - 1]! + delB[j - 1]!;
  for (let i = 1; i <= a.length; i++) {
    row[0] = prev[0]! + delA[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + delA[i - 1]!, row[j - 1]! + delB[j - 1]!, prev[j - 1]! + substitute(a[i - 1]!, b[j - 1]!));
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** A stray glyph or two at either end of a cell (a speck, a ruling's remnant read as 久) costs little. */
const EDGE = 0.25;
const EDGE_MAX = 2;

/** distance(), with up to two stray characters at either end of the text dropped cheaply. */
function cellDistance(a: readonly string[], b: readonly string[]): number {
  let best = distance(a, b);
  for (let head = 0; head <= EDGE_MAX; head++) {
    for (let tail = 0; tail <= EDGE_MAX && head + tail < a.length; tail++) {
      if (head + tail === 0) continue;
      best = Math.min(best, EDGE * (head + tail) + distance(a.slice(head, a.length - tail), b));
    }
  }
  return best;
}

/**
 * No cellDistance can be below this: each character one string has more than
 * the other costs at least half (an indel), or a quarter at the text's ends.
 */
function leastDistance(a: number, b: number): number {
  let least = Infinity;
  for (let k = 0; k <= 2 * EDGE_MAX && k < Math.max(a, 1); k++) least = Math.min(least, EDGE * k + 0.5 * Math.abs(a - k - b));
  return least;
}

export interface Said<K> {
  readonly key: K;
  readonly says: readonly string[];
}

/** Most of a phrase must be there: at most this share of its length may differ. */
const MAX_SHARE = 0.4;
/** The runner-up must be this much further away, or the text is ambiguous and matches nothing. */
const MARGIN = 0.5;

/** The rules that say a phrase, as candidates; made once per rule list, so that closest() can remember its answers. */
export function sayingsOf<K>(rules: readonly { readonly key: K; readonly says?: readonly string[] | undefined }[]): readonly Said<K>[] {
  let said = sayings.get(rules) as readonly Said<K>[] | undefined;
  if (!said) sayings.set(rules, (said = rules.flatMap((r) => (r.says ? [{ key: r.key, says: r.says }] : []))));
  return said;
}
const sayings = new WeakMap<object, readonly Said<unknown>[]>();

// The same labels come back in every report: answers are remembered per candidate list (bounded).
const answers = new WeakMap<object, Map<string, unknown>>();
const ANSWERS_MAX = 20_000;

/** The candidate whose phrase the text reads as, or null when none is close (within `share` of its length), or two are. */
export function closest<K>(text: string, candidates: readonly Said<K>[], share = MAX_SHARE): K | null {
  let known = answers.get(candidates);
  if (!known) answers.set(candidates, (known = new Map()));
  const question = `${share}\u0000${text}`;
  if (known.has(question)) return known.get(question) as K | null;
  const answer = closestOf(text, candidates, share);
  if (known.size >= ANSWERS_MAX) known.clear();
  known.set(question, answer);
  return answer;
}

/** Whether OCR'd text reads as `phrase`: within `share` of its length (no rival to beat). */
export function readsAs(text: string, phrase: string, share: number): boolean {
  const [a, b] = [[...text], [...phrase]];
  return leastDistance(a.length, b.length) <= share * b.length && cellDistance(a, b) <= share * b.length;
}

function closestOf<K>(text: string, candidates: readonly Said<K>[], share: number): K | null {
  if (text === "") return null;
  const a = [...text];
  const scored = candidates
    .flatMap((c) =>
      c.says.map((s) => {
        const b = [...s];
        // A phrase whose length alone puts it out of reach is not measured.
        const d = leastDistance(a.length, b.length) > share * b.length ? Infinity : cellDistance(a, b);
        return { key: c.key, d, len: b.length };
      }),
    )
    .filter((s) => s.d <= share * s.len)
    .sort((x, y) => x.d - y.d);
  const best = scored[0];
  if (!best) return null;
  const rival = scored.find((s) => s.key !== best.key);
  return rival && rival.d - best.d < MARGIN ? null : best.key;
}
