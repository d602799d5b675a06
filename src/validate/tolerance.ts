// The rounding tolerance model of identities.md §1. Each printed amount is
// off its exact figure by at most half a printed step; an identity with k
// non-zero addends can miss by 0.5·step·(k+1), and since both sides are
// multiples of the step the printable bound is step·floor((k+1)/2).

/** Largest gap rounding can explain for an identity with `k` non-zero addends printed at `step`. */
export function roundingBound(k: number, step: number): number {
  return step * Math.max(1, Math.floor((Math.max(k, 1) + 1) / 2));
}

/** Float noise in 万元 arithmetic (figures carry at most 6 decimals). */
export const EPSILON = 1e-7;

export type Outcome = "exact" | "rounding" | "violation";

export function classify(gap: number, bound: number): Outcome {
  const g = Math.abs(gap);
  if (g <= EPSILON) return "exact";
  return g <= bound + EPSILON ? "rounding" : "violation";
}
