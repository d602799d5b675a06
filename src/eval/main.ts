// `npm run eval`: score extraction on the corpus (and the pinned real PDFs, and
// ../shared/independent when it is there), print the table per variant, a line
// per producer and per font, the producers we do not control and the
// independent set each on lines of their own, save out/eval.json, and end with
// one summary line: our own producers' corpus (pdfkit, LibreOffice Writer).
// Options: --corpus DIR (repeatable; default corpus, without corpus/scans), --only N, --jobs N,
// --ocr (read scanned and garbled pages by OCR: `--corpus corpus/scans --ocr`, ~4 s a page),
// --independent DIR (default ../shared/independent; --no-independent skips it).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatTable, groupLine, summaryLine } from "./print.js";
import { runEval } from "./run.js";

const Args = z.object({
  corpus: z.array(z.string()).default(["corpus"]),
  only: z.coerce.number().int().positive().optional(),
  jobs: z.coerce.number().int().positive().optional(),
  out: z.string().default("out/eval.json"),
  ocr: z.boolean().default(false),
  independent: z.string().default("../shared/independent"),
  "no-independent": z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", multiple: true }, only: { type: "string" }, jobs: { type: "string" }, out: { type: "string" }, ocr: { type: "boolean" },
      independent: { type: "string" }, "no-independent": { type: "boolean" },
    },
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
    ...(args["no-independent"] ? {} : { independentDir: args.independent }),
  });
  console.log(formatTable(result.groups));
  for (const r of result.reports.filter((x) => x.misses.length > 0)) console.log(`\n${r.file}\n  ${r.misses.join("\n  ")}`);
  if (result.real.length > 0) {
    console.log("\nreal PDFs (pinned tables):");
    for (const r of result.real) console.log(`  ${path.basename(r.pdf)} ${r.table}: ${r.exact}/${r.cells} cells`);
  }
  writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log("");
  for (const g of result.groups.filter((x) => x.group.startsWith("producer=") || x.group.startsWith("font="))) console.log(groupLine(g.group, g));
  if (result.others) console.log(groupLine("producers not ours (chromium, calc)", result.others));
  if (result.independent) {
    const [all, ...parts] = result.independent.groups;
    if (all) console.log(groupLine(`independent (${result.independent.dir})`, all));
    for (const g of parts) console.log(groupLine(`  independent ${g.group}`, g));
    for (const r of result.independent.reports.filter((x) => x.misses.length > 0)) console.log(`  ${path.basename(r.file)}: ${r.misses.slice(0, 4).join("; ")}`);
  }
  const realCells = result.real.reduce((n, r) => n + r.cells, 0);
  const realExact = result.real.reduce((n, r) => n + r.exact, 0);
  console.log(`\n${summaryLine(result.own)}; real pinned cells ${realExact}/${realCells}; ${result.pages} pages in ${result.seconds.toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(`eval: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
