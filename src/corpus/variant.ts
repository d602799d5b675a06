// How one generated report differs from the seed publisher's look: the
// variants real reports show (../shared/spec/variants.md). A report's variant
// is recorded in its truth, and the scorer breaks its figures down by it.
// "content" fields are honoured when the report source is built (synth/);
// "print" fields when it is rendered (render/, or another producer).
import { z } from "zod";

export const Variant = z.object({
  /** print+content. national: 行次/栏次, 合计 first, T9 支出 form. shanghai: no 行次/栏次, T5 合计 last, T7 interleaved, T9 收支 form, 24 class rows. */
  template: z.enum(["national", "shanghai"]),
  /** content. nine tables, or the pre-2019 set of eight (no T9). */
  table_set: z.enum(["nine", "eight"]),
  /** content. Tables first (第二部分) and the narrative after, or the narrative first and the tables as 附表. */
  narrative: z.enum(["after", "before"]),
  /** print. Table pages landscape or portrait. */
  orientation: z.enum(["landscape", "portrait"]),
  /** print. Landscape table pages stored as portrait media with /Rotate 90 (content drawn rotated). */
  rotated: z.boolean(),
  /** print. Cell borders stroked, or no ruling lines at all. */
  ruled: z.boolean(),
  /** print. Text drawn as runs, or every glyph its own text object (WPS/Word exports). */
  glyphs: z.enum(["runs", "per-glyph"]),
  /** print. Tables split across pages: never forced, continuing with a repeated header, or without. */
  split: z.enum(["none", "repeat-header", "no-header"]),
  /** print. Amounts printed in 万元 or in 元 (the truth stays in 万元). */
  unit: z.enum(["万元", "元"]),
  /** print. How a zero amount is printed. */
  zero: z.enum(["blank", "0.00", "0", "-"]),
  /** print. Thousands separators in amounts. */
  thousands: z.boolean(),
  /** print. Codes in one column, in 类|款|项 columns ("201 06 01"), or glued to the name ("2010350事业运行"). */
  codes: z.enum(["column", "split", "glued"]),
  /** print. T6 in two or three column groups. */
  t6_groups: z.union([z.literal(2), z.literal(3)]),
  /** print. T7 budget block then actual block, or budget/actual interleaved per item. */
  t7: z.enum(["blocks", "interleaved"]),
  /** content. Table numbering in titles. */
  numbering: z.enum(["表1", "表一", "公开01表", "none"]),
  /** content. Standard title wording, or the alternatives (收入支出决算表, 基本支出决算表, 收入决算总表…). */
  wording: z.enum(["standard", "alternative"]),
  /** content. Extra tables outside the nine (机关运行经费, 政府采购). */
  extra_tables: z.boolean(),
  /**
   * Which program writes the PDF: pdfkit (render/), or LibreOffice Writer
   * converting a Flat ODT (producers/libreoffice/). LibreOffice reports are
   * committed under corpus/libreoffice/; their truth records what Writer did
   * (never rotated, text in runs, split only where a table ran over pages).
   */
  producer: z.enum(["pdfkit", "libreoffice"]),
});
export type Variant = z.infer<typeof Variant>;

/** The seed publisher (武汉洪山 2021): what every variant departs from. */
export const SEED_VARIANT: Variant = {
  template: "national",
  table_set: "nine",
  narrative: "after",
  orientation: "landscape",
  rotated: false,
  ruled: true,
  glyphs: "runs",
  split: "none",
  unit: "万元",
  zero: "0.00",
  thousands: true,
  codes: "column",
  t6_groups: 3,
  t7: "blocks",
  numbering: "表1",
  wording: "standard",
  extra_tables: false,
  producer: "pdfkit",
};
