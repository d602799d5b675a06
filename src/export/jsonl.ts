// JSONL: one canonical Report per line, the contract of
// shared/spec/export-format.md. Every line is checked against ExportLine
// before it is written: a line that breaks the contract is never emitted.
import { ExportLine, type Report } from "../../schemas/canonical.js";
import { firstIssue } from "../store/zod-issue.js";

export function* jsonlLines(reports: Iterable<Report>): Generator<string> {
  for (const report of reports) {
    const checked = ExportLine.safeParse(report);
    if (!checked.success) throw new Error(`Expected ${report.file} to satisfy the export contract, got ${firstIssue(checked.error)}`);
    yield `${JSON.stringify(checked.data)}\n`;
  }
}
