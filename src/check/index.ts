// `juesuan check`: the stored reports that do not reconcile, worst first.
import { open } from "../store/index.js";
import { formatVerdicts } from "./format.js";
import { rank } from "./rank.js";

export type { Verdict } from "./rank.js";
export { rank, verdict } from "./rank.js";

export interface CheckOptions {
  readonly db: string;
  readonly json: boolean;
  /** List rounding gaps too, not only errors and warnings. */
  readonly rounding: boolean;
}

export function checkStore(options: CheckOptions): string {
  const store = open(options.db, { mustExist: true });
  try {
    const result = rank(store.iterateReports());
    if (!options.json) return formatVerdicts(result, options.rounding);
    const reports = result.flagged.map((v) => ({ ...v, findings: options.rounding ? v.findings : v.findings.filter((f) => f.severity !== "info") }));
    return `${JSON.stringify({ reports, clean: result.clean, failed: result.failed }, null, 2)}\n`;
  } finally {
    store.close();
  }
}
