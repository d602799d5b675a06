// Reading part of a page again: the region cut out of the prepared page,
// magnified onto white with room around it (tesseract reads a glyph that
// touches the image's edge, or the neighbours' ink, worse).
import type { CanvasFactory, Drawn } from "../source/canvas.js";
import { grayOf, INK, pgmOf } from "./ink.js";
import { recognizeFigure } from "./pool.js";

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
 * again in wasm, a fifth of a second a page); null when it is empty. With
 * `sharp`, made black on white at the ink threshold: on a crop holding little
 * ink, tesseract's own threshold falls inside a light scan's grey strokes and
 * it reads a clean "5.11" as nothing.
 */
export function magnified(page: Drawn, factory: CanvasFactory, region: PixelBox, zoom: number, margin: number, sharp = false): Buffer | null {
  const [left, top] = [Math.max(0, Math.round(region.x0)), Math.max(0, Math.round(region.y0))];
  const width = Math.min(page.canvas.width, Math.round(region.x1)) - left;
  const height = Math.min(page.canvas.height, Math.round(region.y1)) - top;
  if (width <= 0 || height <= 0) return null;
  const [w2, h2] = [Math.round(width * zoom) + 2 * margin, Math.round(height * zoom) + 2 * margin];
  const crop = factory.create(w2, h2);
  try {
    crop.context.fillStyle = "#ffffff";
    crop.context.fillRect(0, 0, w2, h2);
    crop.context.drawImage(page.canvas, left, top, width, height, margin, margin, w2 - 2 * margin, h2 - 2 * margin);
    const gray = grayOf(crop.context.getImageData(0, 0, w2, h2).data, w2, h2);
    if (sharp) for (let i = 0; i < gray.length; i++) gray[i] = gray[i]! < INK ? 0 : 255;
    return pgmOf({ gray, width: w2, height: h2 });
  } finally {
    factory.destroy(crop);
  }
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
export function readFigureAt(page: Drawn, factory: CanvasFactory, glyphBox: PixelBox, zoom = 1.5, sharp = false): Promise<{ text: string; confidence: number }> | null {
  const glyph = glyphBox.y1 - glyphBox.y0;
  const region = { x0: glyphBox.x0 - glyph * 0.25, y0: glyphBox.y0 - glyph * 0.2, x1: glyphBox.x1 + glyph * 0.15, y1: glyphBox.y1 + glyph * 0.2 };
  const png = magnified(page, factory, region, zoom, Math.round(glyph * 0.6 * zoom), sharp);
  return png ? recognizeFigure(png) : null;
}
