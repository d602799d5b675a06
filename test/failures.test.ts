// Broken files end as failed reports with a reason saying what is wrong, and
// the batch goes on. The PDFs are made here (pdfkit), not taken from shared/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InputError, listPdfFiles } from "../src/pipeline/files.js";
import { ingestFiles, type IngestResult } from "../src/pipeline/ingest.js";
import { open } from "../src/store/index.js";
import { makePdf } from "./support/pdfs.js";
import { tempDir } from "./support/temp.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function ingestFolder(dir: string, dbPath: string): Promise<IngestResult[]> {
  const store = open(dbPath);
  try {
    const results: IngestResult[] = [];
    for await (const r of ingestFiles(await listPdfFiles([dir]), store, { jobs: 3 })) results.push(r);
    return results;
  } finally {
    store.close();
  }
}

describe("a folder of broken files", () => {
  it("stores each broken file as failed with what is wrong, and still stores the valid one", async () => {
    const root = tempDir();
    const dir = path.join(root, "in");
    fs.mkdirSync(dir);
    const valid = await makePdf({ pages: 3 });
    fs.writeFileSync(path.join(dir, "a-valid.pdf"), valid);
    fs.writeFileSync(path.join(dir, "b-truncated.pdf"), valid.subarray(0, Math.floor(valid.length / 2)));
    fs.writeFileSync(path.join(dir, "c-text.pdf"), "This is a plain text file with a .pdf name.\n");
    fs.writeFileSync(path.join(dir, "d-encrypted.pdf"), await makePdf({ userPassword: "secret" }));
    fs.writeFileSync(path.join(dir, "e-empty.pdf"), "");

    const results = await ingestFolder(dir, path.join(root, "db", "j.sqlite"));

    // Results come in the order files finish; every file has one.
    expect(results.map((r) => path.basename(r.file)).sort()).toEqual([
      "a-valid.pdf",
      "b-truncated.pdf",
      "c-text.pdf",
      "d-encrypted.pdf",
      "e-empty.pdf",
    ]);
    const byName = new Map(results.map((r) => [path.basename(r.file), r]));
    const expectFailed = (name: string, reason: RegExp) => {
      const r = byName.get(name);
      expect(r?.status, name).toBe("failed");
      expect(r?.reason, name).toMatch(reason);
      expect(r?.reason, name).not.toContain("\n");
    };
    expectFailed("b-truncated.pdf", /damaged|truncated/i);
    expectFailed("c-text.pdf", /not a PDF/i);
    expectFailed("d-encrypted.pdf", /encrypted/i);
    expectFailed("e-empty.pdf", /empty/i);

    // The valid file was opened and read: its pages are counted, and if it
    // fails it is for what it says (no final accounts), not for being broken.
    const ok = byName.get("a-valid.pdf");
    expect(ok?.pages).toBe(3);
    expect(ok?.reason ?? "").not.toMatch(/damaged|encrypted|empty|not a PDF/i);

    // Every file has its row in the database, failed ones with their error and no tables.
    const store = open(path.join(root, "db", "j.sqlite"), { mustExist: true });
    const stored = store.loadReports();
    store.close();
    expect(stored.map((r) => path.basename(r.file))).toEqual([...byName.keys()].sort());
    for (const report of stored.filter((r) => r.status === "failed")) {
      expect(report.error, report.file).toBe(byName.get(path.basename(report.file))?.reason);
      expect(report.tables).toEqual([]);
    }
    expect(stored.find((r) => r.file.endsWith("a-valid.pdf"))?.page_count).toBe(3);
  });

  const realPdf = path.resolve(repoRoot, "../shared/real/final/putuo-shehuigongzuobu-2024.pdf");
  it.skipIf(!fs.existsSync(realPdf))("a real report cut in half fails as damaged", async () => {
    const root = tempDir();
    const bytes = fs.readFileSync(realPdf);
    fs.writeFileSync(path.join(root, "half.pdf"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const [result] = await ingestFolder(root, path.join(root, "j.sqlite"));
    expect(result?.status).toBe("failed");
    expect(result?.reason).toMatch(/damaged|truncated/i);
  });
});

describe("finding input files", () => {
  it("walks folders recursively for *.pdf in any case, sorted, and takes named files as given", async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, "b", "deeper"), { recursive: true });
    for (const name of ["z.pdf", "b/A.PDF", "b/deeper/m.Pdf", "notes.txt", "b/pdf", "b/x.pdf.bak"]) {
      fs.writeFileSync(path.join(root, name), "");
    }
    fs.writeFileSync(path.join(root, "named.txt"), "");
    const files = await listPdfFiles([root, path.join(root, "named.txt"), path.join(root, "z.pdf")]);
    expect(files.map((f) => path.relative(root, f).split(path.sep).join("/"))).toEqual([
      "b/A.PDF",
      "b/deeper/m.Pdf",
      "named.txt",
      "z.pdf",
    ]);
  });

  it("rejects a path that does not exist", async () => {
    await expect(listPdfFiles([path.join(tempDir(), "missing")])).rejects.toThrow(InputError);
  });
});
