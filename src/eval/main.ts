// `npm run eval`: score extraction on the corpus (and the pinned real PDFs),
// print the table per variant, save out/eval.json, end with one summary line.
// Options: --corpus DIR (repeatable; default corpus, without corpus/scans), --only N, --jobs N,
// --ocr (read scanned and garbled pages by OCR: `--corpus corpus/scans --ocr`, ~4 s a page).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatTable, summaryLine } from "./print.js";
import { runEval } from "./run.js";

const Args = z.object({
  corpus: z.array(z.string()).default(["corpus"]),
  only: z.coerce.number().int().positive().optional(),
  jobs: z.coerce.number().int().positive().optional(),
  out: z.string().default("out/eval.json"),
  ocr: z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: "string", multiple: true }, only: { type: "string" }, jobs: { type: "string" }, out: { type: "string" }, ocr: { type: "boolean" } },
  });
  const args = Args.parse(values);
  mkdirSync(path.dirname(args.out), { recursive: true });
  const result = await runEval({
    corpusDirs: args.corpus,
    goldenDir: "test/golden",
    dbPath: path.join(path.dirname(args.out), "eval.sqlite"),
    jobs: args.jobs,
    only: args.only,
    ocr: args.ocr,
  });
  console.log(formatTable(result.groups));
  for (const r of result.reports.filter((x) => x.misses.length > 0)) console.log(`\n${r.file}\n  ${r.misses.join("\n  ")}`);
  if (result.real.length > 0) {
    console.log("\nreal PDFs (pinned tables):");
    for (const r of result.real) console.log(`  ${path.basename(r.pdf)} ${r.table}: ${r.exact}/${r.cells} cells`);
  }
  writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
  const realCells = result.real.reduce((n, r) => n + r.cells, 0);
  const realExact = result.real.reduce((n, r) => n + r.exact, 0);
  console.log(`\n${summaryLine(result.groups[0]!)}; real pinned cells ${realExact}/${realCells}; ${result.pages} pages in ${result.seconds.toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(`eval: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
