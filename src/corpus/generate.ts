// Source -> { PDF bytes, truth }; and the whole corpus from corpus/sources.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { withDefaults, type GenerateOptions } from "./options.js";
import { buildSource, planCorpus, type PlanEntry } from "./plan.js";
import { planProducers } from "./plan-producers.js";
import { sourceDigest } from "./producers/digest.js";
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
  /** Only the entries this picks (after `only`). */
  readonly pick?: (entry: PlanEntry) => boolean;
  readonly seed?: number;
  /**
   * Writers for producers other than pdfkit. An entry whose producer has none
   * keeps the committed files in its producer's folder (producerDirs), or is skipped.
   */
  readonly producers?: Partial<Record<Variant["producer"], (source: ReportSource, variant: Variant, seed?: number) => Promise<Generated>>>;
  /** Repo-relative folder a producer's reports are written to and kept in (corpus/libreoffice, corpus/chromium, corpus/calc: committed); default outDir. */
  readonly producerDirs?: Partial<Record<Variant["producer"], string>>;
}

export interface PlannedResult {
  readonly written: string[];
  readonly skipped: { id: string; reason: string }[];
  /** Committed files of a producer not run in this build, kept as they are; stale: made from a different source or variant than the plan's now. */
  readonly kept: { id: string; file: string; stale: boolean; producer: Variant["producer"] }[];
}

/** The committed PDF + truth of an entry in `dir`, if both are there, and whether the current source still matches them. */
async function committedFiles(root: string, dir: string, id: string, source: ReportSource, variant: Variant): Promise<{ file: string; stale: boolean } | undefined> {
  const file = path.posix.join(dir, `${id}.pdf`);
  const truthFile = path.join(root, dir, `${id}.truth.json`);
  if (!existsSync(path.join(root, file)) || !existsSync(truthFile)) return undefined;
  const truth = JSON.parse(await readFile(truthFile, "utf8")) as { generator?: { source_sha256?: string } };
  return { file, stale: truth.generator?.source_sha256 !== sourceDigest(source, variant) };
}

/** Every planned report: the planned corpus (plan.ts), then the reports of producers we do not control (plan-producers.ts). */
export function fullPlan(seed: number): PlanEntry[] {
  return [...planCorpus(seed), ...planProducers(seed)];
}

/**
 * The planned corpus (fullPlan): each report rendered through generate() with
 * its variant, written as <id>.pdf + <id>.truth.json, the truth extended by
 * variant, faults, expected_kind, extra_titles and the narrative claims. A
 * budget or template document's truth has no final-accounts tables.
 */
export async function writePlannedCorpus(run: PlannedRun): Promise<PlannedResult> {
  const outDir = run.outDir ?? "corpus/generated";
  const plan = fullPlan(run.seed ?? 1);
  const entries = (run.only !== undefined ? plan.slice(0, run.only) : plan).filter((e) => run.pick?.(e) ?? true);
  const written: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  const kept: PlannedResult["kept"] = [];
  await mkdir(path.join(run.root, outDir), { recursive: true });
  for (const entry of entries) {
    const { source, extras } = buildSource(entry);
    const producer = entry.variant.producer === "pdfkit" ? undefined : run.producers?.[entry.variant.producer];
    const dir = (entry.variant.producer !== "pdfkit" ? run.producerDirs?.[entry.variant.producer] : undefined) ?? outDir;
    if (entry.variant.producer !== "pdfkit" && !producer) {
      const committed = await committedFiles(run.root, dir, entry.id, source, entry.variant);
      if (committed) {
        kept.push({ id: entry.id, ...committed, producer: entry.variant.producer });
        continue;
      }
      skipped.push({ id: entry.id, reason: `producer "${entry.variant.producer}" is not available in this build` });
      continue;
    }
    let g: Generated;
    try {
      // GenerateOptions gains `variant` with the renderer's variant support; until then it is ignored.
      const options: Partial<GenerateOptions> & { variant: Variant } = { seed: entry.seed, variant: entry.variant };
      g = producer ? await producer(source, entry.variant, entry.seed) : await generate(source, options);
    } catch (err) {
      skipped.push({ id: entry.id, reason: `render failed: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const file = path.posix.join(dir, `${entry.id}.pdf`);
    const truth: TruthJson = {
      ...g.truth,
      file,
      ...(extras.expected_kind === "final" ? {} : { tables: [] }),
      // Another producer records what it really printed (LibreOffice: never rotated, never per glyph).
      variant: producer ? { ...extras.variant, ...(g.truth["variant"] as Partial<Variant> | undefined) } : extras.variant,
      faults: extras.faults,
      expected_kind: extras.expected_kind,
      extra_titles: extras.extra_titles,
      claims: extras.claims,
    };
    await mkdir(path.join(run.root, dir), { recursive: true });
    await writeFile(path.join(run.root, file), g.pdf);
    await writeFile(path.join(run.root, dir, `${entry.id}.truth.json`), truthText(truth));
    written.push(file);
  }
  return { written, skipped, kept };
}
