// Source -> { PDF bytes, truth }; and the whole corpus from corpus/sources.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { withDefaults, type GenerateOptions } from "./options.js";
import { renderReport } from "./render/report.js";
import { listSources, loadSource } from "./source/load.js";
import type { ReportSource } from "./source/schema.js";
import { buildTruth, type TruthJson } from "./truth.js";

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
