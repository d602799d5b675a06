// The LibreOffice producer: a report source and its variant -> a Flat ODT
// (document.ts) -> PDF by soffice (soffice.ts) -> the truth, its pages read
// back from that PDF (readback.ts), built by the same truth.ts as pdfkit's.
// Print fields an office suite has no way to honour are recorded as what it
// did: text in runs (never per glyph), landscape pages never rotated, and a
// split only where Writer actually carried a table over pages.
import { withDefaults, type GenerateOptions } from "../../options.js";
import type { RenderedReport, RenderedTable } from "../../render/report.js";
import type { ReportSource } from "../../source/schema.js";
import { buildTruth } from "../../truth.js";
import type { Variant } from "../../variant.js";
import type { Generated } from "../../generate.js";
import { sourceDigest } from "../digest.js";
import { buildFodt } from "./document.js";
import { locateTables, quotePage, readPdfText } from "./readback.js";
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
  const text = await readPdfText(pdf);
  if (!/LibreOffice/.test(text.producer)) throw new Error(`${source.id}: expected a LibreOffice Producer, got "${text.producer}"`);
  let located;
  try {
    located = locateTables(text, fodt.tables);
  } catch (err) {
    throw new Error(`${source.id}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const tables = new Map<string, RenderedTable>();
  const tablePages = new Set<number>();
  let anySplit = false;
  for (const t of fodt.tables) {
    const at = located.get(t.id);
    if (!at) throw new Error(`${source.id}: table ${t.id} was not located`);
    at.pages.forEach((p) => tablePages.add(p));
    anySplit ||= at.split;
    tables.set(t.id, { placement: { pages: at.pages, rowPages: at.rowPages }, columns: t.columns, texts: t.texts });
  }
  // Narrative findings get their page from the PDF text (the pdfkit renderer knows it from its own line breaking).
  const findings = source.findings.map((f) => {
    const quote = f["quote"];
    if (f.page != null || f.table !== "narrative" || typeof quote !== "string") return f;
    const page = quotePage(text, quote, tablePages);
    return page === undefined ? f : { ...f, page };
  });
  const rendered: RenderedReport = { bytes: pdf, pageCount: text.pages.length, producer: text.producer, tables, blocks: [] };
  const options: GenerateOptions = { ...withDefaults({ seed: o.seed ?? 1, folio }), variant: actualVariant(variant, anySplit) };
  const pdfPath = `${o.dir ?? LIBREOFFICE_DIR}/${source.id}.pdf`;
  const truthPath = `${o.dir ?? LIBREOFFICE_DIR}/${source.id}.truth.json`;
  const { json } = buildTruth({ ...source, findings }, rendered, pdfPath, options);
  json["generator"] = {
    ...(json["generator"] as Record<string, unknown>),
    producer: "libreoffice",
    soffice: version,
    source_sha256: sourceDigest(source, variant),
  };
  const pageMap = new Map([...tables].map(([id, t]) => [id, t.placement.pages]));
  return { pdfPath, truthPath, pdf, truth: json, pageMap, fodt: fodt.xml };
}
