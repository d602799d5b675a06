// The real PDFs of ../shared/real, scored where a test pins their figures:
// each golden (test/golden/*.json, checked by hand) is one whole table.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Report } from "../../schemas/canonical.js";

export const Golden = z.object({
  pdf: z.string(),
  table: z.string(),
  pages: z.array(z.number()),
  columns: z.array(z.string()),
  rows: z.array(z.tuple([z.string(), z.string().nullable()])),
  values: z.record(z.string(), z.array(z.union([z.number(), z.null(), z.literal("absent")]))),
});
export type Golden = z.infer<typeof Golden>;

export interface RealScore {
  readonly pdf: string;
  readonly table: string;
  readonly cells: number;
  readonly exact: number;
}

export async function loadGoldens(dir: string): Promise<Golden[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(files.map(async (f) => Golden.parse(JSON.parse(await readFile(path.join(dir, f), "utf8")))));
}

export function scoreGolden(g: Golden, got: Report | undefined): RealScore {
  const table = got?.tables.find((t) => t.id === g.table);
  const cells = new Map((table?.cells ?? []).map((c) => [`${c.row}|${c.col}`, c.value]));
  let total = 0;
  let exact = 0;
  for (const [row, values] of Object.entries(g.values)) {
    values.forEach((v, i) => {
      total++;
      const k = `${row}|${g.columns[i]!}`;
      if (v === "absent" ? !cells.has(k) : cells.has(k) && cells.get(k) === v) exact++;
    });
  }
  return { pdf: g.pdf, table: g.table, cells: total, exact };
}
