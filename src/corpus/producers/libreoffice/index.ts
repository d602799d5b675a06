// The LibreOffice producer: a report source and its variant -> a Flat ODT
// (document.ts) -> PDF by soffice (soffice.ts) -> the truth, its pages read
// back from that PDF (../readback.ts), built by the same truth.ts as pdfkit's.
// Print fields an office suite has no way to honour are recorded as what it
// did: text in runs (never per glyph), landscape pages never rotated, and a
// split only where Writer actually carried a table over pages.
import type { GenerateOptions } from "../../options.js";
import type { ReportSource } from "../../source/schema.js";
import type { Variant } from "../../variant.js";
import type { Generated } from "../../generate.js";
import { finishReport } from "../finish.js";
import { locateTablesOf, readProducedText } from "../readback.js";
import { buildFodt } from "./document.js";
import { convertFodt, findSoffice, type ConvertOptions } from "./soffice.js";

/** Where the committed LibreOffice reports live (repo-relative). */
export const LIBREOFFICE_DIR = "corpus/libreoffice";

export { findSoffice };

export interface LibreOfficeOptions extends ConvertOptions {
  readonly seed?: number;
  readonly folio?: GenerateOptions["folio"];
  /** Repo-relative folder named in the truth's `file`. */
  readonly dir?: string;
}

export interface LibreOfficeGenerated extends Generated {
  readonly fodt: string;
}

/** The variant as this producer printed it. */
function actualVariant(v: Variant, anySplit: boolean): Variant {
  return { ...v, rotated: false, glyphs: "runs", split: anySplit ? v.split : "none", producer: "libreoffice" };
}

export async function generateLibreOffice(source: ReportSource, variant: Variant, o: LibreOfficeOptions = {}): Promise<LibreOfficeGenerated> {
  const folio = o.folio ?? "dashed";
  const fodt = buildFodt(source, variant, { folio });
  const { pdf, version } = await convertFodt(source.id, fodt.xml, o);
  const text = await readProducedText(source.id, pdf, /LibreOffice/, "a LibreOffice");
  const located = locateTablesOf(source.id, text, fodt.tables);
  const anySplit = [...located.values()].some((l) => l.split);
  const done = finishReport({
    source,
    asked: variant,
    printed: actualVariant(variant, anySplit),
    expectations: fodt.tables,
    located,
    pdf,
    text,
    dir: o.dir ?? LIBREOFFICE_DIR,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    folio,
    generator: { producer: "libreoffice", soffice: version },
  });
  return { ...done, fodt: fodt.xml };
}
