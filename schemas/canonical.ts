// The canonical report model, declared once. Everything downstream of
// recognition (validation, storage, export, the corpus truth) speaks this.
// The JSONL export contract (../shared/spec/export-format.md) is this model,
// one report per line; fields beyond the contract are additions, never renames.
import { z } from "zod";

export const STANDARD_TABLE_IDS = ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] as const;
export const StandardTableId = z.enum(STANDARD_TABLE_IDS);
export type StandardTableId = z.infer<typeof StandardTableId>;

/** Standard tables are T1..T9; tables outside the nine are X1, X2, … with kind "extra". */
export const TableId = z.string().regex(/^(T[1-9]|X\d+)$/, "Expected T1..T9 or X<n>");

/** Amounts in 万元 with two decimals; null = printed empty. */
export const Amount = z.number().finite().nullable();

/** [x0, y0, x1, y1] in PDF points, page space with origin top-left (as rendered). */
export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof BBox>;

export const Row = z.object({
  key: z.string().min(1),
  name: z.string().nullable(),
  /** 1 = 类 / 3-digit economic class, 2 = 款, 3 = 项; null for line keys and totals. */
  level: z.number().int().min(1).max(3).nullable().optional(),
});
export type Row = z.infer<typeof Row>;

export const Column = z.object({
  key: z.string().min(1),
  /** The printed header text, levels joined with " / ". */
  name: z.string().nullable(),
});
export type Column = z.infer<typeof Column>;

export const Cell = z.object({
  row: z.string().min(1),
  col: z.string().min(1),
  value: Amount,
  /** What was printed, before parsing ("1,136.18", "-", ""). */
  text: z.string().optional(),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
  /** Read by OCR: how sure (0–1) — the lowest confidence of its words, agreeing readings raise it. Absent when read from a text layer. */
  confidence: z.number().min(0).max(1).optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Table = z.object({
  id: TableId,
  kind: z.enum(["standard", "extra"]).default("standard"),
  title: z.string().nullable(),
  pages: z.array(z.number().int().positive()),
  printed_unit: z.enum(["万元", "元", "亿元"]).nullable().optional(),
  empty: z.boolean().optional(),
  empty_statement: z.string().optional(),
  columns: z.array(Column).optional(),
  rows: z.array(Row),
  cells: z.array(Cell),
});
export type Table = z.infer<typeof Table>;

export const Ref = z.object({
  table: z.string(),
  row: z.string().nullable(),
  col: z.string().nullable(),
});

export const Finding = z.object({
  rule: z.string().min(1),
  severity: z.enum(["error", "warning", "info"]),
  table: z.string().nullable(),
  row: z.string().nullable(),
  col: z.string().nullable(),
  page: z.number().int().positive().nullable().optional(),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  within_rounding: z.boolean(),
  message: z.string(),
  /** The cells the figure was compared with (the other side of the identity). */
  refs: z.array(Ref).optional(),
  /** The identity of ../shared/spec/identities.md the rule implements (X17, N4, H2…). */
  identity: z.string().optional(),
  /** Narrative findings: the section heading and the sentence the claim was read from. */
  section: z.string().nullable().optional(),
  quote: z.string().nullable().optional(),
  /** How the expected figure was worked out ("454.20 + 45.01 = 499.21"). */
  detail: z.string().optional(),
  /**
   * Some figure compared was read by OCR: the lowest confidence of those
   * figures (null for narrative text, which carries none), so that a reader
   * can tell a misread from a publication error.
   */
  ocr: z.object({ confidence: z.number().min(0).max(1).nullable() }).optional(),
});
export type Finding = z.infer<typeof Finding>;

/** How a page was read: its text layer, or (to come) OCR of its image; with the text layer's health score. */
export const PageRoute = z.object({
  page: z.number().int().positive(),
  route: z.enum(["text", "ocr", "blank"]),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
});
export type PageRoute = z.infer<typeof PageRoute>;

/**
 * A year-on-year statement of the narrative ("与上年度相比，收、支总计各增加Δ万元"):
 * the prior year's figure it implies is the current cells' sum − delta. Kept
 * with the report so that, once last year's report is stored too, the two can
 * be compared (src/store/years/).
 */
export const YearChange = z.object({
  /** The claim's id (section, quantity), e.g. "s1.total.change". */
  id: z.string().min(1),
  /** The current-year cells the change is of (their sum). */
  refs: z.array(Ref).min(1),
  /** The signed change as stated, in 万元. */
  delta: z.number(),
  /** The change as printed, and its unit (万元, 元, 亿元). */
  text: z.string(),
  unit: z.enum(["万元", "元", "亿元"]),
  decimals: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  section: z.string(),
  quote: z.string(),
});
export type YearChange = z.infer<typeof YearChange>;

export const DocumentKind = z.enum(["final", "budget", "template", "government_final", "unknown"]);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const Report = z.object({
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  unit: z.string().nullable(),
  /** The unit's name with more of its region, where the document prints it (the cover) and `unit` does not. */
  unit_full: z.string().min(1).optional(),
  year: z.number().int().min(1990).max(2100).nullable(),
  printed_unit: z.enum(["万元", "元", "亿元"]).nullable(),
  status: z.enum(["ok", "failed"]),
  error: z.string().optional(),
  kind: DocumentKind.optional(),
  page_count: z.number().int().nonnegative().optional(),
  producer: z.string().nullable().optional(),
  tables: z.array(Table),
  findings: z.array(Finding),
  /** Per page: the route taken and the text layer's health (absent for files that could not be opened). */
  pages: z.array(PageRoute).optional(),
  /** The narrative's year-on-year statements, for the cross-year checks. */
  changes: z.array(YearChange).optional(),
});
export type Report = z.infer<typeof Report>;

/** One JSONL line: a report; a failed file still gets a line, with `error`. */
export const ExportLine = Report.superRefine((r, ctx) => {
  if (r.status === "failed" && !r.error) {
    ctx.addIssue({ code: "custom", message: "Expected an error for a failed report" });
  }
  for (const t of r.tables) {
    const keys = new Set(t.rows.map((row) => row.key));
    for (const c of t.cells) {
      if (!keys.has(c.row)) {
        ctx.addIssue({ code: "custom", message: `Table ${t.id}: cell row ${c.row} is not a listed row` });
      }
    }
  }
});
