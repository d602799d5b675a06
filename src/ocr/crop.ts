// Reading part of a page again: the region cut out of the prepared page,
// magnified onto white with room around it (tesseract reads a glyph that
// touches the image's edge, or the neighbours' ink, worse).
import { INK, pgmOf, type Ink } from "./ink.js";
import { recognizeFigure, type FigureReading } from "./pool.js";

/** A rectangle of page pixels, end exclusive. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * The region magnified `zoom` times onto white with `margin` pixels around it,
 * as PGM bytes (gray levels as they are: no PNG to deflate here and inflate
 * again in wasm, a fifth of a second a page); null when it is empty. Each
 * pixel is sampled between the region's four nearest (bilinear, as a canvas
 * draws a scaled image), straight from the page's gray levels. With
 * `sharp`, made black on white at the ink threshold: on a crop holding little
 * ink, tesseract's own threshold falls inside a light scan's grey strokes and
 * it reads a clean "5.11" as nothing.
 */
export function magnified(page: Ink, region: PixelBox, zoom: number, margin: number, sharp = false): Buffer | null {
  const [left, top] = [Math.max(0, Math.round(region.x0)), Math.max(0, Math.round(region.y0))];
  const width = Math.min(page.width, Math.round(region.x1)) - left;
  const height = Math.min(page.height, Math.round(region.y1)) - top;
  if (width <= 0 || height <= 0) return null;
  const [dw, dh] = [Math.round(width * zoom), Math.round(height * zoom)];
  const [w2, h2] = [dw + 2 * margin, dh + 2 * margin];
  const gray = new Uint8Array(w2 * h2).fill(255);
  // Where each column and row of the crop samples the region: two neighbours and the weight of the second.
  const taps = (n: number, size: number, origin: number): { at: Int32Array; next: Int32Array; w: Float32Array } => {
    const at = new Int32Array(n);
    const next = new Int32Array(n);
    const w = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const s = Math.min(size - 1, Math.max(0, ((i + 0.5) * size) / n - 0.5));
      const a = Math.floor(s);
      [at[i], next[i], w[i]] = [origin + a, origin + Math.min(size - 1, a + 1), s - a];
    }
    return { at, next, w };
  };
  const xs = taps(dw, width, left);
  const ys = taps(dh, height, top);
  const src = page.gray;
  for (let j = 0; j < dh; j++) {
    const [r0, r1, wy] = [ys.at[j]! * page.width, ys.next[j]! * page.width, ys.w[j]!];
    const row = (j + margin) * w2 + margin;
    for (let i = 0; i < dw; i++) {
      const [a, b, wx] = [xs.at[i]!, xs.next[i]!, xs.w[i]!];
      const top2 = src[r0 + a]! + (src[r0 + b]! - src[r0 + a]!) * wx;
      const bottom = src[r1 + a]! + (src[r1 + b]! - src[r1 + a]!) * wx;
      const v = top2 + (bottom - top2) * wy;
      gray[row + i] = sharp ? (v < INK ? 0 : 255) : Math.round(v);
    }
  }
  return pgmOf({ gray, width: w2, height: h2 });
}

/** Below this confidence (0–100) a digits-only reading is noise ("11" for a blurred "1,136.18"), not a reading. */
export const MIN_FIGURE_CONFIDENCE = 15;

/**
 * A figure read as one line of digits and separators, cut by its glyph box
 * with a little room (none of the next row). Measured on the seed's scans:
 * at 1.5× on a white margin chi_sim reads "1,136.18" whole, where at its own
 * size (or 2×, or with the neighbours' ink around it) it drops the "1,".
 * `sharp`: the crop made black on white first (see `magnified`). That reads
 * some figures the grey crop loses (25.27 read 2027 or 25527 at 300 dpi, 5.11
 * read as nothing) and misreads others the grey crop gets (7.03 → 17.03), so
 * callers use it as a second opinion.
 */
export function readFigureAt(page: Ink, glyphBox: PixelBox, zoom = 1.5, sharp = false): Promise<FigureReading> | null {
  const glyph = glyphBox.y1 - glyphBox.y0;
  const region = { x0: glyphBox.x0 - glyph * 0.25, y0: glyphBox.y0 - glyph * 0.2, x1: glyphBox.x1 + glyph * 0.15, y1: glyphBox.y1 + glyph * 0.2 };
  const png = magnified(page, region, zoom, Math.round(glyph * 0.6 * zoom), sharp);
  return png ? recognizeFigure(png) : null;
}

/**
 * A figure read several ways to vote between: grey at each of `zooms`, then
 * black on white at each (readFigureAt; null where a crop is empty).
 */
export function readFigureWays(page: Ink, glyphBox: PixelBox, zooms: readonly number[]): Promise<(FigureReading | null)[]> {
  return Promise.all([false, true].flatMap((sharp) => zooms.map((z) => readFigureAt(page, glyphBox, z, sharp))));
}
