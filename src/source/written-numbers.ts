// The numbers a content stream wrote, where the operator list kept only a
// float32 of them (text matrices, form matrices). pdf.js's text extraction
// works on the numbers as written, and its space and item decisions can turn
// on the last bit (a TJ of -102 is a gap of exactly the 0.102 em threshold),
// so the reader needs them as written too.
//
// Most producers write short decimals (29.85): the shortest decimal that
// rounds to the float32 is the one. Some compute in float32 and print every
// number to a fixed count of decimals (29.85 becomes 29.85000038, 841.9
// becomes 841.90002441): the page's operands that the operator list keeps as
// written (cm, Td, Tc…) show that habit, and the count of decimals.
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Operators whose numeric operands the operator list passes on as written. */
const AS_WRITTEN = new Set<number>([OPS.transform, OPS.moveText, OPS.setLeadingMoveText, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setLeading, OPS.setTextRise, OPS.setHScale, OPS.setLineWidth]);

// Text matrices repeat (one per glyph for some producers): each value is worked out once.
const shortestOf = new Map<number, number>();

/** The shortest decimal that rounds to float32 `v`. */
function shortest(v: number): number {
  let d = shortestOf.get(v);
  if (d !== undefined) return d;
  d = v;
  for (let p = 1; p < 9; p++) {
    const c = Number(v.toPrecision(p));
    if (Math.fround(c) === v) {
      d = c;
      break;
    }
  }
  if (shortestOf.size >= 8192) shortestOf.clear();
  shortestOf.set(v, d);
  return d;
}

/** How many decimals `u` is written with, if it is a float32 printed to that many (null if not). */
function float32Decimals(u: number): number | null {
  const f = Math.fround(u);
  if (f === u || !Number.isFinite(u)) return null;
  const s = String(u);
  const dot = s.indexOf(".");
  if (dot < 0 || s.includes("e")) return null;
  const n = s.length - dot - 1;
  return Number(f.toFixed(n)) === u && shortest(f) !== u ? n : null;
}

/** The count of decimals the page's producer prints its float32 numbers to; null if it writes short decimals. */
export function printedDecimals(fnArray: readonly number[], argsArray: readonly unknown[]): number | null {
  let most: number | null = null;
  // A few such numbers tell (one may have lost a trailing zero: 841.90002440 reads 841.9000244).
  let seen = 0;
  for (let i = 0; i < fnArray.length && seen < 4; i++) {
    if (!AS_WRITTEN.has(fnArray[i]!)) continue;
    const args = argsArray[i];
    if (!Array.isArray(args)) continue;
    for (const a of args) {
      if (typeof a !== "number") continue;
      const n = float32Decimals(a);
      if (n === null) continue;
      seen++;
      if (most === null || n > most) most = n;
    }
  }
  return most;
}

/** The number as the content stream wrote it, from its float32. */
export function asWritten(v: number, decimals: number | null): number {
  if (Number.isInteger(v) || !Number.isFinite(v)) return v;
  if (decimals !== null) {
    const d = Number(v.toFixed(decimals));
    if (Math.fround(d) === v) return d;
  }
  return shortest(v);
}
