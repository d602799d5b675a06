// A committed report's truth, table by table, and how many of a table's cells
// a reading gets right (the eval's tolerance: half a cent of 万元; an empty
// cell may read as 0).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Table } from "../../schemas/canonical.js";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface TruthTable {
  readonly id: string;
  readonly pages: number[];
  readonly cells: { row: string; col: string; value: number | null }[];
}

/** Table `id` of `report` (repo-relative, without .pdf). */
export const truthOf = (report: string, id: string): TruthTable =>
  (JSON.parse(readFileSync(path.join(repo, `${report}.truth.json`), "utf8")) as { tables: TruthTable[] }).tables.find((t) => t.id === id)!;

/** The truth's cells `table` holds (0 when no table was found). */
export function rightCells(table: Table | undefined, truth: TruthTable): number {
  return truth.cells.filter((c) => {
    const got = table?.cells.find((x) => x.row === c.row && x.col === c.col)?.value ?? null;
    return c.value === null ? got === null || got === 0 : got !== null && Math.abs(got - c.value) <= 0.005;
  }).length;
}
