// Printed numbers: parsing with or without thousands separators, the unit
// that follows, and round-half-up at a printed precision.

export { UNIT_IN_WAN, type AmountUnit } from "../units.js";

export function parsePrinted(text: string): { value: number; decimals: number } {
  const plain = text.replace(/,/g, "");
  const dot = plain.indexOf(".");
  return { value: Number(plain), decimals: dot < 0 ? 0 : plain.length - dot - 1 };
}

/** Round half up to `decimals` places, robust to binary noise (6.15 → 6.2). */
export function roundHalfUp(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const r = Math.floor(scaled + 0.5 + 1e-7) / f;
  return x < 0 ? -r : r;
}

export const EPS = 1e-7;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A figure for messages: at most `decimals` places, trailing zeros kept to 2 for amounts. */
export function fmt(x: number, decimals = 2): string {
  const r = roundHalfUp(x, decimals);
  return Number.isInteger(r) ? String(r) : r.toFixed(decimals).replace(/(\.\d*?[1-9])0+$/, "$1");
}

export function fmtAmount(x: number): string {
  const r = roundHalfUp(x, 4);
  const two = roundHalfUp(x, 2);
  return nearlyEqual(r, two) ? two.toFixed(2) : String(r);
}
