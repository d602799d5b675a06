// `npm run corpus`: regenerate every PDF and truth under corpus/ from
// corpus/sources/*.json. Run from the repo root (or pass --root).
import path from "node:path";
import { writeCorpus, writePlannedCorpus } from "./generate.js";
import { findSoffice, generateLibreOffice, LIBREOFFICE_DIR } from "./producers/libreoffice/index.js";
import { DEFAULT_SCANS } from "./scan/selection.js";
import { SCANS_DIR, writeScans } from "./scan/write.js";
import { SERIES_DIR, writeSeriesCorpus } from "./series/write.js";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const root = path.resolve(arg("root") ?? process.cwd());
  // The LibreOffice reports are committed under corpus/libreoffice/; they are
  // made again only when asked (--libreoffice or JUESUAN_LIBREOFFICE=1) and soffice is here.
  const office = process.argv.includes("--libreoffice") || process.env["JUESUAN_LIBREOFFICE"] === "1";
  const soffice = findSoffice();
  if (office && !soffice) throw new Error("--libreoffice: soffice was not found (install libreoffice-writer-nogui, or set SOFFICE)");
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
  // The planned corpus (plan.ts) under corpus/generated/, unless --no-planned.
  if (!process.argv.includes("--no-planned")) await writePlanned(root, office, seed, Boolean(soffice));
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

async function writePlanned(root: string, office: boolean, seed: string | undefined, soffice: boolean): Promise<void> {
  const only = arg("only");
  const planned = await writePlannedCorpus({
    root,
    ...(only !== undefined ? { only: Number(only) } : {}),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    producerDirs: { libreoffice: LIBREOFFICE_DIR },
    ...(office ? { producers: { libreoffice: (source, variant, s) => generateLibreOffice(source, variant, s !== undefined ? { seed: s } : {}) } } : {}),
  });
  console.log(`planned corpus: ${planned.written.length} written, ${planned.kept.length} kept, ${planned.skipped.length} skipped`);
  if (planned.kept.length > 0) {
    const stale = planned.kept.filter((k) => k.stale).length;
    console.log(
      `libreoffice: kept the ${planned.kept.length} committed reports under ${LIBREOFFICE_DIR}/ (${soffice ? "pass --libreoffice to regenerate them" : "soffice not found"})` +
        (stale ? `; ${stale} were made from a different source than the plan gives now: regenerate with --libreoffice` : ""),
    );
  }
  for (const s of planned.skipped) console.log(`  skipped ${s.id}: ${s.reason}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
