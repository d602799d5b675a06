import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { findingsInOrder } from "./key-order.js";
import { ReportSource } from "./schema.js";

export async function loadSource(file: string): Promise<ReportSource> {
  const raw: unknown = JSON.parse(await readFile(file, "utf8"));
  const parsed = ReportSource.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Expected a report source in ${file}, got: ${parsed.error.message}`);
  }
  const rawFindings = raw !== null && typeof raw === "object" ? (raw as { findings?: unknown }).findings : undefined;
  return { ...parsed.data, findings: findingsInOrder(rawFindings, parsed.data.findings) };
}

/** Every *.json under dir, sorted so the corpus is built in a stable order. */
export async function listSources(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  return names.map((n) => path.join(dir, n));
}
