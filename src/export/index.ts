// Export: the store's reports as JSONL or CSV, to a file or stdout.
import type { Store } from "../store/index.js";
import { csvHeader, csvLines } from "./csv.js";
import { jsonlLines } from "./jsonl.js";
import type { ExportFormat } from "./formats.js";
import { writeFileAtomically, writeToStream } from "./write.js";

export { EXPORT_FORMATS, type ExportFormat } from "./formats.js";

/**
 * Writes the export to `out` atomically, or to `stdout` when out is null.
 * Returns how many records it wrote (reports for JSONL, cells for CSV).
 */
export async function exportStore(
  store: Store,
  format: ExportFormat,
  out: string | null,
  stdout: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  let records = 0;
  function* counted(lines: Iterable<string>): Generator<string> {
    for (const line of lines) {
      records++;
      yield line;
    }
  }
  const pieces =
    format === "jsonl"
      ? counted(jsonlLines(store.iterateReports()))
      : (function* () {
          yield csvHeader();
          yield* counted(csvLines(store.iterateCellLines()));
        })();
  if (out === null) await writeToStream(stdout, pieces);
  else await writeFileAtomically(out, pieces);
  return records;
}
