// Printed units: what one of each is worth in 万元, the canonical unit.

export type AmountUnit = "万元" | "元" | "亿元";

/** 万元 per printed unit. */
export const UNIT_IN_WAN: Record<AmountUnit, number> = { 万元: 1, 元: 1e-4, 亿元: 1e4 };
