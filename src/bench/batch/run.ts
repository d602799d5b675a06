// One measured run, in a process of its own so that its peak memory is its
// own: `node run.js MODE LIST [options]` reads the PDF paths listed in LIST
// and prints one JSON line (RunResult). Modes:
//   floor --threads N   pdf.js text extraction alone (each page's text content)
//   ingest --jobs N --db FILE   juesuan's ingest, as the command line runs it
//   peer --out FILE     pdf-parse's table extraction, its tables written to FILE
//   compute --threads N the machine's own scaling: pure JavaScript work (compute.ts), LIST unused
// Times start once the process is ready (modules loaded), so they are the work's.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { RunResult } from "./run-result.js";

// Each mode loads only its own modules: the peer brings its own pdf.js, which
// must not meet juesuan's (pdf.js finds its worker module on globalThis).

const Args = z.object({
  mode: z.enum(["floor", "ingest", "peer", "compute"]),
  list: z.string(),
  threads: z.coerce.number().int().positive().default(1),
  jobs: z.coerce.number().int().positive().default(1),
  db: z.string().optional(),
  out: z.string().optional(),
});

async function floor(files: readonly string[], threads: number, script: string): Promise<number> {
  let next = 0;
  let pages = 0;
  await Promise.all(
    Array.from({ length: Math.min(threads, files.length) }, async () => {
      const worker = new Worker(script);
      try {
        for (let i = next++; i < files.length; i = next++) {
          const file = files[i]!;
          const read = await new Promise<number>((resolve, reject) => {
            const done = (n: number): void => {
              worker.off("error", reject);
              resolve(n);
            };
            worker.once("message", done);
            worker.once("error", reject);
            worker.postMessage(file);
          });
          pages += read;
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return pages;
}

/** The run's work, its modules loaded (so that the clock, started after, times the work alone). */
async function prepare(args: z.infer<typeof Args>, files: readonly string[]): Promise<() => Promise<{ pages: number; peer?: unknown }>> {
  if (args.mode === "floor") {
    const { floorThreadScript } = await import("./floor-thread.js");
    return async () => ({ pages: await floor(files, args.threads, floorThreadScript()) });
  }
  if (args.mode === "compute") {
    const { compute } = await import("./compute.js");
    return async () => ({ pages: await compute(args.threads) });
  }
  if (args.mode === "ingest") {
    const [{ ingestFiles }, { open }] = await Promise.all([import("../../pipeline/ingest.js"), import("../../store/index.js")]);
    const db = z.string().parse(args.db);
    return async () => {
      const store = open(db);
      let pages = 0;
      try {
        for await (const r of ingestFiles(files, store, { jobs: args.jobs })) pages += r.pages;
      } finally {
        store.close();
      }
      return { pages };
    };
  }
  const { readPeerTables } = await import("./peer.js");
  return async () => {
    const read = await readPeerTables(files);
    return { pages: read.pages, peer: read.files };
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { threads: { type: "string" }, jobs: { type: "string" }, db: { type: "string" }, out: { type: "string" } },
  });
  const args = Args.parse({ ...values, mode: positionals[0], list: positionals[1] });
  const files = readFileSync(args.list, "utf8").split("\n").filter((l) => l !== "");
  const work = await prepare(args, files);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { pages, peer } = await work();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  if (peer !== undefined) writeFileSync(z.string().parse(args.out), JSON.stringify(peer));
  const result: RunResult = {
    files: files.length,
    pages,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(RunResult.parse(result)));
}

main().catch((err: unknown) => {
  console.error(`bench run: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
