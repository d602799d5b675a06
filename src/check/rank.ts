// Which reports do not reconcile, worst first: the most errors, then the most
// warnings, then the largest gap. Rounding gaps (info) never make a report bad.
import type { Finding, Report } from "../../schemas/canonical.js";

export interface Verdict {
  readonly file: string;
  readonly unit: string | null;
  readonly year: number | null;
  readonly errors: number;
  readonly warnings: number;
  readonly rounding: number;
  /** Largest gap among errors, in 万元 (0 when none has two figures). */
  readonly worstGap: number;
  /** Errors, then warnings, then rounding; the largest gap first within each. */
  readonly findings: readonly Finding[];
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };
const gap = (f: Finding): number => (f.expected !== null && f.actual !== null ? Math.abs(f.expected - f.actual) : 0);

export function verdict(r: Report): Verdict {
  const findings = [...r.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || gap(b) - gap(a));
  const errors = findings.filter((f) => f.severity === "error");
  return {
    file: r.file,
    unit: r.unit,
    year: r.year,
    errors: errors.length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    rounding: findings.filter((f) => f.severity === "info").length,
    worstGap: Number(Math.max(0, ...errors.map(gap)).toFixed(6)),
    findings,
  };
}

/** Reports that were read and do not reconcile (any error or warning), worst first. */
export function rank(reports: Iterable<Report>): { flagged: Verdict[]; clean: number; failed: number } {
  const flagged: Verdict[] = [];
  let clean = 0;
  let failed = 0;
  for (const r of reports) {
    if (r.status !== "ok") {
      failed++;
      continue;
    }
    const v = verdict(r);
    if (v.errors + v.warnings > 0) flagged.push(v);
    else clean++;
  }
  flagged.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || b.worstGap - a.worstGap || a.file.localeCompare(b.file));
  return { flagged, clean, failed };
}
