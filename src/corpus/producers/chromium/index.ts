// The Chromium producer: a report source and its variant -> an HTML document
// (html.ts) -> PDF by Chromium's print-to-PDF (run.ts) -> the truth, each
// table's pages read back from that PDF (../readback.ts). What Chromium does
// is recorded as printed: text in runs, never rotated, and a split only where
// a table ran over pages (its header repeated or not, as the variant set it up).
import type { Generated } from "../../generate.js";
import type { GenerateOptions } from "../../options.js";
import type { ReportSource } from "../../source/schema.js";
import type { Variant } from "../../variant.js";
import { finishReport } from "../finish.js";
import { locateTablesOf, readProducedText } from "../readback.js";
import { buildHtml } from "./html.js";
import { findChromium, printHtml, type PrintOptions } from "./run.js";

/** Where the committed Chromium reports live (repo-relative). */
export const CHROMIUM_DIR = "corpus/chromium";

export { findChromium };

export interface ChromiumOptions extends PrintOptions {
  readonly seed?: number;
  readonly folio?: GenerateOptions["folio"];
  readonly dir?: string;
}

export interface ChromiumGenerated extends Generated {
  readonly html: string;
}

/** The variant as Chromium printed it: a table that never ran over pages was not split. */
function actualVariant(v: Variant, anySplit: boolean): Variant {
  const split: Variant["split"] = !anySplit ? "none" : v.split === "none" ? "no-header" : v.split;
  return { ...v, rotated: false, glyphs: "runs", split, producer: "chromium" };
}

export async function generateChromium(source: ReportSource, variant: Variant, o: ChromiumOptions = {}): Promise<ChromiumGenerated> {
  const folio = o.folio ?? "dashed";
  const doc = buildHtml(source, variant, { folio });
  const { pdf, version } = await printHtml(source.id, doc.html, variant.font, o);
  const text = await readProducedText(source.id, pdf, /Skia/, "Chromium's Skia/PDF");
  const located = locateTablesOf(source.id, text, doc.tables);
  const anySplit = [...located.values()].some((l) => l.split);
  const done = finishReport({
    source,
    asked: variant,
    printed: actualVariant(variant, anySplit),
    expectations: doc.tables,
    located,
    pdf,
    text,
    dir: o.dir ?? CHROMIUM_DIR,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    folio,
    generator: { producer: "chromium", chromium: version },
  });
  return { ...done, html: doc.html };
}
