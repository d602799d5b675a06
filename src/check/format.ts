// The check report in plain words, for a terminal or a file.
import type { Finding } from "../../schemas/canonical.js";
import type { Verdict } from "./rank.js";

const MARK: Record<Finding["severity"], string> = { error: "✗", warning: "?", info: "≈" };

function line(f: Finding): string {
  const page = f.page ? `p.${f.page} ` : "";
  return `  ${MARK[f.severity]} ${page}${f.message}  [${f.rule}${f.identity ? ` ${f.identity}` : ""}]`;
}

export function formatVerdicts(result: { flagged: readonly Verdict[]; clean: number; failed: number }, withRounding: boolean): string {
  const out: string[] = [];
  for (const v of result.flagged) {
    const who = [v.unit ?? "（单位未识别）", v.year ?? ""].join(" ").trim();
    out.push(`${who} — ${v.file}`);
    out.push(`  ${v.errors} error${v.errors === 1 ? "" : "s"}, ${v.warnings} warning${v.warnings === 1 ? "" : "s"}, ${v.rounding} within rounding`);
    for (const f of v.findings) if (withRounding || f.severity !== "info") out.push(line(f));
    out.push("");
  }
  out.push(
    `${result.flagged.length} report${result.flagged.length === 1 ? "" : "s"} do not reconcile; ${result.clean} reconcile (rounding gaps at most)` +
      (result.failed > 0 ? `; ${result.failed} file${result.failed === 1 ? "" : "s"} could not be read (see ingest)` : ""),
  );
  return `${out.join("\n")}\n`;
}
