// Reads what the charts show from the researcher's views (schemas/views.sql):
// report_totals (one row per report read) and the 类 of function_spending.
// Every row is checked with zod, since the file may be older, newer or
// hand-edited.
import { z } from "zod";
import { openDatabase } from "../store/open.js";
import { firstIssue } from "../store/zod-issue.js";

const amount = z.number().nullable();

const TotalsRecord = z.object({
  report_id: z.number().int(),
  file: z.string(),
  unit_id: z.number().int().nullable(),
  unit: z.string().nullable(),
  printed_name: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  year: z.number().int().nullable(),
  income: amount,
  expenditure: amount,
  basic: amount,
  project: amount,
  sangong_budget: amount,
  sangong_actual: amount,
});
export type TotalsRow = z.infer<typeof TotalsRecord>;

const ClassRecord = z.object({
  report_id: z.number().int(),
  unit_id: z.number().int().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  code: z.string().regex(/^\d{3}$/),
  name: z.string().nullable(),
  total: amount,
  basic: amount,
  project: amount,
});
/** One 类 (level 1, a 3-digit code) of one report's 支出决算表. */
export type ClassRow = z.infer<typeof ClassRecord>;

export interface ChartData {
  readonly totals: readonly TotalsRow[];
  readonly classes: readonly ClassRow[];
}

function checked<T>(schema: z.ZodType<T>, record: unknown, where: string): T {
  const parsed = schema.safeParse(record);
  if (!parsed.success) throw new Error(`Expected ${where} as juesuan's views give it, got ${firstIssue(parsed.error)}`);
  return parsed.data;
}

export function readChartData(dbPath: string): ChartData {
  // Opened as every command opens it: a missing file is refused, an older one migrated (the views came with version 5).
  const db = openDatabase(dbPath, { mustExist: true });
  try {
    const totals = db
      .prepare(`SELECT report_id, file, unit_id, unit, printed_name, province, city, district, year,
          income, expenditure, basic, project, sangong_budget, sangong_actual
        FROM report_totals ORDER BY report_id`)
      .all()
      .map((r) => checked(TotalsRecord, r, "a row of report_totals"));
    const classes = db
      .prepare(`SELECT report_id, unit_id, unit, year, code, name, total, basic, project
        FROM function_spending WHERE level = 1 ORDER BY report_id, code`)
      .all()
      .map((r) => checked(ClassRecord, r, "a 类 row of function_spending"));
    return { totals, classes };
  } finally {
    db.close();
  }
}
