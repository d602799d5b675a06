// Source -> { PDF bytes, truth }; and the whole corpus from corpus/sources.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { withDefaults, type GenerateOptions } from "./options.js";
import { buildSource, planCorpus } from "./plan.js";
import { renderReport } from "./render/report.js";
import { listSources, loadSource } from "./source/load.js";
import type { ReportSource } from "./source/schema.js";
import { buildTruth, type TruthJson } from "./truth.js";
import type { Variant } from "./variant.js";

export interface Generated {
  /** Repo-relative paths, as the truth's `file` names the PDF. */
  readonly pdfPath: string;
  readonly truthPath: string;
  readonly pdf: Uint8Array;
  readonly truth: TruthJson;
  readonly pageMap: ReadonlyMap<string, readonly number[]>;
}

export function outputPaths(source: ReportSource): { pdfPath: string; truthPath: string } {
  const dir = path.posix.join("corpus", source.out_dir);
  return { pdfPath: `${dir}/${source.id}.pdf`, truthPath: `${dir}/${source.id}.truth.json` };
}

export async function generate(source: ReportSource, options: Partial<GenerateOptions> = {}): Promise<Generated> {
  const resolved = withDefaults(options);
  const rendered = await renderReport(source, resolved);
  const { pdfPath, truthPath } = outputPaths(source);
  const { json } = buildTruth(source, rendered, pdfPath, resolved);
  const pageMap = new Map([...rendered.tables].map(([id, t]) => [id, t.placement.pages]));
  return { pdfPath, truthPath, pdf: rendered.bytes, truth: json, pageMap };
}

export function truthText(truth: TruthJson): string {
  return `${JSON.stringify(truth, null, 2)}\n`;
}

export interface CorpusRun {
  /** Repo root holding corpus/sources. */
  readonly root: string;
  /** Where corpus/… is written; the repo root unless checking regeneration. */
  readonly outRoot?: string;
  readonly options?: Partial<GenerateOptions>;
}

export async function writeCorpus(run: CorpusRun): Promise<Generated[]> {
  const out: Generated[] = [];
  for (const file of await listSources(path.join(run.root, "corpus", "sources"))) {
    const g = await generate(await loadSource(file), run.options);
    const base = run.outRoot ?? run.root;
    await mkdir(path.dirname(path.join(base, g.pdfPath)), { recursive: true });
    await writeFile(path.join(base, g.pdfPath), g.pdf);
    await writeFile(path.join(base, g.truthPath), truthText(g.truth));
    out.push(g);
  }
  return out;
}

export interface PlannedRun {
  /** Repo root; outDir is relative to it. */
  readonly root: string;
  readonly outDir?: string;
  /** Only the first n entries of the plan. */
  readonly only?: number;
  readonly seed?: number;
  /** Writers for producers other than pdfkit; an entry whose producer has none is skipped. */
  readonly producers?: Partial<Record<Variant["producer"], (source: ReportSource, variant: Variant) => Promise<Generated>>>;
}

export interface PlannedResult {
  readonly written: string[];
  readonly skipped: { id: string; reason: string }[];
}

/**
 * The planned corpus (plan.ts): each report rendered through generate() with
 * its variant, written as <id>.pdf + <id>.truth.json, the truth extended by
 * variant, faults, expected_kind, extra_titles and the narrative claims. A
 * budget or template document's truth has no final-accounts tables.
 */
export async function writePlannedCorpus(run: PlannedRun): Promise<PlannedResult> {
  const outDir = run.outDir ?? "corpus/generated";
  const plan = planCorpus(run.seed ?? 1);
  const entries = run.only !== undefined ? plan.slice(0, run.only) : plan;
  const written: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  await mkdir(path.join(run.root, outDir), { recursive: true });
  for (const entry of entries) {
    const { source, extras } = buildSource(entry);
    const producer = entry.variant.producer === "pdfkit" ? undefined : run.producers?.[entry.variant.producer];
    if (entry.variant.producer !== "pdfkit" && !producer) {
      skipped.push({ id: entry.id, reason: `producer "${entry.variant.producer}" is not available in this build` });
      continue;
    }
    let g: Generated;
    try {
      // GenerateOptions gains `variant` with the renderer's variant support; until then it is ignored.
      const options: Partial<GenerateOptions> & { variant: Variant } = { seed: entry.seed, variant: entry.variant };
      g = producer ? await producer(source, entry.variant) : await generate(source, options);
    } catch (err) {
      skipped.push({ id: entry.id, reason: `render failed: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const file = path.posix.join(outDir, `${entry.id}.pdf`);
    const truth: TruthJson = {
      ...g.truth,
      file,
      ...(extras.expected_kind === "final" ? {} : { tables: [] }),
      variant: extras.variant,
      faults: extras.faults,
      expected_kind: extras.expected_kind,
      extra_titles: extras.extra_titles,
      claims: extras.claims,
    };
    await writeFile(path.join(run.root, file), g.pdf);
    await writeFile(path.join(run.root, outDir, `${entry.id}.truth.json`), truthText(truth));
    written.push(file);
  }
  return { written, skipped };
}
