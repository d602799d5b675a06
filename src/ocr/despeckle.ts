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
  // Typed stacks, indices only: a page has millions of ink pixels to flood, and an
  // array of pairs made per pixel cost more than the flooding itself.
  let stack = new Int32Array(1024);
  const blob = new Int32Array(maxArea + 1);
  let removed = 0;
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || gray[start]! >= SPECK_INK) continue;
    // Flood the blob, but stop collecting once it is larger than a speck (big blobs are marked seen all the same).
    let size = 0;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top]!;
      if (size <= maxArea) blob[size] = i;
      size++;
      const y = (i / width) | 0;
      const x = i - y * width;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++)
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const j = ny * width + nx;
          if (seen[j] || gray[j]! >= SPECK_INK) continue;
          seen[j] = 1;
          if (top === stack.length) {
            const grown = new Int32Array(stack.length * 2);
            grown.set(stack);
            stack = grown;
          }
          stack[top++] = j;
        }
    }
    if (size > maxArea) continue;
    removed++;
    for (let k = 0; k < size; k++) gray[blob[k]!] = 255;
  }
  return removed;
}
