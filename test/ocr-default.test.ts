// A crawl's scanned reports are read without asking: ingest reads pages with no
// usable text layer by OCR by default, counts them in its summary, and --no-ocr
// makes such a report fail saying why, as before.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openPages } from "../src/review/render.js";
import { makeScannedPdf } from "./support/pdfs.js";
import { juesuan } from "./support/run-cli.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The seed's 表1 page drawn by pdf.js and placed as the one image of a page: a scan, no text. */
async function scanOfT1(dir: string): Promise<string> {
  const pages = await openPages(new Uint8Array(readFileSync(path.join(repo, "corpus/seed/hongshan-grid-2021.pdf"))));
  try {
    const { width, height } = await pages.size(5);
    const img = await pages.crop(5, [0, 0, width, height], [0, 0, width, height]);
    const file = path.join(dir, "scan.pdf");
    writeFileSync(file, await makeScannedPdf([{ jpeg: Buffer.from(img.dataUri.split(",")[1]!, "base64"), width, height }]));
    return file;
  } finally {
    await pages.close();
  }
}

describe("ingest and a scanned report", () => {
  it("reads it by OCR with no flag, and says how many pages OCR read", async () => {
    const dir = tempDir();
    const run = await juesuan("ingest", await scanOfT1(dir), "--db", path.join(dir, "j.sqlite"), "--jobs", "1");
    expect(run.status, run.stderr).toBe(0);
    const [line, summary] = run.stdout.trim().split("\n");
    expect(line).toMatch(/^ok\s/);
    expect(line).toContain("T1");
    expect(summary).toMatch(/1 pages in [\d.]+ s \([\d.]+ pages\/s\), 1 read by OCR -> /);
    expect(run.stderr).not.toMatch(/Total count|Median/);
  }, 180_000);

  it("fails it with the reason under --no-ocr", async () => {
    const dir = tempDir();
    const run = await juesuan("ingest", await scanOfT1(dir), "--db", path.join(dir, "j.sqlite"), "--no-ocr");
    expect(run.status, run.stderr).toBe(0);
    const [line, summary] = run.stdout.trim().split("\n");
    expect(line).toMatch(/^failed\s.*needs OCR: 1 of 1 pages have no usable text layer .*unless --no-ocr is given$/);
    expect(summary).not.toContain("read by OCR");
  }, 60_000);

  it("takes one of --ocr and --no-ocr, not both", async () => {
    const run = await juesuan("ingest", "scan.pdf", "--ocr", "--no-ocr");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Expected one of --ocr and --no-ocr, got both/);
  });
});
