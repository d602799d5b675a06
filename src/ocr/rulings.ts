// Ruling lines in a page image: long, thin runs of dark pixels. They become
// the page model's segments (so OCR'd tables are gridded like text-layer
// ones) and are painted white before recognition — whole-page OCR of a ruled
// table reads its lines as "|" and loses the digits that touch them.
import type { Segment } from "../source/model.js";

/** Darker than this (0–255 gray) is a ruling's ink: thin rulings scan lighter than the text (ink.ts). */
const RULING_INK = 200;
/** A ruling is at most this thick, in points (a scanned 1 pt line blurs to 2); glyph strokes long enough to pass MIN_LEN_PT are thicker. */
const MAX_THICK_PT = 2.5;
/** Shortest ruling, in points: a table cell is wider than this, a glyph stroke shorter. */
const MIN_LEN_PT = 18;
/** Pixels painted white on each side of a found ruling (its anti-aliased edge). */
const ERASE_MARGIN = 3;
/** Ink across a ruling this many pixels wider than the ruling is a glyph touching it. */
const TOUCH_WIDER = 2;

/**
 * Finds horizontal and vertical rulings in a page's gray levels drawn at
 * `scale` (pixels per point), returns them in points, and paints them white in place.
 */
export function findAndEraseRulings(gray: Uint8Array, width: number, height: number, scale: number): Segment[] {
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
  // A ruling is erased with its anti-aliased fringe, and no glyph goes with it: a spreadsheet sets a
  // figure flush against its cell's right ruling, a pixel or two off it or on it, and erasing a margin
  // round the ruling took the last digit's right stroke ("0.0C", a 9 read 5). So the margin takes only
  // light pixels (the fringe), and where the ink across the ruling is wider than the ruling is along
  // most of its length (a glyph on it; not another ruling, whose ink reaches further), only the
  // ruling's own pixel goes. On a scan too: its noise and blur widen a ruling all along, which the
  // median width takes in, and Calc's WenQuanYi figures touch their rulings (200 dpi: 94.65% → 95.57%).
  const reach = maxThick + ERASE_MARGIN + 1;
  const mark = (at: number, p0: number, p1: number, vertical: boolean): void => {
    const lines = vertical ? width : height;
    const from = Math.max(0, p0 - ERASE_MARGIN);
    const to = Math.min((vertical ? height : width) - 1, p1 + ERASE_MARGIN);
    const put = (p: number, q: number): void => void (erase[vertical ? p * width + q : q * width + p] = 1);
    const inkAt = (p: number, q: number): boolean => q >= 0 && q < lines && (vertical ? ink(q, p) : ink(p, q));
    const lo = new Int32Array(to - from + 1);
    const hi = new Int32Array(to - from + 1);
    for (let p = from; p <= to; p++) {
      let a = at;
      let b = at;
      while (a > at - reach && inkAt(p, a - 1)) a--;
      while (b < at + reach && inkAt(p, b + 1)) b++;
      lo[p - from] = a;
      hi[p - from] = b;
    }
    const own = [...lo.keys()].map((i) => hi[i]! - lo[i]! + 1).sort((x, y) => x - y)[lo.length >> 1]!;
    for (let p = from; p <= to; p++) {
      const [a, b] = [lo[p - from]!, hi[p - from]!];
      const ruled = at - a >= reach || b - at >= reach;
      if (!ruled && b - a + 1 > own + TOUCH_WIDER) {
        put(p, at);
        continue;
      }
      for (let q = Math.max(0, a - ERASE_MARGIN); q <= Math.min(lines - 1, b + ERASE_MARGIN); q++) if ((q >= a && q <= b) || !inkAt(p, q)) put(p, q);
    }
  };

  // Runs of ink at least minLen long, as [at, first, last]: along every row for horizontal rulings,
  // then down every column for vertical ones — found row by row, each column's run counted as the
  // rows go (walking a column touches one byte a row: a cache miss a pixel), then put in column order.
  const long = (vertical: boolean): [number, number, number][] => {
    const runs: [number, number, number][] = [];
    if (!vertical) {
      for (let y = 0; y < height; y++) {
        const row = y * width;
        let run = 0;
        for (let x = 0; x <= width; x++) {
          if (x < width && gray[row + x]! < RULING_INK) run++;
          else {
            if (run >= minLen) runs.push([y, x - run, x - 1]);
            run = 0;
          }
        }
      }
      return runs;
    }
    const run = new Int32Array(width);
    for (let y = 0; y <= height; y++) {
      const row = y * width;
      for (let x = 0; x < width; x++) {
        if (y < height && gray[row + x]! < RULING_INK) run[x]!++;
        else if (run[x]! > 0) {
          if (run[x]! >= minLen) runs.push([x, y - run[x]!, y - 1]);
          run[x] = 0;
        }
      }
    }
    return runs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  };
  for (const vertical of [false, true]) {
    for (const [at, p0, p1] of long(vertical)) {
      if (!thinRun(p0, p1, at, vertical)) continue;
      const [x0, y0, x1, y1] = vertical ? [at, p0, at, p1] : [p0, at, p1, at];
      segments.push({ x0: x0 / scale, y0: y0 / scale, x1: x1 / scale, y1: y1 / scale });
      mark(at, p0, p1, vertical);
    }
  }
  for (let i = 0; i < width * height; i++) if (erase[i]) gray[i] = 255;
  return segments;
}
