// The independent set (../shared/independent): reports made by producers
// juesuan does not control, with a truth of their own format (its README).
// Read here into the scorer's Truth, so the same scorer scores them: the
// tables and cells as ours; `injected` errors (each caught by a finding at
// any of its `accept` places) as the faults; `expected_clean` reports count
// every error finding as a false alarm. Its producer and font are strings
// of its own, kept apart from our Variant, for its own breakdown.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { Report } from "../../schemas/canonical.js";
import { SEED_VARIANT } from "../corpus/variant.js";
import type { Expected, Truth } from "./truth.js";

const Place = z.object({ table: z.string(), row: z.string().nullable().optional() });

export const IndependentTruth = Report.extend({
  injected: z.array(z.object({ table: z.string(), row: z.string().nullable(), accept: z.array(Place).optional() }).loose()).default([]),
  expected_clean: z.boolean().optional(),
  rounding_gaps: z.array(z.object({ table: z.string().optional(), row: z.string().nullable().optional() }).loose()).default([]),
  variant: z.object({ font: z.string().optional() }).loose().optional(),
  findings: z.array(z.object({ table: z.string().nullable(), row: z.string().nullable(), severity: z.enum(["error", "warning", "info"]) }).loose()),
});
export type IndependentTruth = z.infer<typeof IndependentTruth>;

export interface IndependentCase {
  readonly truth: Truth;
  readonly producer: string;
  readonly font: string;
}

const place = (p: z.infer<typeof Place>): { table: string; row: string | null } => ({ table: p.table, row: p.row ?? null });

export async function loadIndependent(dir: string): Promise<IndependentCase[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".truth.json")).sort();
  return Promise.all(
    files.map(async (f) => {
      const file = path.join(dir, f);
      const parsed = IndependentTruth.safeParse(JSON.parse(await readFile(file, "utf8")));
      if (!parsed.success) throw new Error(`Expected an independent truth file, got ${file}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      const t = parsed.data;
      const errors: Expected[] = t.injected.map((i) => ({ table: i.table, row: i.row, actual: null, accept: (i.accept?.length ? i.accept : [{ table: i.table, row: i.row }]).map(place) }));
      const seams: Expected[] = t.rounding_gaps.flatMap((g) => (g.table ? [{ table: g.table, row: g.row ?? null, actual: null }] : []));
      const { injected: _i, expected_clean: _c, rounding_gaps: _r, variant: _v, ...report } = t;
      const extraTitles = report.tables.filter((x) => x.kind === "extra" || !/^T[1-9]$/.test(x.id)).flatMap((x) => (x.title ? [x.title] : []));
      const truth: Truth = {
        path: file,
        report: { ...report, tables: report.tables.filter((x) => /^T[1-9]$/.test(x.id) && x.kind !== "extra"), extra_titles: extraTitles },
        variant: SEED_VARIANT,
        degradation: { scan: null, garbled: false },
        expectedKind: report.kind ?? "final",
        errors,
        seams,
      };
      return { truth, producer: report.producer ?? "unknown", font: t.variant?.font ?? "unknown" };
    }),
  );
}
