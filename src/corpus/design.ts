// A pairwise design: which value of each variant field each report gets, so
// that fields vary independently. Cycling every field with its own stride
// ties fields together (two fields with the same period move in lockstep), and
// then a layout bug that needs two variants at once (unruled AND portrait)
// never shows. Here each column holds its values in fixed proportions and is
// shuffled, then swaps within a column are kept while they cover more value
// pairs — the all-pairs idea of combinatorial testing, deterministic in its rng.
import { shuffle, type Rng } from "./rng.js";

export interface DesignColumn {
  /** How many of the values (0 … n-1) this column has. */
  readonly values: number;
  /** Rows per value, summing to the row count; or the fixed value of each row (never swapped). */
  readonly counts?: readonly number[];
  readonly fixed?: readonly number[];
}

/** Maps a row of chosen value indices to the values that take effect (a constraint may override one field by another). */
export type Effective = (row: readonly number[]) => readonly number[];

/** Pair coverage: each value pair counts once when seen, a little more the second time, nothing after. */
function score(rows: readonly (readonly number[])[], columns: readonly DesignColumn[], effective: Effective): number {
  const base: number[] = [];
  let size = 0;
  for (const c of columns) {
    base.push(size);
    size += c.values;
  }
  const seen = new Map<number, number>();
  let total = 0;
  for (const raw of rows) {
    const row = effective(raw);
    for (let a = 0; a < row.length; a++) {
      const ia = (base[a] ?? 0) + (row[a] ?? 0);
      for (let b = a + 1; b < row.length; b++) {
        const key = ia * size + (base[b] ?? 0) + (row[b] ?? 0);
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n === 1) total += 8;
        else if (n === 2) total += 1;
      }
    }
  }
  return total;
}

/** Rows × columns of value indices: column margins as given, pair coverage improved by `rounds` swap trials. */
export function pairwiseDesign(rowCount: number, columns: readonly DesignColumn[], effective: Effective, rng: Rng, rounds = 3000): number[][] {
  const cols = columns.map((c) => {
    if (c.fixed) return [...c.fixed];
    const counts = c.counts ?? [];
    const list = counts.flatMap((n, v) => Array.from({ length: n }, () => v));
    if (list.length !== rowCount) throw new Error(`design column counts sum to ${list.length}, not ${rowCount}`);
    return shuffle(list, rng);
  });
  const rows = () => Array.from({ length: rowCount }, (_, r) => cols.map((c) => c[r] ?? 0));
  const free = columns.map((c, i) => (c.fixed ? -1 : i)).filter((i) => i >= 0);
  let best = score(rows(), columns, effective);
  for (let k = 0; k < rounds && free.length > 0; k++) {
    const col = cols[free[Math.floor(rng() * free.length)] ?? 0] as number[];
    const r1 = Math.floor(rng() * rowCount);
    const r2 = Math.floor(rng() * rowCount);
    if (col[r1] === col[r2]) continue;
    [col[r1], col[r2]] = [col[r2] as number, col[r1] as number];
    const s = score(rows(), columns, effective);
    if (s >= best) best = s;
    else [col[r1], col[r2]] = [col[r2] as number, col[r1] as number];
  }
  return rows();
}
