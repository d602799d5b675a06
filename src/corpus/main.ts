// `npm run corpus`: regenerate every PDF and truth under corpus/ from
// corpus/sources/*.json. Run from the repo root (or pass --root).
import path from "node:path";
import { writeCorpus, writePlannedCorpus, type Generated, type PlannedRun } from "./generate.js";
import { CALC_DIR, generateCalc } from "./producers/calc/index.js";
import { CHROMIUM_DIR, findChromium, generateChromium } from "./producers/chromium/index.js";
import { findSoffice, generateLibreOffice, LIBREOFFICE_DIR } from "./producers/libreoffice/index.js";
import type { ReportSource } from "./source/schema.js";
import type { Variant } from "./variant.js";
import { DEFAULT_SCANS } from "./scan/selection.js";
import { SCANS_DIR, writeScans } from "./scan/write.js";
import { SERIES_DIR, writeSeriesCorpus } from "./series/write.js";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

type Producer = Exclude<Variant["producer"], "pdfkit">;
type Make = (source: ReportSource, variant: Variant, seed?: number) => Promise<Generated>;

/**
 * The producers whose reports are committed (corpus/<producer>/): each is run
 * only when asked (--libreoffice, --chromium, --calc, or JUESUAN_<NAME>=1) and
 * its program is here; otherwise its committed files are kept as they are.
 */
const PRODUCERS: Readonly<Record<Producer, { dir: string; find: () => string | undefined; install: string; make: Make }>> = {
  libreoffice: {
    dir: LIBREOFFICE_DIR, find: findSoffice, install: "soffice was not found (install libreoffice-writer-nogui, or set SOFFICE)",
    make: (source, variant, s) => generateLibreOffice(source, variant, s !== undefined ? { seed: s } : {}),
  },
  chromium: {
    dir: CHROMIUM_DIR, find: findChromium, install: "chromium was not found (install chromium and fonts-noto-cjk fonts-arphic-uming fonts-wqy-zenhei fonts-wqy-microhei, or set CHROMIUM)",
    make: (source, variant, s) => generateChromium(source, variant, s !== undefined ? { seed: s } : {}),
  },
  calc: {
    dir: CALC_DIR, find: findSoffice, install: "soffice was not found (install libreoffice-calc-nogui and the fonts of --chromium, or set SOFFICE)",
    make: (source, variant, s) => generateCalc(source, variant, s !== undefined ? { seed: s } : {}),
  },
};

const asked = (p: Producer): boolean => process.argv.includes(`--${p}`) || process.env[`JUESUAN_${p.toUpperCase()}`] === "1";

async function main(): Promise<void> {
  const root = path.resolve(arg("root") ?? process.cwd());
  for (const p of Object.keys(PRODUCERS) as Producer[]) if (asked(p) && !PRODUCERS[p].find()) throw new Error(`--${p}: ${PRODUCERS[p].install}`);
  const seed = arg("seed");
  const written = await writeCorpus({
    root,
    outRoot: arg("out") ? path.resolve(arg("out") ?? root) : undefined,
    options: seed !== undefined ? { seed: Number(seed) } : {},
  });
  for (const g of written) {
    const map = [...g.pageMap].map(([id, pages]) => `${id}:${pages.join(",")}`).join(" ");
    console.log(`${g.pdfPath} (${String(g.truth["page_count"])} pages) ${map}`);
  }
  // The planned corpus (plan.ts, then plan-producers.ts) under corpus/generated/ and the producers' folders, unless --no-planned.
  if (!process.argv.includes("--no-planned")) await writePlanned(root, seed);
  // --series: the same units over consecutive years (series/), with cross-year breaks, under corpus/series/.
  if (process.argv.includes("--series")) {
    const series = await writeSeriesCorpus({ root, ...(seed !== undefined ? { seed: Number(seed) } : {}) });
    console.log(`series corpus: ${series.written.length} reports under ${SERIES_DIR}/`);
  }
  // --scans: then the scanned and garbled copies of the default selection (scan/selection.ts) under corpus/scans/.
  if (process.argv.includes("--scans")) {
    const scans = await writeScans({ root, jobs: DEFAULT_SCANS, ...(seed !== undefined ? { seed: Number(seed) } : {}) }, (line) => console.log(line));
    console.log(`scan corpus: ${scans.length} reports under ${SCANS_DIR}/ (more: npm run corpus:scans -- --add PDF --dpi 150,300 --garble PDF)`);
  }
}

async function writePlanned(root: string, seed: string | undefined): Promise<void> {
  const only = arg("only");
  const producers: PlannedRun["producers"] = {};
  const dirs: PlannedRun["producerDirs"] = {};
  for (const p of Object.keys(PRODUCERS) as Producer[]) {
    dirs[p] = PRODUCERS[p].dir;
    if (asked(p)) producers[p] = PRODUCERS[p].make;
  }
  const planned = await writePlannedCorpus({
    root,
    ...(only !== undefined ? { only: Number(only) } : {}),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    producerDirs: dirs,
    producers,
  });
  console.log(`planned corpus: ${planned.written.length} written, ${planned.kept.length} kept, ${planned.skipped.length} skipped`);
  for (const p of Object.keys(PRODUCERS) as Producer[]) {
    const kept = planned.kept.filter((k) => k.producer === p);
    if (kept.length === 0) continue;
    const stale = kept.filter((k) => k.stale).length;
    console.log(
      `${p}: kept the ${kept.length} committed reports under ${PRODUCERS[p].dir}/ (${PRODUCERS[p].find() ? `pass --${p} to regenerate them` : "its program was not found"})` +
        (stale ? `; ${stale} were made from a different source than the plan gives now: regenerate with --${p}` : ""),
    );
  }
  for (const s of planned.skipped) console.log(`  skipped ${s.id}: ${s.reason}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
