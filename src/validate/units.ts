// Printed units: what one of each is worth in 万元, the canonical unit.

export type AmountUnit = "万元" | "元" | "亿元";

/** 万元 per printed unit. */
export const UNIT_IN_WAN: Record<AmountUnit, number> = { 万元: 1, 元: 1e-4, 亿元: 1e4 };

/** Half the last printed digit of a table amount, in 万元: 0.005 万元, 0.5 元 (whole 元), 0.005 亿元; a table of unknown unit as 万元. */
export function halfStepInWan(printedUnit: string | null | undefined): number {
  const inWan = UNIT_IN_WAN[(printedUnit ?? "万元") as AmountUnit] ?? 1;
  return printedUnit === "元" ? 0.5 * inWan : 0.005 * inWan;
}
