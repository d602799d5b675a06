// The text layer's health decides, page by page, whether a page is read from
// its text or must be recognised from its image (OCR). Text-layer PDFs never
// go to OCR; a scan does, and until OCR lands its report fails saying why.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractPdf } from "../src/extract/index.js";
import { processFile } from "../src/pipeline/process-file.js";
import { openPages } from "../src/review/render.js";
import { makeScannedPdf } from "./support/pdfs.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const real = path.resolve(repo, "../shared/real");
const pdfsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")).map((f) => path.join(dir, f)) : []);

describe("text-layer PDFs are read from their text layer", () => {
  const files = [
    path.join(repo, "corpus/seed/hongshan-grid-2021.pdf"),
    ...pdfsIn(path.join(repo, "corpus/libreoffice")),
    ...pdfsIn(path.join(real, "final")),
    ...pdfsIn(path.join(real, "budget")),
  ];

  it.each(files.map((f) => [path.relative(repo, f), f]))("%s: no page routed to OCR", async (_name, file) => {
    const x = await extractPdf(new Uint8Array(readFileSync(file)));
    expect(x.pages).toHaveLength(x.page_count);
    const ocr = x.pages.filter((p) => p.route === "ocr").map((p) => `${p.page}: ${p.reasons.join("; ")}`);
    expect(ocr).toEqual([]);
    // Pages with text score high: Chinese, figures and punctuation only.
    for (const p of x.pages.filter((q) => q.route === "text")) expect(p.score, `page ${p.page}`).toBeGreaterThanOrEqual(0.9);
  });
});

describe("a scanned report", () => {
  it("routes its pages to OCR with the reason, and fails saying OCR is needed, with the routes stored", async () => {
    // The seed's T1 and T3 pages, rendered by pdf.js and placed as images on pages of their own.
    const pages = await openPages(new Uint8Array(readFileSync(path.join(repo, "corpus/seed/hongshan-grid-2021.pdf"))));
    const images: { jpeg: Buffer; width: number; height: number }[] = [];
    try {
      for (const n of [5, 7]) {
        const { width, height } = await pages.size(n);
        const img = await pages.crop(n, [0, 0, width, height], [0, 0, width, height]);
        images.push({ jpeg: Buffer.from(img.dataUri.split(",")[1]!, "base64"), width, height });
      }
    } finally {
      await pages.close();
    }
    const file = path.join(tempDir(), "scan.pdf");
    writeFileSync(file, await makeScannedPdf(images));

    const x = await extractPdf(new Uint8Array(readFileSync(file)));
    expect(x.pages.map((p) => p.route)).toEqual(["ocr", "ocr"]);
    for (const p of x.pages) expect(p.reasons.join()).toMatch(/no text layer; an image covers (9\d|100)% of the page/);

    const report = await processFile(file, "scan.pdf");
    expect(report.status).toBe("failed");
    expect(report.error).toMatch(/^needs OCR: 2 of 2 pages have no usable text layer/);
    expect(report.pages?.map((p) => p.route)).toEqual(["ocr", "ocr"]);
  });
});
