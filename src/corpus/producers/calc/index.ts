// The Calc producer: a report source and its variant -> a workbook whose rows
// and page breaks are laid out here (document.ts) -> a Flat ODS (ods.ts) ->
// PDF by soffice's calc_pdf_Export (../libreoffice/soffice.ts) -> the truth.
// Pages are known by construction; the PDF is read back to check them (page
// count, each table's title on its first page, each row's text on its page),
// so a layout Calc did not follow fails here rather than making a wrong truth.
import type { Generated } from "../../generate.js";
import type { GenerateOptions } from "../../options.js";
import type { ReportSource } from "../../source/schema.js";
import type { Variant } from "../../variant.js";
import type { TableExpectation } from "../expectation.js";
import { finishReport } from "../finish.js";
import { fontOf } from "../fonts.js";
import { convertDocument, findSoffice, type ConvertOptions } from "../libreoffice/soffice.js";
import { norm, readProducedText, type Located, type PdfText } from "../readback.js";
import { layoutWorkbook } from "./document.js";
import { odsXml } from "./ods.js";

/** Where the committed Calc reports live (repo-relative). */
export const CALC_DIR = "corpus/calc";

export { findSoffice };

export interface CalcOptions extends Omit<ConvertOptions, "font"> {
  readonly seed?: number;
  readonly folio?: GenerateOptions["folio"];
  readonly dir?: string;
}

export interface CalcGenerated extends Generated {
  readonly fods: string;
}

/** The variant as Calc printed it. */
function actualVariant(v: Variant, anySplit: boolean): Variant {
  const split: Variant["split"] = !anySplit ? "none" : v.split === "none" ? "no-header" : v.split;
  return { ...v, rotated: false, glyphs: "runs", split, producer: "calc" };
}

/** The laid-out pages against the PDF: the page count, each title on its table's first page, each row's text on its page. */
function check(text: PdfText, pageCount: number, tables: readonly TableExpectation[], located: ReadonlyMap<string, Located>): void {
  if (text.pages.length !== pageCount) throw new Error(`Calc printed ${text.pages.length} pages, the layout has ${pageCount}`);
  for (const t of tables) {
    const at = located.get(t.id);
    const first = at?.pages[0] ?? 0;
    if (!(text.pages[first - 1] ?? "").includes(norm(t.title))) throw new Error(`table ${t.id}: title not on page ${first}`);
    t.rows.forEach((row, i) => {
      const page = at?.rowPages.get(row.keys[0] ?? "") ?? first;
      // Every text of the row, figures too: Calc drops the glyphs of a figure its cell clips.
      const missing = row.texts.find((s) => !(text.pages[page - 1] ?? "").includes(norm(s)));
      if (missing !== undefined) throw new Error(`table ${t.id}: row ${i + 1}'s "${missing}" not on page ${page}`);
    });
  }
}

export async function generateCalc(source: ReportSource, variant: Variant, o: CalcOptions = {}): Promise<CalcGenerated> {
  const folio = o.folio ?? "dashed";
  const layout = layoutWorkbook(source, variant);
  const fods = odsXml(source, layout.sheets, fontOf(variant.font).family, folio);
  const { pdf, version } = await convertDocument(source.id, fods, "calc", { ...o, ...(variant.font ? { font: variant.font } : {}) });
  const text = await readProducedText(source.id, pdf, /LibreOffice/, "a LibreOffice");
  try {
    check(text, layout.pageCount, layout.tables, layout.located);
  } catch (err) {
    throw new Error(`${source.id}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const anySplit = [...layout.located.values()].some((l) => l.split);
  const done = finishReport({
    source,
    asked: variant,
    printed: actualVariant(variant, anySplit),
    expectations: layout.tables,
    located: layout.located,
    pdf,
    text,
    dir: o.dir ?? CALC_DIR,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    folio,
    generator: { producer: "calc", soffice: version, ...(layout.overrun ? { overrun: layout.overrun } : {}) },
  });
  return { ...done, fods };
}
