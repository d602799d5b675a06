// Developer tool: a scan of a PDF — `node dist/src/debug/scan.js IN OUT [dpi] [page…] [--seed N]`
// draws each page (all by default) at `dpi` (200) with pdf.js and writes them
// as JPEG pages with no text layer, the input OCR is measured on. Clean
// (straight, white, no noise) unless --seed N: then degraded as the scan
// corpus degrades its pages (src/corpus/scan/), with that seed.
import { readFileSync, writeFileSync } from "node:fs";
import { cleanScan, pickScanParams } from "../corpus/scan/params.js";
import { scanPdf } from "../corpus/scan/scan-pdf.js";

const argv = process.argv.slice(2);
const seedAt = argv.indexOf("--seed");
const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : undefined;
const [input, output, dpiArg = "200", ...pageArgs] = seedAt >= 0 ? [...argv.slice(0, seedAt), ...argv.slice(seedAt + 2)] : argv;
const dpi = Number(dpiArg);
if (!input || !output || !Number.isInteger(dpi) || dpi <= 0 || (seed !== undefined && !Number.isInteger(seed))) {
  console.error("usage: scan IN OUT [dpi] [page…] [--seed N]");
  process.exit(2);
}
const params = seed === undefined ? cleanScan(dpi) : pickScanParams(dpi, seed);
const { pdf, record } = await scanPdf(new Uint8Array(readFileSync(input)), params, pageArgs.length > 0 ? { pages: pageArgs.map(Number) } : {});
writeFileSync(output, pdf);
const how = seed === undefined ? "" : `, skew ${record.skew}°, ${record.noise.kind} ${record.noise.amount}, jpeg ${record.jpeg}, grey ${record.grey}`;
console.log(`${output}: ${record.page_skews.length} pages at ${dpi} dpi${how}, no text layer`);
