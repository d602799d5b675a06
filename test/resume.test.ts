// A batch killed at any moment (kill -9) and started again ends with the same
// database as a batch that was never interrupted: every report exactly once,
// none half-written. Runs the real command line on committed corpus PDFs.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Report } from "../schemas/canonical.js";
import { open } from "../src/store/index.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(repo, "dist", "src", "cli", "main.js");

/** Every stored report, as it is exported (the time it was stored is not part of it). */
function contentOf(db: string): Map<string, Report> {
  const store = open(db, { mustExist: true });
  try {
    return new Map(store.loadReports().map((r) => [r.file, r]));
  } finally {
    store.close();
  }
}

function storedCount(db: string): number {
  if (!fs.existsSync(db)) return 0;
  const reader = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (reader.prepare("SELECT count(*) AS n FROM reports").get() as { n: number }).n;
  } catch {
    return 0; // the schema is not written yet
  } finally {
    reader.close();
  }
}

const ingest = (cwd: string, db: string) => spawnSync(process.execPath, [cli, "ingest", "in", "--db", db, "--jobs", "2"], { cwd, encoding: "utf8" });

describe("an ingest killed mid-batch", () => {
  it("leaves only whole reports, and run again ends as an uninterrupted run", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in");
    fs.mkdirSync(input);
    const sources = fs.readdirSync(path.join(repo, "corpus/libreoffice")).filter((f) => f.endsWith(".pdf")).sort();
    for (const f of sources) fs.copyFileSync(path.join(repo, "corpus/libreoffice", f), path.join(input, f));
    // Two identical files: which one is stored must not depend on when the batch was killed.
    fs.copyFileSync(path.join(repo, "corpus/libreoffice", sources[0]!), path.join(input, "zz-copy.pdf"));
    const files = sources.length + 1;

    const whole = ingest(dir, "whole.sqlite");
    expect(whole.status, whole.stderr).toBe(0);
    const reference = contentOf(path.join(dir, "whole.sqlite"));
    expect(reference.size).toBe(files - 1);

    // Killed once a few reports are stored, long before the batch could end.
    const killedDb = path.join(dir, "killed.sqlite");
    const child = spawn(process.execPath, [cli, "ingest", "in", "--db", "killed.sqlite", "--jobs", "2"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    while (storedCount(killedDb) < 3) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const partial = contentOf(killedDb);
    expect(partial.size).toBeGreaterThanOrEqual(3);
    expect(partial.size).toBeLessThan(reference.size);
    for (const [file, report] of partial) expect(report, file).toEqual(reference.get(file));

    const again = ingest(dir, "killed.sqlite");
    expect(again.status, again.stderr).toBe(0);
    const lines = again.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("skipped "))).toHaveLength(partial.size);
    expect(lines.at(-1)).toMatch(new RegExp(`^${files} files: .*1 duplicates, ${partial.size} skipped;`));
    expect(contentOf(killedDb)).toEqual(reference);
  }, 300_000);
});
