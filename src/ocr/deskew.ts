// A scanned page is rarely straight: half a degree turns a ruling across a
// landscape page into a staircase of short runs, and tesseract's lines into
// neighbours' words. The skew is measured from the page's own ink (text lines
// and rulings are horizontal when straight) and the page turned back.
import type { CanvasFactory, Drawn } from "../source/canvas.js";
import { INK } from "./ink.js";
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

/** The page turned by -skew about its centre onto a white canvas of the same size; the old canvas is destroyed. */
export function unskew(drawn: Drawn, factory: CanvasFactory, skew: number): Drawn {
  const { width, height } = drawn.canvas;
  const out = factory.create(width, height);
  const a = (-skew * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  out.context.fillStyle = "#ffffff";
  out.context.fillRect(0, 0, width, height);
  // Rotation about the centre: translate(c) · rotate(a) · translate(-c).
  const [cx, cy] = [width / 2, height / 2];
  out.context.setTransform(cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy);
  out.context.drawImage(drawn.canvas, 0, 0, width, height, 0, 0, width, height);
  out.context.resetTransform();
  factory.destroy(drawn);
  return out;
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
