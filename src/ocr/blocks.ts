// Blocks of ink: glyphs closer than a column gap side by side and closer than
// a row gap above and below, joined. On a table printed without rulings a
// block is what a ruled cell would be: one cell's text, its wrapped lines
// included, apart from the next column and the next row.
import { INK, type Ink } from "./ink.js";

export interface Block {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * The page's ink blocks (pixels). Ink is spread `across` pixels sideways and
 * `down` pixels up and down; what then touches is one block, boxed by its ink.
 */
export function inkBlocks(ink: Ink, across: number, down: number): Block[] {
  const { gray, width, height } = ink;
  // Spread sideways: a pixel is on when ink lies within `across` of it on its row.
  // Rows with no ink (most of a page's white) stay off and are skipped below.
  const wide = new Uint8Array(width * height);
  const inked = new Uint8Array(height);
  const sums = new Int32Array(width + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) sums[x + 1] = sums[x]! + (gray[row + x]! < INK ? 1 : 0);
    if (sums[width] === 0) continue;
    inked[y] = 1;
    for (let x = 0; x < width; x++) wide[row + x] = sums[Math.min(width, x + across + 1)]! - sums[Math.max(0, x - across)]! > 0 ? 1 : 0;
  }
  // Spread up and down the same way: a count per column of the rows within `down`, kept as the window slides.
  const spread = new Uint8Array(width * height);
  const within = new Int32Array(width);
  // Inked rows in the window: none, and every count is 0.
  let live = 0;
  const add = (y: number, d: number): void => {
    if (y < 0 || y >= height || inked[y] === 0) return;
    live += d;
    const row = y * width;
    for (let x = 0; x < width; x++) within[x]! += d * wide[row + x]!;
  };
  for (let y = 0; y < down; y++) add(y, 1);
  for (let y = 0; y < height; y++) {
    add(y + down, 1);
    add(y - down - 1, -1);
    if (live === 0) continue;
    const row = y * width;
    for (let x = 0; x < width; x++) spread[row + x] = within[x]! > 0 ? 1 : 0;
  }
  return components(spread, width, height).map((b) => ({
    x0: Math.min(width, b.x0 + across),
    y0: Math.min(height, b.y0 + down),
    x1: Math.max(0, b.x1 - across),
    y1: Math.max(0, b.y1 - down),
  }));
}

/** Connected runs of set pixels, as boxes (x1, y1 exclusive), by union-find over each row's runs. */
function components(on: Uint8Array, width: number, height: number): Block[] {
  const parent: number[] = [];
  const box: [number, number, number, number][] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  let previous: { x0: number; x1: number; id: number }[] = [];
  for (let y = 0; y < height; y++) {
    const runs: { x0: number; x1: number; id: number }[] = [];
    const row = y * width;
    for (let x = 0; x < width; ) {
      if (on[row + x] === 0) {
        x++;
        continue;
      }
      const x0 = x;
      while (x < width && on[row + x] === 1) x++;
      const id = parent.length;
      parent.push(id);
      box.push([x0, y, x, y + 1]);
      runs.push({ x0, x1: x, id });
    }
    // Runs overlapping a run of the row above belong with it.
    let k = 0;
    for (const r of runs) {
      while (k < previous.length && previous[k]!.x1 <= r.x0) k++;
      for (let j = k; j < previous.length && previous[j]!.x0 < r.x1; j++) {
        const [a, b] = [find(r.id), find(previous[j]!.id)];
        if (a !== b) parent[a] = b;
      }
    }
    previous = runs;
  }
  const merged = new Map<number, [number, number, number, number]>();
  box.forEach((b, i) => {
    const root = find(i);
    const m = merged.get(root);
    if (!m) merged.set(root, [...b]);
    else [m[0], m[1], m[2], m[3]] = [Math.min(m[0], b[0]), Math.min(m[1], b[1]), Math.max(m[2], b[2]), Math.max(m[3], b[3])];
  });
  return [...merged.values()].map(([x0, y0, x1, y1]) => ({ x0, y0, x1, y1 }));
}
