// A report source: the content of one published report as data. The generator
// renders it to PDF and derives the truth from it; nothing else goes in.
// Canonical tables (rows, cells) reuse the canonical model; what only the
// printed page shows (行次, 栏次, 注 lines, printed labels) sits in `print`.
import { z } from "zod";
import { Cell, DocumentKind, Finding, Row, StandardTableId } from "../../../schemas/canonical.js";

export const ChartSpec = z.object({
  type: z.enum(["bar", "pie"]),
  series: z.array(z.object({ label: z.string(), value: z.number() })).min(1),
  /** Where the figures come from when the text source only has the caption. */
  derived_from: z.string().optional(),
});
export type ChartSpec = z.infer<typeof ChartSpec>;

export const Block = z.discriminatedUnion("type", [
  z.object({ type: z.literal("cover"), title: z.string(), date: z.string() }),
  z.object({
    type: z.literal("toc"),
    title: z.string(),
    entries: z.array(z.object({ text: z.string(), level: z.number().int().min(0).max(1) })),
  }),
  /** 第X部分: starts a new portrait page. */
  z.object({ type: z.literal("part"), text: z.string() }),
  /** A centered document title inside a part (e.g. the appended 绩效评价报告). */
  z.object({ type: z.literal("title"), text: z.string() }),
  /** 一、… section heading. */
  z.object({ type: z.literal("heading"), text: z.string() }),
  z.object({ type: z.literal("paragraph"), text: z.string() }),
  z.object({ type: z.literal("figure"), caption: z.string(), chart: ChartSpec.optional() }),
  /** A plain ruled table inside the narrative (not one of the standard tables). */
  z.object({
    type: z.literal("grid"),
    header: z.array(z.string()).min(1),
    rows: z.array(z.array(z.string())),
    widths: z.array(z.number().positive()).optional(),
  }),
  /** Where the standard tables are printed, each on its own landscape page(s). */
  z.object({ type: z.literal("tables"), ids: z.array(StandardTableId) }),
]);
export type Block = z.infer<typeof Block>;

export const PrintedLine = z.object({
  line: z.number().int().positive(),
  side: z.enum(["income", "expense"]),
  /** null: a filler line that prints only its 行次. */
  key: z.string().nullable(),
});
export type PrintedLine = z.infer<typeof PrintedLine>;

export const TablePrint = z.object({
  /** T1/T4: every printed line with its 行次, fillers included. */
  lines: z.array(PrintedLine).optional(),
  /** Printed label where it differs from the canonical row name ("合 计"). */
  labels: z.record(z.string(), z.string()).optional(),
  /** The 栏次 row's numbers, in column order; absent = no 栏次 row. */
  column_numbers: z.array(z.string()).optional(),
  /** 注 lines under the table, one printed line each. */
  notes: z.array(z.string()),
  /** Further lines after the notes ("表7说明：…"). */
  remarks: z.array(z.string()).optional(),
});
export type TablePrint = z.infer<typeof TablePrint>;

export const SourceTable = z.object({
  id: StandardTableId,
  title: z.string(),
  empty: z.boolean().optional(),
  empty_statement: z.string().optional(),
  rows: z.array(Row),
  cells: z.array(Cell),
  print: TablePrint,
});
export type SourceTable = z.infer<typeof SourceTable>;

export const ReportSource = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** Output folder under corpus/ (the PDF and truth are written there). */
  out_dir: z.string().regex(/^[a-z0-9][a-z0-9/-]*$/),
  /** Whose template the content follows; how it prints is the variant's (variant.template). */
  template: z.enum(["national", "shanghai"]),
  unit: z.string(),
  year: z.number().int(),
  printed_unit: z.enum(["万元", "元", "亿元"]),
  kind: DocumentKind,
  /** ISO date the report was issued; used as the PDF's fixed creation date. */
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The line printed above every table: department left, unit right. */
  table_caption: z.object({ left: z.string(), right: z.string() }),
  provenance: z.object({ built_by: z.string(), inputs: z.array(z.string()), notes: z.array(z.string()) }),
  document: z.array(Block),
  tables: z.array(SourceTable),
  /** The findings a correct checker reports on this report (kept verbatim). */
  findings: z.array(Finding.loose()),
});
export type ReportSource = z.infer<typeof ReportSource>;
