// The series corpus on disk: every report of the series plan rendered by
// pdfkit as <outDir>/<id>.pdf beside <id>.truth.json, the truth today's
// (buildTruth, extended as the planned corpus extends it) plus `series` and
// `year_faults` (truth.ts). Not committed: `npm run corpus -- --series`.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { generate, truthText } from "../generate.js";
import type { GenerateOptions } from "../options.js";
import type { TruthJson } from "../truth.js";
import { buildSeries, type SeriesReport } from "./chain.js";

export const SERIES_DIR = "corpus/series";

export interface SeriesRun {
  /** Repo root; outDir is relative to it. */
  readonly root: string;
  readonly outDir?: string;
  readonly seed?: number;
}

/** A series report's truth: today's, with the report's variant, kind, claims, faults (none within the year), series and year_faults. */
export function seriesTruthJson(base: TruthJson, file: string, r: SeriesReport): TruthJson {
  const { extras } = r.built;
  return {
    ...base,
    file,
    variant: extras.variant,
    faults: extras.faults,
    expected_kind: extras.expected_kind,
    extra_titles: extras.extra_titles,
    claims: extras.claims,
    series: r.series,
    year_faults: r.yearFaults,
  };
}

export async function writeSeriesCorpus(run: SeriesRun): Promise<{ written: string[] }> {
  const outDir = run.outDir ?? SERIES_DIR;
  await mkdir(path.join(run.root, outDir), { recursive: true });
  const written: string[] = [];
  for (const r of buildSeries(run.seed ?? 1)) {
    const { entry } = r.plan;
    const options: Partial<GenerateOptions> = { seed: entry.seed, variant: entry.variant };
    const g = await generate(r.built.source, options);
    const file = path.posix.join(outDir, `${entry.id}.pdf`);
    await writeFile(path.join(run.root, file), g.pdf);
    await writeFile(path.join(run.root, outDir, `${entry.id}.truth.json`), truthText(seriesTruthJson(g.truth, file, r)));
    written.push(file);
  }
  return { written };
}
