// Fuzzing the batch: hundreds of damaged copies of real report PDFs (committed
// corpus files, as LibreOffice wrote them) in one ingest. Nothing may crash
// it and every file must end with a status: read, failed with a one-line
// reason, or a duplicate of another.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createRng, seedOf } from "../src/corpus/rng.js";
import { listPdfFiles } from "../src/pipeline/files.js";
import { ingestFiles, type IngestResult } from "../src/pipeline/ingest.js";
import { open } from "../src/store/index.js";
import { MUTATIONS } from "./support/mutate.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FILES = 520;

describe("a batch of damaged PDFs", () => {
  it(`accounts for every one of ${FILES} mutated files, and stores each read or failed file once`, async () => {
    const corpus = path.join(repo, "corpus/libreoffice");
    const sources = fs.readdirSync(corpus).filter((f) => f.endsWith(".pdf")).sort().slice(0, 4).map((f) => fs.readFileSync(path.join(corpus, f)));
    const kinds = Object.keys(MUTATIONS).sort();
    const dir = tempDir();
    for (let i = 0; i < FILES; i++) {
      const kind = kinds[i % kinds.length]!;
      const rng = createRng(seedOf(`fuzz-${i}`));
      fs.writeFileSync(path.join(dir, `${String(i).padStart(3, "0")}-${kind}.pdf`), MUTATIONS[kind]!(sources[i % sources.length]!, rng));
    }

    const store = open(path.join(dir, "fuzz.sqlite"));
    const results: IngestResult[] = [];
    try {
      for await (const r of ingestFiles(await listPdfFiles([dir]), store, { jobs: 2, limits: { stallSeconds: 30 } })) results.push(r);
      const stored = store.loadReports();

      const byStatus = new Map<string, number>();
      for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      const reasons = new Map<string, number>();
      for (const r of results.filter((x) => x.status === "failed")) {
        const reason = (r.reason ?? "").replace(/\d+/g, "N").slice(0, 60);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      console.log(`fuzz: ${[...byStatus].map(([s, n]) => `${n} ${s}`).join(", ")}\n${[...reasons].sort((a, b) => b[1] - a[1]).map(([r, n]) => `  ${n} × ${r}`).join("\n")}`);

      expect(results).toHaveLength(FILES);
      expect(new Set(results.map((r) => path.basename(r.file))).size).toBe(FILES);
      for (const r of results) {
        expect(["ok", "failed", "duplicate"], `${r.file}: ${r.status} ${r.reason}`).toContain(r.status);
        if (r.status !== "ok") expect(r.reason ?? "", r.file).toMatch(/^[^\n]+$/);
        // Damage is named as such; an unforeseen exception or a crashed reader is a bug to fix.
        if (r.status === "failed") expect(r.reason ?? "", r.file).not.toMatch(/^(extraction failed|the reader crashed|the reader stopped)/);
      }
      // Every file read or failed is stored once; a duplicate points at a stored file.
      const storedFiles = new Set(stored.map((r) => r.file));
      expect(stored).toHaveLength(results.filter((r) => r.status !== "duplicate").length);
      for (const r of results.filter((x) => x.status !== "duplicate")) expect(storedFiles.has(r.file), r.file).toBe(true);
      for (const r of results.filter((x) => x.status === "duplicate")) expect(storedFiles.has(r.reason!.replace("same content as ", "")), r.file).toBe(true);
    } finally {
      store.close();
    }
  }, 600_000);
});
