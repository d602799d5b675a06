// Printed amounts -> numbers. "1,136.18", "1136.18", "0.00", "0", "-" and
// blank are all seen; blank is null (printed empty), a dash is zero.

export type ParsedAmount = { readonly ok: true; readonly value: number | null } | { readonly ok: false };

const DASHES = /^[-－—–]+$/;
const NUMBER = /^[-－]?\(?[-－]?\d{1,3}(?:[,，]\d{3})*(?:\.\d+)?\)?$|^[-－]?\d+(?:\.\d+)?$/;

export function parseAmount(text: string): ParsedAmount {
  const t = text.replace(/\s+/g, "");
  if (t === "") return { ok: true, value: null };
  if (DASHES.test(t)) return { ok: true, value: 0 };
  if (!NUMBER.test(t)) return { ok: false };
  const negative = /^[-－]|^\(.*\)$/.test(t);
  const digits = t.replace(/[-－(),，]/g, "");
  const value = Number(digits);
  if (!Number.isFinite(value)) return { ok: false };
  return { ok: true, value: negative ? -value : value };
}

/** True for text that can only be an amount (not a code or a line number). */
export function looksLikeAmount(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  return /^[-－]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-－]?\d+\.\d+$/.test(t);
}

/** Converts a printed amount to 万元, the canonical unit. */
export function toWan(value: number | null, unit: "万元" | "元" | "亿元"): number | null {
  if (value === null) return null;
  const factor = unit === "元" ? 1e-4 : unit === "亿元" ? 1e4 : 1;
  // Round away binary noise; 元 with two decimals needs six in 万元.
  return Math.round(value * factor * 1e6) / 1e6;
}
