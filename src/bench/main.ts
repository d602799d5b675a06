// `npm run bench`: the batch (src/bench/batch/: juesuan's ingest against
// the pdf.js text extraction floor and a peer, its scaling over cores and its
// peak memory, on a large generated corpus) and OCR (src/bench/ocr.ts:
// tesseract.js against native tesseract on the same page images; and the
// whole OCR route, src/bench/ocr-route.ts, in CPU seconds a page and peak RSS). The result
// is written to out/bench.json and printed as tables. Options: --only batch|ocr|route;
// batch: --reports N (1000, the large batch), --small N (100), --subset N (200,
// the speed and accuracy runs), --rounds N (2); OCR: --pages N (6), --from P
// (5, the seed's 表1), --pdf FILE (the seed), the OCR route reads two scans of N pages each; --out FILE (out/bench.json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { measureBatch } from "./batch/measure.js";
import { measureOcr } from "./ocr.js";
import { measureOcrRoute } from "./ocr-route.js";
import { formatBench } from "./print.js";
import { BenchResult } from "./result.js";

const Args = z.object({
  only: z.enum(["batch", "ocr", "route"]).optional(),
  reports: z.coerce.number().int().positive().default(1000),
  small: z.coerce.number().int().positive().default(100),
  subset: z.coerce.number().int().positive().default(200),
  rounds: z.coerce.number().int().positive().default(2),
  pages: z.coerce.number().int().positive().default(6),
  from: z.coerce.number().int().positive().default(5),
  pdf: z.string().default("corpus/seed/hongshan-grid-2021.pdf"),
  out: z.string().default("out/bench.json"),
});

async function main(): Promise<void> {
  const str = { type: "string" } as const;
  const { values } = parseArgs({ options: { only: str, reports: str, small: str, subset: str, rounds: str, pages: str, from: str, pdf: str, out: str } });
  const args = Args.parse(values);
  const start = os.loadavg();
  const dir = mkdtempSync(path.join(os.tmpdir(), "juesuan-bench-"));
  try {
    const log = (line: string): void => void console.error(line);
    const batch =
      args.only === "ocr" || args.only === "route"
        ? undefined
        : await measureBatch({ reports: args.reports, small: args.small, subset: Math.min(args.subset, args.reports), rounds: args.rounds, corpusDir: path.resolve("out/bench-corpus"), officeDir: path.resolve("corpus/libreoffice"), dir, log });
    const ocr = args.only === "batch" || args.only === "route" ? undefined : await measureOcr({ ...args, dir, log });
    const ocrRoute = args.only === "batch" || args.only === "ocr" ? undefined : await measureOcrRoute({ ...args, dir, log });
    const result = BenchResult.parse({
      at: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.versions.node, loadAverage: { start, end: os.loadavg() } },
      ...(batch ? { batch } : {}),
      ...(ocr ? { ocr } : {}),
      ...(ocrRoute ? { ocrRoute } : {}),
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
