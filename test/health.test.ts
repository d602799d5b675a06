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
import { garblePdf } from "../src/corpus/scan/garble.js";
import { pageHealth, type PageHealth } from "../src/source/health.js";
import { openPdf, readPage } from "../src/source/pdf.js";
import { makeScannedPdf } from "./support/pdfs.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const real = path.resolve(repo, "../shared/real");
const pdfsIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".pdf")).map((f) => path.join(dir, f)) : []);

/** Every page of `file` as health judges it. */
async function healthOf(file: string | Uint8Array): Promise<PageHealth[]> {
  const { doc, pageCount } = await openPdf(typeof file === "string" ? new Uint8Array(readFileSync(file)) : file);
  try {
    const out: PageHealth[] = [];
    for (let n = 1; n <= pageCount; n++) out.push(pageHealth(await readPage(doc, n)));
    return out;
  } finally {
    await doc.destroy();
  }
}

describe("text-layer PDFs are read from their text layer", () => {
  const files = [
    ...pdfsIn(path.join(repo, "corpus/libreoffice")),
    ...pdfsIn(path.join(repo, "corpus/chromium")),
    ...pdfsIn(path.join(repo, "corpus/calc")),
    ...pdfsIn(path.join(real, "final")),
    ...pdfsIn(path.join(real, "budget")),
  ];

  it("the seed: extraction reports every page's route, all from the text layer", async () => {
    const x = await extractPdf(new Uint8Array(readFileSync(path.join(repo, "corpus/seed/hongshan-grid-2021.pdf"))));
    expect(x.pages).toHaveLength(x.page_count);
    expect(x.pages.filter((p) => p.route === "ocr")).toEqual([]);
  });

  it.each(files.map((f) => [path.relative(repo, f), f]))("%s: no page routed to OCR, none doubted", async (_name, file) => {
    const pages = await healthOf(file);
    expect(pages.filter((p) => p.route === "ocr").map((p) => `${p.page}: ${p.reasons.join("; ")}`)).toEqual([]);
    // Nor doubted: every font's text reads as a report's text.
    expect(pages.filter((p) => p.suspect).map((p) => `${p.page}: ${p.reasons.join("; ")}`)).toEqual([]);
    // Pages with text score high: Chinese, figures and punctuation only.
    for (const p of pages.filter((q) => q.route === "text")) expect(p.score, `page ${p.page}`).toBeGreaterThanOrEqual(0.9);
  });
});

describe("fonts without a usable ToUnicode map, from producers we do not control", () => {
  // Chromium (Skia keeps a font's glyph ids: ideographs scattered over the CJK block) and
  // LibreOffice Calc (glyphs renumbered 1, 2, 3…: control codes and ASCII soup), their maps removed.
  const files = [...pdfsIn(path.join(repo, "corpus/chromium")), ...pdfsIn(path.join(repo, "corpus/calc"))];

  it.each(files.map((f) => [path.relative(repo, f), f]))("%s garbled: every page with text routes to OCR, its table pages by a font", async (_name, file) => {
    const { doc, pageCount } = await openPdf(garblePdf(new Uint8Array(readFileSync(file))).pdf);
    try {
      for (let n = 1; n <= pageCount; n++) {
        const page = await readPage(doc, n);
        const health = pageHealth(page);
        if (page.runs.length === 0) continue;
        expect(health.route, `page ${n}: ${health.reasons.join("; ")}`).toBe("ocr");
        // A table page: a ruled grid or many runs. Its figures' sound-looking ASCII does not hide the broken font.
        if (page.runs.length > 100) expect(health.reasons.join("; "), `page ${n}`).toMatch(/^(.*; )?font .*no usable ToUnicode map/);
      }
    } finally {
      await doc.destroy();
    }
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
