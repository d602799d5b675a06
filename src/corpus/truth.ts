// The truth for a generated PDF: the canonical Report a perfect extractor
// returns. Tables and cells come from the source; pages, columns, sha256 and
// page count from the rendering. A cell's value is what a reader can know
// from the page: a cell the variant prints empty (a zero under zero: "blank")
// is null, as the canonical model reads an empty cell; amounts printed in 元
// stay in 万元 (printed_unit says 元). The variant is recorded beside them. Findings are kept verbatim (with fields the
// Finding schema does not declare) plus the page where it is known.
import { createHash } from "node:crypto";
import { ExportLine, type Report } from "../../schemas/canonical.js";
import { cellKey } from "./compose/standard-table.js";
import type { GenerateOptions } from "./options.js";
import type { RenderedReport } from "./render/report.js";
import type { ReportSource } from "./source/schema.js";
import { ScanRecord } from "./scan/params.js";

export type TruthJson = Record<string, unknown>;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function buildTruth(
  source: ReportSource,
  r: RenderedReport,
  file: string,
  options: GenerateOptions,
): { json: TruthJson; report: Report } {
  const tables = source.tables.map((t) => {
    const rendered = r.tables.get(t.id);
    if (!rendered) throw new Error(`${source.id}: table ${t.id} was not rendered`);
    return {
      id: t.id,
      kind: "standard",
      title: t.title,
      pages: rendered.placement.pages,
      ...(t.empty !== undefined ? { empty: t.empty } : {}),
      ...(t.empty_statement !== undefined ? { empty_statement: t.empty_statement } : {}),
      columns: rendered.columns,
      rows: t.rows,
      cells: t.cells.map((c) => (rendered.texts.get(cellKey(c)) === "" && c.value !== null ? { ...c, value: null } : c)),
    };
  });
  const json: TruthJson = {
    file,
    sha256: sha256(r.bytes),
    unit: source.unit,
    year: source.year,
    printed_unit: options.variant.unit,
    status: "ok",
    kind: source.kind,
    page_count: r.pageCount,
    producer: r.producer,
    tables,
    findings: source.findings.map((f) => withPage(f, findingPage(f, r))),
    // Beyond the contract: what produced this PDF, so a variant can be rebuilt.
    generator: {
      source: `corpus/sources/${source.id}.json`,
      template: options.variant.template,
      options: { seed: options.seed, folio: options.folio },
    },
    // How this report prints (and, for synthetic sources, what it holds): the scorer breaks figures down by it.
    variant: options.variant,
  };
  const parsed = ExportLine.safeParse(json);
  if (!parsed.success) throw new Error(`${source.id}: truth does not validate: ${parsed.error.message}`);
  return { json, report: parsed.data };
}

/** How a copy of a report's PDF was degraded: scanned (no text layer), or its fonts' text maps removed. */
export interface Degradation {
  readonly scan: ScanRecord | null;
  readonly garbled: boolean;
}

/**
 * The truth of a degraded copy of the PDF `truth` describes: the same report
 * (tables, findings and page numbers hold: the pages are the same), the new
 * file and its hash, and the degradation (`scan`, `garbled`) the scorer
 * groups by. `generator.degraded_from` names the PDF it was made from.
 */
export function degradedTruth(truth: TruthJson, file: string, pdf: Uint8Array, producer: string | null, how: Degradation): TruthJson {
  const generator = typeof truth["generator"] === "object" && truth["generator"] !== null ? truth["generator"] : {};
  const json: TruthJson = {
    ...truth,
    file,
    sha256: sha256(pdf),
    producer,
    generator: { ...generator, degraded_from: truth["file"] },
    scan: how.scan === null ? null : ScanRecord.parse(how.scan),
    garbled: how.garbled,
  };
  const parsed = ExportLine.safeParse(json);
  if (!parsed.success) throw new Error(`${file}: truth does not validate: ${parsed.error.message}`);
  return json;
}

type LooseFinding = ReportSource["findings"][number];

function findingPage(f: LooseFinding, r: RenderedReport): number | undefined {
  if (f.page != null) return f.page;
  const table = f.table === null ? undefined : r.tables.get(f.table);
  if (table) return f.row === null ? table.placement.pages[0] : table.placement.rowPages.get(f.row);
  const quote = typeof f["quote"] === "string" ? f["quote"] : undefined;
  if (f.table !== "narrative" || !quote) return undefined;
  // A quote may elide with "…"; its first piece locates it.
  const piece = quote.split("…")[0]?.trim() ?? "";
  for (const { block, pages } of r.blocks) {
    if (block.type !== "paragraph") continue;
    const at = block.text.indexOf(piece);
    if (at < 0) continue;
    const breaks = pages.breaks ?? [];
    const startPage = pages.first + breaks.filter((b) => b <= at).length;
    const endPage = pages.first + breaks.filter((b) => b < at + piece.length).length;
    // A quote that itself runs over a page break has no single page.
    return startPage === endPage ? startPage : undefined;
  }
  return undefined;
}

function withPage(f: LooseFinding, page: number | undefined): Record<string, unknown> {
  if (page === undefined) return { ...f };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (k === "page") continue;
    out[k] = v;
    if (k === "col") out["page"] = page;
  }
  if (!("page" in out)) out["page"] = page;
  return out;
}
