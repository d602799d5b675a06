// Numbers as the tables print them: two decimals, thousands separators,
// a printed-empty cell (null) as nothing.

export function formatAmount(value: number | null): string {
  if (value === null) return "";
  const [int = "0", frac = "00"] = Math.abs(value).toFixed(2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}.${frac}`;
}
