// Amounts as a variant prints them. Values are canonical 万元; a report in 元
// prints them ×10000 (still two decimals, as 元 tables do). A zero prints
// per the variant's zero style ("" when blank); a null always prints "".
import type { Variant } from "../variant.js";

export type AmountStyle = Pick<Variant, "unit" | "zero" | "thousands">;

export function printAmount(value: number | null, style: AmountStyle): string {
  if (value === null) return "";
  const scaled = style.unit === "元" ? value * 10000 : value;
  const fixed = Math.abs(scaled).toFixed(2);
  if (Number(fixed) === 0) return style.zero === "blank" ? "" : style.zero;
  const [int = "0", frac = "00"] = fixed.split(".");
  const grouped = style.thousands ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return `${scaled < 0 ? "-" : ""}${grouped}.${frac}`;
}
