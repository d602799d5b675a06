// Ink on a prepared page image (paper made white): one gray level per pixel,
// one threshold for the text's ink, the inside of a ruled cell, and the gray
// levels as tesseract reads them.

/** Gray level (0–255) below which a pixel is the text's ink; paper and erased rulings are lighter. */
export const INK = 160;

/** The gray level of pixel `i` of an RGBA image. */
export const grayAt = (rgba: Uint8ClampedArray, i: number): number => (rgba[i * 4]! + rgba[i * 4 + 1]! + rgba[i * 4 + 2]!) / 3;

/** Gray levels of an RGBA image. */
export function grayOf(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) gray[i] = grayAt(rgba, i);
  return gray;
}

/** A rectangle of pixels: its corner and size. */
export interface PixelRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Pixels a cell's inside keeps clear of its rulings (and of their erased margins). */
export const CELL_INSET = 4;

/** The inside of a ruled cell (pixels), or null when too small to hold a glyph (`min` pixels either way). */
export function cellInside(box: { x0: number; y0: number; x1: number; y1: number }, min: number): PixelRect | null {
  const [left, top] = [Math.round(box.x0 + CELL_INSET), Math.round(box.y0 + CELL_INSET)];
  const [width, height] = [Math.round(box.x1 - CELL_INSET) - left, Math.round(box.y1 - CELL_INSET) - top];
  return width < min || height < min ? null : { left, top, width, height };
}

/** A page's gray levels, read once for the questions asked of its ink. */
export interface Ink {
  readonly gray: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Inked pixels in each row of a rectangle (pixels, clamped to the page), top to bottom. */
export function rowInk(ink: Ink, x0: number, y0: number, x1: number, y1: number): { top: number; counts: number[] } {
  const [l, r] = [Math.max(0, Math.round(x0)), Math.min(ink.width, Math.round(x1))];
  const [t, b] = [Math.max(0, Math.round(y0)), Math.min(ink.height, Math.round(y1))];
  const counts: number[] = [];
  for (let y = t; y < b; y++) {
    let n = 0;
    for (let x = l; x < r; x++) if (ink.gray[y * ink.width + x]! < INK) n++;
    counts.push(n);
  }
  return { top: t, counts };
}

/**
 * Runs of rows holding ink, as [first, end) indices into `counts`; up to
 * `maxWhite` rows without ink (a glyph's own white) do not end a run.
 */
export function inkRuns(counts: readonly number[], maxWhite: number): [number, number][] {
  const runs: [number, number][] = [];
  counts.forEach((n, i) => {
    if (n === 0) return;
    const last = runs[runs.length - 1];
    if (last && i - last[1] <= maxWhite) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  return runs;
}

/** The longest run of columns without ink in a rectangle (pixels). */
export function widestWhite(ink: Ink, x0: number, y0: number, x1: number, y1: number): number {
  const [l, r] = [Math.max(0, Math.round(x0)), Math.min(ink.width, Math.round(x1))];
  const [t, b] = [Math.max(0, Math.round(y0)), Math.min(ink.height, Math.round(y1))];
  let best = 0;
  let run = 0;
  for (let x = l; x < r; x++) {
    let inked = false;
    for (let y = t; y < b && !inked; y++) inked = ink.gray[y * ink.width + x]! < INK;
    run = inked ? 0 : run + 1;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * Gray levels made `k` (≥ 1) times smaller, each new pixel the mean of the
 * area it covers: in rows, then in columns.
 */
export function shrunk(ink: Ink, k: number): Ink {
  if (k === 1) return ink;
  const [width, height] = [Math.round(ink.width / k), Math.round(ink.height / k)];
  // For each new pixel along an axis: the old pixels it covers and how much of each.
  const spans = (from: number, to: number): { first: number; weights: number[] }[] =>
    Array.from({ length: to }, (_, i) => {
      const [a, z] = [i * k, Math.min(from, (i + 1) * k)];
      const first = Math.floor(a);
      const weights: number[] = [];
      for (let p = first; p < z; p++) weights.push((Math.min(p + 1, z) - Math.max(p, a)) / (z - a));
      return { first, weights };
    });
  const across = spans(ink.width, width);
  const down = spans(ink.height, height);
  const rows = new Float32Array(width * ink.height);
  for (let y = 0; y < ink.height; y++)
    for (let x = 0; x < width; x++) {
      const { first, weights } = across[x]!;
      let sum = 0;
      for (let j = 0; j < weights.length; j++) sum += weights[j]! * ink.gray[y * ink.width + first + j]!;
      rows[y * width + x] = sum;
    }
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const { first, weights } = down[y]!;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let j = 0; j < weights.length; j++) sum += weights[j]! * rows[(first + j) * width + x]!;
      gray[y * width + x] = Math.round(sum);
    }
  }
  return { gray, width, height };
}

/**
 * The page as tesseract reads it: its gray levels as a binary PGM. Encoding
 * the page as PNG took about half a second a page, and tesseract.js then
 * inflated it again in wasm; PGM bytes are the gray levels as they are.
 */
export function pgmOf(ink: Ink): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${ink.width} ${ink.height}\n255\n`, "ascii"), ink.gray]);
}
