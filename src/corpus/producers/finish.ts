// The truth of a report another program printed, the same way for every
// producer: where each table landed (read back from the PDF, or known from
// the producer's own pagination), the narrative findings' pages from the PDF
// text, then the same truth builder (truth.ts) as pdfkit's, with what made
// the file recorded under `generator`.
import type { Generated } from "../generate.js";
import { withDefaults, type GenerateOptions } from "../options.js";
import type { RenderedReport, RenderedTable } from "../render/report.js";
import type { ReportSource } from "../source/schema.js";
import { buildTruth } from "../truth.js";
import type { Variant } from "../variant.js";
import { sourceDigest } from "./digest.js";
import type { TableExpectation } from "./expectation.js";
import { quotePage, type Located, type PdfText } from "./readback.js";

export interface Finished {
  readonly source: ReportSource;
  /** The variant the plan asked for (its digest names the source of the committed file). */
  readonly asked: Variant;
  /** The variant as the program printed it. */
  readonly printed: Variant;
  readonly expectations: readonly TableExpectation[];
  readonly located: ReadonlyMap<string, Located>;
  readonly pdf: Uint8Array;
  readonly text: PdfText;
  /** Repo-relative folder named in the truth's `file`. */
  readonly dir: string;
  readonly seed?: number;
  readonly folio: GenerateOptions["folio"];
  /** What made the file: `producer` and the program's version, beside the source digest. */
  readonly generator: Record<string, unknown>;
}

export function finishReport(f: Finished): Generated {
  const { source } = f;
  const tables = new Map<string, RenderedTable>();
  const tablePages = new Set<number>();
  for (const t of f.expectations) {
    const at = f.located.get(t.id);
    if (!at) throw new Error(`${source.id}: table ${t.id} was not located`);
    at.pages.forEach((p) => tablePages.add(p));
    tables.set(t.id, { placement: { pages: at.pages, rowPages: at.rowPages }, columns: t.columns, texts: t.texts });
  }
  // Narrative findings get their page from the PDF text (the pdfkit renderer knows it from its own line breaking).
  const findings = source.findings.map((finding) => {
    const quote = finding["quote"];
    if (finding.page != null || finding.table !== "narrative" || typeof quote !== "string") return finding;
    const page = quotePage(f.text, quote, tablePages);
    return page === undefined ? finding : { ...finding, page };
  });
  const rendered: RenderedReport = { bytes: f.pdf, pageCount: f.text.pages.length, producer: f.text.producer, tables, blocks: [] };
  const options: GenerateOptions = { ...withDefaults({ seed: f.seed ?? 1, folio: f.folio }), variant: f.printed };
  const pdfPath = `${f.dir}/${source.id}.pdf`;
  const truthPath = `${f.dir}/${source.id}.truth.json`;
  const { json } = buildTruth({ ...source, findings }, rendered, pdfPath, options);
  json["generator"] = { ...(json["generator"] as Record<string, unknown>), ...f.generator, source_sha256: sourceDigest(source, f.asked) };
  const pageMap = new Map([...tables].map(([id, t]) => [id, t.placement.pages]));
  return { pdfPath, truthPath, pdf: f.pdf, truth: json, pageMap };
}
