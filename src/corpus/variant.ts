// How one generated report differs from the seed publisher's look: the
// variants real reports show (../shared/spec/variants.md). A report's variant
// is recorded in its truth, and the scorer breaks its figures down by it.
// "content" fields are honoured when the report source is built (synth/);
// "print" fields when it is rendered (render/, or another producer).
import { z } from "zod";

export const Variant = z.object({
  /**
   * print+content. national: 行次/栏次, 合计 first, T9 支出 form. shanghai: no 行次/栏次, T5 合计 last, T7 interleaved, T9 收支 form, 24 class rows.
   * university (高等学校): four tables, 收支决算总表, 收入决算表, 支出决算表, 财政拨款支出决算表 (T1, T2, T3, T5), 事业收入 split into 教育/科研.
   */
  template: z.enum(["national", "shanghai", "university"]),
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
  /**
   * print. Tables split across pages: never forced, continuing with a repeated header, or without; or, as
   * Word documents and spreadsheet print titles do, with the title and the 部门/单位 line repeated above the header.
   */
  split: z.enum(["none", "repeat-header", "no-header", "repeat-title"]),
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
  /** print. T7 budget block then actual block, budget/actual interleaved per item, or tall: the items down the rows, 预算数/决算数 across. */
  t7: z.enum(["blocks", "interleaved", "tall"]),
  /** content. Table numbering in titles. */
  numbering: z.enum(["表1", "表一", "公开01表", "none"]),
  /** content. Standard title wording, or the alternatives (收入支出决算表, 基本支出决算表, 收入决算总表…). */
  wording: z.enum(["standard", "alternative"]),
  /** content. Extra tables outside the nine (机关运行经费, 政府采购). */
  extra_tables: z.boolean(),
  /**
   * Which program writes the PDF: pdfkit (render/), LibreOffice Writer
   * converting a Flat ODT (producers/libreoffice/), Chromium printing an HTML
   * document (producers/chromium/), or LibreOffice Calc exporting a Flat ODS
   * (producers/calc/). Reports of the last three are committed under
   * corpus/<producer>/; their truth records what the program did (never
   * rotated, text in runs, split only where a table ran over pages).
   */
  producer: z.enum(["pdfkit", "libreoffice", "chromium", "calc"]),
  /**
   * print. The font the text is set in (producers/fonts.ts). Absent: Noto Sans SC
   * (@embedpdf/fonts-sc), the only font pdfkit and the Writer producer use.
   */
  font: z.enum(["Noto Sans SC", "Noto Sans CJK SC", "Noto Serif CJK SC", "AR PL UMing", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"]).optional(),
  /** print. A 行次 column after the names in the coded tables (T2, T3, T5, T8, T9). Absent: none. */
  line_numbers: z.boolean().optional(),
});
export type Variant = z.infer<typeof Variant>;
export type FontName = NonNullable<Variant["font"]>;

/** The font of a report whose variant names none. */
export const DEFAULT_FONT: FontName = "Noto Sans SC";

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
