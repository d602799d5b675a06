// Small numeric helpers shared by the layout stages.

/** Sorted positions clustered within `tol`: each cluster becomes its mean. */
export function clusterPositions(values: readonly number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - group[group.length - 1]! > tol) {
      out.push(mean(group));
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(mean(group));
  return out;
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Index of the cluster position nearest to v, or -1 if none is within tol. */
export function nearestIndex(positions: readonly number[], v: number, tol: number): number {
  let best = -1;
  let bestD = tol;
  for (let i = 0; i < positions.length; i++) {
    const d = Math.abs(positions[i]! - v);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

/** Length of the overlap of [a0,a1] and [b0,b1] (0 if disjoint). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}
