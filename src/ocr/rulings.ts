// Ruling lines in a page image: long, thin runs of dark pixels. They become
// the page model's segments (so OCR'd tables are gridded like text-layer
// ones) and are painted white before recognition — whole-page OCR of a ruled
// table reads its lines as "|" and loses the digits that touch them.
import type { Segment } from "../source/model.js";
import { grayOf } from "./ink.js";

/** Darker than this (0–255 gray) is a ruling's ink: thin rulings scan lighter than the text (ink.ts). */
const RULING_INK = 200;
/** A ruling is at most this thick, in points (a scanned 1 pt line blurs to 2); glyph strokes long enough to pass MIN_LEN_PT are thicker. */
const MAX_THICK_PT = 2.5;
/** Shortest ruling, in points: a table cell is wider than this, a glyph stroke shorter. */
const MIN_LEN_PT = 18;
/** Pixels painted white on each side of a found ruling (its anti-aliased edge). */
const ERASE_MARGIN = 3;

/**
 * Finds horizontal and vertical rulings in an RGBA image drawn at `scale`
 * (pixels per point), returns them in points, and paints them white in place.
 */
export function findAndEraseRulings(rgba: Uint8ClampedArray, width: number, height: number, scale: number): Segment[] {
  const gray = grayOf(rgba, width, height);
  const ink = (x: number, y: number): boolean => (gray[y * width + x] ?? 255) < RULING_INK;
  const maxThick = Math.max(2, Math.round(MAX_THICK_PT * scale));
  const minLen = Math.round(MIN_LEN_PT * scale);
  const erase = new Uint8Array(width * height);
  const segments: Segment[] = [];
  // Extent of ink across a run at (x, y), along the other axis: a line is thin there.
  const thickAt = (x: number, y: number, vertical: boolean): number => {
    let n = 1;
    for (let k = 1; k <= maxThick + 1; k++) if (vertical ? x + k < width && ink(x + k, y) : y + k < height && ink(x, y + k)) n++; else break;
    for (let k = 1; k <= maxThick + 1; k++) if (vertical ? x - k >= 0 && ink(x - k, y) : y - k >= 0 && ink(x, y - k)) n++; else break;
    return n;
  };
  // Thin at most points along the run, one point a point apart: where rulings
  // cross it the run is thick, and a handful of evenly spaced samples can all
  // land on crossings when the rows are evenly pitched.
  const thinRun = (a: number, b: number, at: number, vertical: boolean): boolean => {
    const step = Math.max(1, Math.round(scale));
    let thin = 0;
    let all = 0;
    for (let p = a; p <= b; p += step, all++) if ((vertical ? thickAt(at, p, true) : thickAt(p, at, false)) <= maxThick) thin++;
    return thin * 2 > all;
  };
  const mark = (x0: number, y0: number, x1: number, y1: number): void => {
    for (let y = Math.max(0, y0 - ERASE_MARGIN); y <= Math.min(height - 1, y1 + ERASE_MARGIN); y++)
      for (let x = Math.max(0, x0 - ERASE_MARGIN); x <= Math.min(width - 1, x1 + ERASE_MARGIN); x++) erase[y * width + x] = 1;
  };
  // Along every row for horizontal rulings, then along every column for vertical ones.
  for (const vertical of [false, true]) {
    const [lines, along] = vertical ? [width, height] : [height, width];
    for (let at = 0; at < lines; at++) {
      let run = 0;
      for (let p = 0; p <= along; p++) {
        if (p < along && (vertical ? ink(at, p) : ink(p, at))) run++;
        else {
          const p0 = p - run;
          if (run >= minLen && thinRun(p0, p - 1, at, vertical)) {
            const [x0, y0, x1, y1] = vertical ? [at, p0, at, p - 1] : [p0, at, p - 1, at];
            segments.push({ x0: x0 / scale, y0: y0 / scale, x1: x1 / scale, y1: y1 / scale });
            mark(x0, y0, x1, y1);
          }
          run = 0;
        }
      }
    }
  }
  for (let i = 0; i < width * height; i++) if (erase[i]) rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = 255;
  return segments;
}
