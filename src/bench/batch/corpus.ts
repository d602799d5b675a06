// The bench's corpus: the generator's planned corpus (plan.ts) made again
// with seed after seed (each seed its own figures, variants and faults) until
// there are enough reports, each beside its truth. It takes minutes to make,
// so it is kept in out/ and made again only when the generator changes.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { writePlannedCorpus } from "../../corpus/generate.js";

const FIRST_SEED = 101;

const Manifest = z.object({ generator: z.string(), reports: z.number().int(), files: z.array(z.string()) });

export interface BenchCorpus {
  /** PDFs, sorted; each has its `.truth.json` beside it. */
  readonly files: readonly string[];
  /** Made in this run (else reused). */
  readonly made: boolean;
  readonly seconds: number;
}

/** A digest of the generator's compiled code: a changed generator makes a new corpus. */
function generatorDigest(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(here, "../../corpus");
  const hash = createHash("sha256");
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".js") || e.name.endsWith(".ts")) hash.update(e.name).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest("hex").slice(0, 16);
}

export async function benchCorpus(dir: string, reports: number, log: (line: string) => void): Promise<BenchCorpus> {
  const manifestFile = path.join(dir, "manifest.json");
  const generator = generatorDigest();
  if (existsSync(manifestFile)) {
    const m = Manifest.safeParse(JSON.parse(readFileSync(manifestFile, "utf8")));
    if (m.success && m.data.generator === generator && m.data.reports >= reports && m.data.files.every((f) => existsSync(f))) {
      return { files: m.data.files.slice(0, reports), made: false, seconds: 0 };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const files: string[] = [];
  for (let seed = FIRST_SEED; files.length < reports; seed++) {
    // pdfkit only: LibreOffice's reports exist for the committed plan alone.
    const r = await writePlannedCorpus({ root: dir, outDir: `seed-${seed}`, seed, pick: (e) => e.variant.producer === "pdfkit" });
    files.push(...r.written.map((f) => path.join(dir, f)));
    log(`bench corpus: seed ${seed}, ${files.length} reports so far`);
  }
  files.sort();
  writeFileSync(manifestFile, `${JSON.stringify({ generator, reports: files.length, files }, null, 1)}\n`);
  return { files: files.slice(0, reports), made: true, seconds: (performance.now() - started) / 1000 };
}
