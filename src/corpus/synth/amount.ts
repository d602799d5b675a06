// Amounts inside the synthesizer are integer 元 (yuan). A report printed in
// 万元 only uses multiples of 100 元 (0.01 万元), one printed in 元 any whole
// yuan, so every sum is exact integer arithmetic and the canonical 万元 value
// (yuan / 10000) is the correctly rounded double of the printed figure.
import type { Rng } from "../rng.js";

export type Yuan = number;

/** Granularity of a printed amount, in 元. */
export function stepOf(unit: "万元" | "元"): Yuan {
  return unit === "万元" ? 100 : 1;
}

export function toWan(y: Yuan): number {
  return y / 10000;
}

/** Canonical 万元 (number or null) back to integer 元; null counts as 0. */
export function fromWan(v: number | null | undefined): Yuan {
  return v == null ? 0 : Math.round(v * 10000);
}

export function roundTo(y: number, step: Yuan): Yuan {
  return Math.round(y / step) * step;
}

export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  const v = list[Math.floor(rng() * list.length)];
  if (v === undefined) throw new Error("Expected a non-empty list to pick from");
  return v;
}

/**
 * Splits `total` into parts proportional to `weights`, each a multiple of
 * `step`, summing to `total` exactly (largest remainder).
 */
export function splitExact(total: Yuan, weights: readonly number[], step: Yuan): Yuan[] {
  const units = Math.round(total / step);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const raw = weights.map((w) => (units * w) / sum);
  const floors = raw.map(Math.floor);
  let left = units - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors.map((u) => u * step);
}

/** round_half_up(100·num/den, d) scaled by 10^d, in exact integer arithmetic (num, den ≥ 0). */
export function pctScaled(num: Yuan, den: Yuan, d: number): number {
  if (den <= 0) throw new Error("Expected a positive denominator for a percentage");
  const scale = 10 ** d;
  return Math.floor((200 * num * scale + den) / (2 * den));
}

/** round_half_up(x, d) for a scaled integer already at d+1 decimals etc. is not needed; this is for narrative double rounding. */
export function pctValue(num: Yuan, den: Yuan, d: number): number {
  return pctScaled(num, den, d) / 10 ** d;
}

/** A percentage as printed: d decimals, but an exact 100 as "100". */
export function formatPct(value: number, d: number): string {
  return value === 100 ? "100" : value.toFixed(d);
}

export interface NarrativeStyle {
  /** Unit the narrative states amounts in. */
  readonly unit: "万元" | "元";
  readonly thousands: boolean;
  /** Trailing zeros dropped ("26.2", "0"), as the seed writes. */
  readonly trim: boolean;
  readonly pctDecimals: number;
}

export function formatNarrativeAmount(y: Yuan, style: NarrativeStyle): string {
  const value = style.unit === "万元" ? y / 10000 : y;
  let s = value.toFixed(2);
  if (style.trim) s = s.replace(/\.?0+$/, "");
  if (style.thousands) {
    const [int = "0", frac] = s.split(".");
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  return s;
}
