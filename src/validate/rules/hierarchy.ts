// Group 2 of identities.md: sums along the classification codes.
import type { Rule } from "./types.js";

export const HIERARCHY: readonly Rule[] = [
  ...["T2", "T3", "T5", "T8", "T9"].map((table): Rule => ({ kind: "hierarchy", id: `${table}.hierarchy`, identity: "H1", table, total: true })),
  { kind: "hierarchy", id: "T6.hierarchy", identity: "H10", table: "T6", total: false },
];
