// Ink on a prepared page image (RGBA, paper made white): one gray level per
// pixel, one threshold for the text's ink, and the inside of a ruled cell.

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
const CELL_INSET = 4;

/** The inside of a ruled cell (pixels), or null when too small to hold a glyph (`min` pixels either way). */
export function cellInside(box: { x0: number; y0: number; x1: number; y1: number }, min: number): PixelRect | null {
  const [left, top] = [Math.round(box.x0 + CELL_INSET), Math.round(box.y0 + CELL_INSET)];
  const [width, height] = [Math.round(box.x1 - CELL_INSET) - left, Math.round(box.y1 - CELL_INSET) - top];
  return width < min || height < min ? null : { left, top, width, height };
}
