// `npm run bench`: how fast OCR reads a page, tesseract.js against native
// tesseract on the same images (src/bench/ocr.ts); the result is written to
// out/bench.json and printed as a table. Options: --pages N (default 6),
// --from P (default 5, the seed's 表1: the pages OCR is for), --pdf FILE
// (default the seed), --out FILE (default out/bench.json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { measureOcr } from "./ocr.js";
import { formatBench } from "./print.js";
import { BenchResult } from "./result.js";

const Args = z.object({
  pages: z.coerce.number().int().positive().default(6),
  from: z.coerce.number().int().positive().default(5),
  pdf: z.string().default("corpus/seed/hongshan-grid-2021.pdf"),
  out: z.string().default("out/bench.json"),
});

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: "string" }, from: { type: "string" }, pdf: { type: "string" }, out: { type: "string" } } });
  const args = Args.parse(values);
  const start = os.loadavg();
  const dir = mkdtempSync(path.join(os.tmpdir(), "juesuan-bench-"));
  try {
    const ocr = await measureOcr({ ...args, dir, log: (line) => console.error(line) });
    const result = BenchResult.parse({
      at: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.versions.node, loadAverage: { start, end: os.loadavg() } },
      ocr,
    });
    mkdirSync(path.dirname(args.out), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(formatBench(result));
    console.log(`\n-> ${args.out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
