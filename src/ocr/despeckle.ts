// Scanner noise: isolated specks of ink. Tesseract reads a speck beside a
// figure as a digit or a comma, and one inside a Chinese glyph as another
// glyph. Ink blobs smaller than the smallest mark these tables print (a
// decimal point) are painted white.
/** Darker than this (0–255) counts toward a speck: lighter than the text's ink (ink.ts), so a speck's gray fringe goes with it. */
const SPECK_INK = 200;
/** Largest speck, as the side of a square in points: a printed decimal point is about 1 pt across. */
const SPECK_PT = 0.8;

/** Paints white, in place, every 8-connected blob of ink with fewer pixels than a speck at `scale` (pixels per point). Returns how many. */
export function despeckle(gray: Uint8Array, width: number, height: number, scale: number): number {
  const maxArea = Math.max(1, Math.round((SPECK_PT * scale) ** 2));
  const seen = new Uint8Array(width * height);
  const ink = (i: number): boolean => gray[i]! < SPECK_INK;
  const stack: number[] = [];
  const blob: number[] = [];
  let removed = 0;
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || !ink(start)) continue;
    // Flood the blob, but stop collecting once it is larger than a speck (big blobs are marked seen all the same).
    blob.length = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (blob.length <= maxArea) blob.push(i);
      const [x, y] = [i % width, Math.floor(i / width)];
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (!seen[j] && ink(j)) (seen[j] = 1), stack.push(j);
        }
    }
    if (blob.length > maxArea) continue;
    removed++;
    for (const i of blob) gray[i] = 255;
  }
  return removed;
}
