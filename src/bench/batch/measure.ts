// The batch measurement: on the same generated files, in one run, juesuan's
// ingest with one reader and with one per core, the floor (pdf.js text
// extraction alone, one thread and one per core), the peer (pdf-parse's
// tables), and juesuan's peak memory on a small and a large batch. Each run
// is a process of its own (run.ts); the speed runs are interleaved, round
// after round, and the fastest of each kind is kept, so a load on the shared
// cores that comes and goes weighs on all alike.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { z } from "zod";
import { loadTruth, type Truth } from "../../eval/truth.js";
import { scoreReport } from "../../eval/score.js";
import { open } from "../../store/index.js";
import { storedPath } from "../../pipeline/files.js";
import { benchCorpus } from "./corpus.js";
import { PeerFile } from "./peer.js";
import { peerReport } from "./peer-report.js";
import { RunResult } from "./run-result.js";
import type { BatchBench } from "./result.js";

const run = promisify(execFile);

export interface BatchOptions {
  /** Reports in the large batch (peak memory); the corpus has this many. */
  readonly reports: number;
  /** Reports in the small batch (peak memory) . */
  readonly small: number;
  /** Reports the speed and accuracy runs read. */
  readonly subset: number;
  readonly rounds: number;
  readonly corpusDir: string;
  /** The committed LibreOffice reports (corpus/libreoffice), scored too. */
  readonly officeDir: string;
  /** Scratch folder (list files, databases). */
  readonly dir: string;
  readonly log: (line: string) => void;
}

const RUNNER = path.join(path.dirname(fileURLToPath(import.meta.url)), "run.js");

async function measured(nodeFlags: readonly string[], args: readonly string[]): Promise<RunResult> {
  const { stdout } = await run(process.execPath, [...nodeFlags, RUNNER, ...args], { maxBuffer: 64 << 20 });
  return RunResult.parse(JSON.parse(stdout.trim().split("\n").at(-1) ?? ""));
}

const truthOf = (pdf: string): string => pdf.replace(/\.pdf$/, ".truth.json");
const pdfOf = (t: Truth): string => path.resolve(t.path.replace(/\.truth\.json$/, ".pdf"));

/** Share of the truths' cells read exactly, over all reports. */
function cellAccuracy(truths: readonly Truth[], got: (t: Truth) => Parameters<typeof scoreReport>[1]): { truth: number; exact: number; share: number } {
  let truth = 0;
  let exact = 0;
  for (const t of truths) {
    const s = scoreReport(t, got(t));
    truth += s.cells.truth;
    exact += s.cells.exact;
  }
  return { truth, exact, share: truth === 0 ? 0 : exact / truth };
}

export async function measureBatch(o: BatchOptions): Promise<BatchBench> {
  const cores = Math.max(1, os.availableParallelism());
  const corpus = await benchCorpus(o.corpusDir, o.reports, o.log);
  const list = (name: string, files: readonly string[]): string => {
    const file = path.join(o.dir, `${name}.txt`);
    writeFileSync(file, `${files.join("\n")}\n`);
    return file;
  };
  const subset = corpus.files.slice(0, o.subset);
  const subsetList = list("subset", subset);
  const db = (name: string): string => {
    const file = path.join(o.dir, `${name}.sqlite`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    return file;
  };

  const kinds = {
    // The machine's own gain from more threads, on work that shares nothing (compute.ts).
    computeOne: () => measured([], ["compute", subsetList, "--threads", "1"]),
    computeAll: () => measured([], ["compute", subsetList, "--threads", String(cores)]),
    floorOne: () => measured([], ["floor", subsetList, "--threads", "1"]),
    floorAll: () => measured([], ["floor", subsetList, "--threads", String(cores)]),
    juesuanOne: () => measured([], ["ingest", subsetList, "--jobs", "1", "--db", db("one")]),
    juesuanAll: () => measured([], ["ingest", subsetList, "--jobs", String(cores), "--db", db("all")]),
    // V8 compiles and collects garbage on helper threads: one reader alone already keeps more than one core busy.
    juesuanOneSingleThreaded: () => measured(["--single-threaded"], ["ingest", subsetList, "--jobs", "1", "--db", db("one-st")]),
    juesuanAllSingleThreaded: () => measured(["--single-threaded"], ["ingest", subsetList, "--jobs", String(cores), "--db", db("all-st")]),
  } as const;
  type Kind = keyof typeof kinds;
  const best = new Map<Kind, RunResult>();
  for (let round = 1; round <= o.rounds; round++) {
    for (const kind of Object.keys(kinds) as Kind[]) {
      const r = await kinds[kind]();
      o.log(`round ${round}: ${kind} ${r.pages} pages in ${r.seconds.toFixed(1)} s (${(r.pages / r.seconds).toFixed(1)} pages/s, peak ${r.peakRssMb.toFixed(0)} MB)`);
      const prev = best.get(kind);
      if (!prev || r.seconds < prev.seconds) best.set(kind, r);
    }
  }
  const got = (kind: Kind): RunResult => best.get(kind)!;

  const peerOut = path.join(o.dir, "peer.json");
  const peer = await measured([], ["peer", subsetList, "--out", peerOut]);
  o.log(`peer: ${peer.pages} pages in ${peer.seconds.toFixed(1)} s`);

  const small = await measured([], ["ingest", list("small", corpus.files.slice(0, o.small)), "--jobs", String(cores), "--db", db("small")]);
  o.log(`peak memory, ${o.small} reports: ${small.peakRssMb.toFixed(0)} MB (${small.pages} pages in ${small.seconds.toFixed(1)} s)`);
  const large = await measured([], ["ingest", list("large", corpus.files), "--jobs", String(cores), "--db", db("large")]);
  o.log(`peak memory, ${corpus.files.length} reports: ${large.peakRssMb.toFixed(0)} MB (${large.pages} pages in ${large.seconds.toFixed(1)} s)`);

  // The generated corpus is pdfkit's, whose rulings the peer does not see; LibreOffice's committed reports it reads.
  const office = readdirSync(o.officeDir).filter((f) => f.endsWith(".pdf")).sort().map((f) => path.join(o.officeDir, f));
  const officeList = list("office", office);
  const officePeerOut = path.join(o.dir, "office-peer.json");
  const officePeer = await measured([], ["peer", officeList, "--out", officePeerOut]);
  const officeJuesuan = await measured([], ["ingest", officeList, "--jobs", "1", "--db", db("office")]);
  o.log(`LibreOffice reports: peer ${officePeer.seconds.toFixed(1)} s, juesuan ${officeJuesuan.seconds.toFixed(1)} s`);

  const accuracy = async (files: readonly string[], dbFile: string, peerFile: string) => {
    const truths = (await Promise.all(files.map((f) => loadTruth(truthOf(f))))).filter((t) => t.expectedKind === "final");
    const store = open(dbFile, { mustExist: true });
    const reports = new Map(store.loadReports().map((r) => [r.file, r]));
    store.close();
    const peerFiles = new Map(z.array(PeerFile).parse(JSON.parse(readFileSync(peerFile, "utf8"))).map((p) => [p.file, p]));
    return {
      reports: truths.length,
      juesuan: cellAccuracy(truths, (t) => reports.get(storedPath(pdfOf(t)))),
      peer: cellAccuracy(truths, (t) => peerReport(t.report, peerFiles.get(pdfOf(t)))),
    };
  };

  const rate = (r: RunResult): number => r.pages / r.seconds;
  return {
    corpus: { reports: corpus.files.length, dir: o.corpusDir, made: corpus.made, seconds: corpus.seconds },
    subset: { reports: subset.length, pages: got("floorOne").pages },
    rounds: o.rounds,
    cores,
    runs: Object.fromEntries([...best].map(([k, r]) => [k, r])) as BatchBench["runs"],
    peer: { package: "pdf-parse", version: packageVersion(), run: peer },
    accuracy: {
      generated: await accuracy(subset, path.join(o.dir, "one.sqlite"), peerOut),
      libreoffice: { ...(await accuracy(office, path.join(o.dir, "office.sqlite"), officePeerOut)), juesuanRun: officeJuesuan, peerRun: officePeer },
    },
    memory: { small: { reports: o.small, run: small }, large: { reports: corpus.files.length, run: large } },
    ratios: {
      juesuanOverFloor: got("juesuanOne").seconds / got("floorOne").seconds,
      machineSpeedup: got("computeOne").seconds / got("computeAll").seconds,
      juesuanOverFloorAllWorkers: got("juesuanAll").seconds / got("floorAll").seconds,
      allWorkersSpeedup: rate(got("juesuanAll")) / rate(got("juesuanOne")),
      allWorkersSpeedupSingleThreaded: rate(got("juesuanAllSingleThreaded")) / rate(got("juesuanOneSingleThreaded")),
      peerOverFloor: peer.seconds / got("floorOne").seconds,
      peakRssLargeOverSmall: large.peakRssMb / small.peakRssMb,
    },
  };
}

function packageVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(readFileSync(path.join(dir, "node_modules", "pdf-parse", "package.json"), "utf8")) as { version?: unknown };
      if (typeof json.version === "string") return json.version;
    } catch {
      // not in this folder: look further up
    }
  }
  return "unknown";
}
