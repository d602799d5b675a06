// How a scan degrades its pages, and the record of it kept in the truth
// (`scan`), so the scorer can break figures down by dpi, skew and noise.
import { z } from "zod";
import { createRng, seedOf, type Rng } from "../rng.js";

export const Noise = z.object({
  /** salt-pepper: isolated black and white specks (dust, sensor faults); gaussian: grain on every pixel. */
  kind: z.enum(["none", "salt-pepper", "gaussian"]),
  /** salt-pepper: the share of pixels flipped; gaussian: the standard deviation in grey levels (0–255). */
  amount: z.number().min(0),
});
export type Noise = z.infer<typeof Noise>;

export const ScanRecord = z.object({
  dpi: z.number().int().positive(),
  /** Degrees, counter-clockwise as the page is seen; the document's tilt, each page a little off it (page_skews). */
  skew: z.number().min(-10).max(10),
  /** The angle each page was actually turned by, in page order. */
  page_skews: z.array(z.number().min(-10).max(10)),
  noise: Noise,
  /** JPEG quality, 1–100. */
  jpeg: z.number().int().min(1).max(100),
  /** The paper's grey level (255: white): white is drawn as this, ink stays black. */
  grey: z.number().int().min(0).max(255),
  /** The seed every choice above and every speck of noise came from. */
  seed: z.number().int(),
});
export type ScanRecord = z.infer<typeof ScanRecord>;

/** Everything but the per-page angles, which scanPdf draws from the seed. */
export type ScanParams = Omit<ScanRecord, "page_skews">;

/** A clean scan: straight, white, no noise (what debug/scan.js makes without --seed). */
export function cleanScan(dpi: number): ScanParams {
  return { dpi, skew: 0, noise: { kind: "none", amount: 0 }, jpeg: 85, grey: 255, seed: 0 };
}

const between = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng();
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A mild office scan at `dpi`: tilted 0.5–2° either way, light noise of one
 * kind, JPEG quality 60–85, paper grey 235–245. Mild on purpose: the corpus
 * measures how reading holds up on ordinary scans, not on ruined ones.
 */
export function pickScanParams(dpi: number, seed: number): ScanParams {
  // A stream of its own: scanPdf draws the angles and the noise from `seed` itself.
  const rng = createRng(seedOf(`scan parameters ${seed}`));
  const sign = rng() < 0.5 ? -1 : 1;
  const skew = round(sign * between(rng, 0.5, 2), 2);
  const noise: Noise =
    rng() < 0.5 ? { kind: "salt-pepper", amount: round(between(rng, 0.0005, 0.002), 5) } : { kind: "gaussian", amount: round(between(rng, 3, 8), 1) };
  const jpeg = Math.round(between(rng, 60, 85));
  const grey = Math.round(between(rng, 235, 245));
  return { dpi, skew, noise, jpeg, grey, seed };
}

/** Per-page angles: the document's skew, each page up to 0.2° off it, never straighter than 0.5° nor past 2° (a clean scan stays at 0). */
export function pageSkews(skew: number, pages: number, rng: Rng): number[] {
  if (skew === 0) return Array.from({ length: pages }, () => 0);
  const sign = Math.sign(skew);
  return Array.from({ length: pages }, () => round(sign * Math.min(2, Math.max(0.5, Math.abs(skew) + between(rng, -0.2, 0.2))), 3));
}
