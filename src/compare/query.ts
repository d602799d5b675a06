// The researcher's two questions of the units: which units are there (with
// their years), and how one classification code compares across them. Read
// from the views of schemas/views.sql; rows checked with zod.
import type Database from "better-sqlite3";
import { z } from "zod";

const Num = z.number().nullable();

export const UnitLine = z.object({
  unit_id: z.number().int(),
  name: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  years: z.string().nullable(), // "2019,2020" (group_concat)
  reports: z.number().int(),
});
export type UnitLine = z.infer<typeof UnitLine>;

export const Unmatched = z.object({
  file: z.string(),
  printed_name: z.string(),
  year: z.number().int().nullable(),
  candidates: z.string(), // names, "；"-joined
});
export type Unmatched = z.infer<typeof Unmatched>;

export interface UnitList {
  readonly units: readonly UnitLine[];
  /** Reports whose unit could be more than one: never merged. */
  readonly ambiguous: readonly Unmatched[];
}

export function listUnits(db: Database.Database): UnitList {
  const units = db
    .prepare(
      `SELECT u.id AS unit_id, u.name, u.province, u.city, u.district,
         (SELECT group_concat(year, ',') FROM (SELECT DISTINCT year FROM reports WHERE unit_id = u.id AND year IS NOT NULL ORDER BY year)) AS years,
         (SELECT count(*) FROM reports WHERE unit_id = u.id) AS reports
       FROM units u ORDER BY u.province IS NULL, u.province, u.city IS NULL, u.city, u.district IS NULL, u.district, u.name`,
    )
    .all()
    .map((r) => UnitLine.parse(r));
  const ambiguous = db
    .prepare(
      `SELECT r.file, r.unit AS printed_name, r.year,
         (SELECT group_concat(name, '；') FROM (SELECT u.name FROM unit_candidates c JOIN units u ON u.id = c.unit_id WHERE c.report_id = r.id ORDER BY u.name)) AS candidates
       FROM reports r WHERE r.unit_match = 'ambiguous' ORDER BY r.file`,
    )
    .all()
    .map((r) => Unmatched.parse(r));
  return { units, ambiguous };
}

export interface CompareQuery {
  /** A function code (2xx: 201, 20103, 2010350) or an economic one (3xx: 301, 30101). */
  readonly code: string;
  readonly year?: number | undefined;
  /** A province, city or district as printed in unit names (武汉市, 洪山区). */
  readonly region?: string | undefined;
}

const Figure = z.object({
  unit_id: z.number().int().nullable(),
  unit: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  district: z.string().nullable(),
  year: z.number().int(),
  report_id: z.number().int(),
  name: z.string().nullable(),
  total: Num,
  basic: Num,
  project: Num,
});
export type Figure = z.infer<typeof Figure>;

/** Function codes from T3 (all funds); economic codes from T6 (general-budget 基本支出, one amount). */
const SOURCES = {
  function: `SELECT unit_id, unit, province, city, district, year, report_id, name, total, basic, project
    FROM function_spending WHERE code = @code`,
  economic: `SELECT r.unit_id, coalesce(u.name, r.unit) AS unit, u.province, u.city, u.district, r.year, r.id AS report_id,
      w.name, coalesce(c.value, 0) AS total, NULL AS basic, NULL AS project
    FROM reports r JOIN tables t ON t.report_id = r.id AND t.table_id = 'T6'
    JOIN rows w ON w.table_ref = t.id AND w.key = @code
    JOIN cells c ON c.row_ref = w.id AND c.col_key = 'amount'
    LEFT JOIN units u ON u.id = r.unit_id
    WHERE r.status = 'ok'`,
} as const;

export function kindOfCode(code: string): keyof typeof SOURCES | null {
  if (/^2\d{2}(\d{2}){0,2}$/.test(code)) return "function";
  if (/^3\d{2}(\d{2})?$/.test(code)) return "economic";
  return null;
}

/** Every report's figures for the code, filtered by year and region. */
export function figuresOf(db: Database.Database, q: CompareQuery): Figure[] {
  const kind = kindOfCode(q.code);
  if (kind === null) throw new Error(`Expected a function code (201, 20103, 2010350) or an economic code (301, 30101), got '${q.code}'`);
  const sql = `SELECT * FROM (${SOURCES[kind]}) WHERE year IS NOT NULL
    AND (@year IS NULL OR year = @year)
    AND (@region IS NULL OR @region IN (province, city, district) OR unit GLOB @region || '*')
    ORDER BY province IS NULL, province, city IS NULL, city, district IS NULL, district, unit, year, report_id`;
  return db
    .prepare(sql)
    .all({ code: q.code, year: q.year ?? null, region: q.region ?? null })
    .map((r) => Figure.parse(r));
}
