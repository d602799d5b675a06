// Hostile files in a batch: each ends as a failed report with its reason, and
// the files after it are still read (by a fresh reader thread when the old one
// had to be stopped). The PDFs are made here.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { listPdfFiles } from "../src/pipeline/files.js";
import { ingestFiles, type IngestOptions, type IngestResult } from "../src/pipeline/ingest.js";
import { canvasFactoryOf, drawPage } from "../src/source/canvas.js";
import { openPdf } from "../src/source/pdf.js";
import { builtinsAreNative } from "../src/source/builtins.js";
import { open } from "../src/store/index.js";
import { makeHeavyPdf, makePdf, makeScannedPdf } from "./support/pdfs.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function ingest(files: Record<string, Buffer>, options: IngestOptions): Promise<{ results: Map<string, IngestResult>; stored: string[] }> {
  const dir = tempDir();
  for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), bytes);
  const store = open(path.join(dir, "j.sqlite"));
  try {
    const results = new Map<string, IngestResult>();
    for await (const r of ingestFiles(await listPdfFiles([dir]), store, options)) results.set(path.basename(r.file), r);
    return { results, stored: store.loadReports().map((r) => path.basename(r.file)) };
  } finally {
    store.close();
  }
}

describe("a batch with hostile files", () => {
  it("stops a file that keeps its reader busy past the stall limit, and reads the next with a new reader", async () => {
    // One page of a million rectangles: pdf.js works on it for many seconds, reading no page.
    const { results, stored } = await ingest(
      { "a-heavy.pdf": makeHeavyPdf(1_000_000), "b-fine.pdf": await makePdf({ pages: 2 }) },
      { jobs: 1, limits: { stallSeconds: 2 } },
    );
    expect(results.get("a-heavy.pdf")).toMatchObject({ status: "failed", reason: "timed out: no page read in 2 s" });
    const fine = results.get("b-fine.pdf");
    expect(fine?.pages).toBe(2);
    expect(fine?.reason ?? "").not.toMatch(/timed out|crashed|memory/);
    expect(stored.sort()).toEqual(["a-heavy.pdf", "b-fine.pdf"]);
  });

  it("gives up a document with more pages than the limit, and a page too large to draw for OCR", async () => {
    const seed = await openPdf(new Uint8Array(fs.readFileSync(path.join(repo, "corpus/seed/hongshan-grid-2021.pdf"))));
    const factory = canvasFactoryOf(seed.doc);
    const drawn = await drawPage(seed.doc, factory, 1, 0.5);
    const jpeg = drawn.canvas.toBuffer("image/jpeg", 80);
    factory.destroy(drawn);
    await seed.doc.destroy();
    // A scan of one page 5 m square: 7 billion pixels at 300 dpi.
    const huge = await makeScannedPdf([{ jpeg, width: 14_000, height: 14_000 }]);
    const { results } = await ingest({ "long.pdf": await makePdf({ pages: 12 }), "huge.pdf": huge }, { jobs: 2, ocr: true, limits: { maxPages: 10 } });
    expect(results.get("long.pdf")).toMatchObject({ status: "failed", reason: "too many pages: 12 (the limit is 10)" });
    expect(results.get("huge.pdf")?.status).toBe("failed");
    expect(results.get("huge.pdf")?.reason).toMatch(/^page 1 is 4939 × 4939 mm: too large to read by OCR \(\d+ million pixels at 300 dpi; the limit is 80\)$/);
  });
});

describe("pdf.js's polyfills", () => {
  it("leave the engine's own push and JSON in place once pdf.js has loaded and read a page", async () => {
    const { doc } = await openPdf(new Uint8Array(fs.readFileSync(path.join(repo, "corpus/seed/hongshan-grid-2021.pdf"))));
    await (await doc.getPage(5)).getOperatorList();
    await doc.destroy();
    expect(builtinsAreNative()).toBe(true);
  });
});
