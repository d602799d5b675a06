// Figures a template may print by their parts instead of (or under) the whole.
// A university (高等学校) splits 事业收入 into 教育事业收入, 科研事业收入 (and
// 其他事业收入): T1 as lines, T2 as columns. An identity that names 事业收入
// sums its parts where only they are printed (expand.ts).
import type { Term } from "./types.js";

export const BUSINESS_PARTS = ["education_business", "research_business", "other_business"] as const;

/** 事业收入 of a T1 line (parts are lines) or of a T2 row (parts are columns). */
export function business(table: "T1" | "T2", row: string, col: string): Term {
  const parts = BUSINESS_PARTS.map((p): Term => (table === "T1" ? { table, row: p, col } : { table, row, col: p }));
  return { table, row, col, parts };
}
