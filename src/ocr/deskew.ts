// A scanned page is rarely straight: half a degree turns a ruling across a
// landscape page into a staircase of short runs, and tesseract's lines into
// neighbours' words. The skew is measured from the page's own ink (text lines
// and rulings are horizontal when straight) and the page turned back.
import { INK, type Ink } from "./ink.js";
/** Skews searched, in degrees either way: scanners and phones do worse, but tables stay readable only up to this. */
const MAX_SKEW = 4;
/** Turning a page by less than this (degrees) changes nothing OCR sees; it is left as drawn. */
export const NEGLIGIBLE_SKEW = 0.08;

/**
 * The angle (degrees, positive = the content runs down to the right) that
 * makes the ink's horizontal projection sharpest: the variance of ink per
 * row after shearing by tan(angle). Coarse then fine search on a subsample.
 */
export function estimateSkew(gray: Uint8Array, width: number, height: number): number {
  // About 1200 columns sampled: enough for 0.02° (a pixel over the page width).
  const step = Math.max(1, Math.floor(width / 1200));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += step) for (let x = 0; x < width; x += step) if (gray[y * width + x]! < INK) (xs.push(x / step), ys.push(y / step));
  if (xs.length < 200) return 0;
  const rows = Math.ceil(height / step) + Math.ceil(width / step) + 2;
  const offset = Math.ceil(width / step) + 1;
  const hist = new Float64Array(rows);
  const sharpness = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    hist.fill(0);
    for (let i = 0; i < xs.length; i++) hist[Math.round(ys[i]! - xs[i]! * t) + offset]! += 1;
    let sum = 0;
    for (const h of hist) sum += h * h;
    return sum;
  };
  const search = (from: number, to: number, by: number): number => {
    let best = from;
    let bestScore = -1;
    for (let d = from; d <= to + 1e-9; d += by) {
      const s = sharpness(d);
      if (s > bestScore) [best, bestScore] = [d, s];
    }
    return best;
  };
  const coarse = search(-MAX_SKEW, MAX_SKEW, 0.2);
  return Math.round(search(coarse - 0.2, coarse + 0.2, 0.02) * 100) / 100;
}

/**
 * The page turned by -skew about its centre, white where no page pixel lands:
 * each pixel sampled between its four nearest (bilinear, as a canvas draws a
 * turned image), in gray levels, not drawn and read back off a canvas again.
 */
export function unskew(page: Ink, skew: number): Ink {
  const { gray: src, width, height } = page;
  const out = new Uint8Array(width * height);
  const a = (-skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  const [cx, cy] = [width / 2, height / 2];
  // A pixel off the page is paper.
  const at = (x: number, y: number): number => (x >= 0 && y >= 0 && x < width && y < height ? src[y * width + x]! : 255);
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - cy;
    // Where this row's first pixel centre comes from (turned back by a); each step along the row adds (cos, -sin).
    let sx = cos * (0.5 - cx) + sin * dy + cx - 0.5;
    let sy = -sin * (0.5 - cx) + cos * dy + cy - 0.5;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let t: number;
      let b: number;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        const i = y0 * width + x0;
        t = src[i]! + (src[i + 1]! - src[i]!) * fx;
        b = src[i + width]! + (src[i + width + 1]! - src[i + width]!) * fx;
      } else {
        t = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * fx;
        b = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * fx;
      }
      out[y * width + x] = t + (b - t) * fy + 0.5;
    }
  }
  return { gray: out, width, height };
}

/**
 * Scanned paper is gray (235–245), and erased rulings leave white bands across
 * it whose edges tesseract takes for ink: the paper's tone (the most common
 * light gray) is stretched to white, in place.
 */
export function whitenPaper(gray: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < gray.length; i++) hist[gray[i]!]! += 1;
  let paper = 255;
  for (let v = 128; v < 256; v++) if (hist[v]! > hist[paper]!) paper = v;
  if (paper >= 250) return paper;
  // One lookup per level, not a multiplication per pixel.
  const level = Uint8Array.from({ length: 256 }, (_, v) => Math.min(255, Math.round((v * 255) / paper)));
  for (let i = 0; i < gray.length; i++) gray[i] = level[gray[i]!]!;
  return paper;
}
