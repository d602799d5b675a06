// The OCR building blocks on real input: rulings found in a rendered page
// against the PDF's own vector rulings, and a scanned page (the seed's 表3,
// rendered at 200 dpi, placed as a JPEG with no text) recognised offline.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { canvasFactoryOf, drawPage } from "../src/source/canvas.js";
import { openPdf, readPage } from "../src/source/pdf.js";
import { TruthFile } from "../src/eval/truth.js";
import { ocrPage } from "../src/ocr/page.js";
import { closeOcr } from "../src/ocr/pool.js";
import { findAndEraseRulings } from "../src/ocr/rulings.js";
import { estimateSkew, unskew } from "../src/ocr/deskew.js";
import { grayOf } from "../src/ocr/ink.js";
import { scanPdf } from "../src/corpus/scan/scan-pdf.js";
import { ingestFiles } from "../src/pipeline/ingest.js";
import { open } from "../src/store/index.js";
import { makePdf, makeScannedPdf } from "./support/pdfs.js";
import { tempDir } from "./support/temp.js";
import { exactCells } from "./support/cells.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seedPdf = path.join(repo, "corpus/seed/hongshan-grid-2021.pdf");
const T3_PAGE = 7;

afterAll(async () => closeOcr());

describe("rulings in a page image", () => {
  it("finds the seed 表3's vector rulings in its 300 dpi rendering, and nothing else", async () => {
    const { doc } = await openPdf(new Uint8Array(readFileSync(seedPdf)));
    try {
      const vector = (await readPage(doc, T3_PAGE)).segments.filter((s) => Math.hypot(s.x1 - s.x0, s.y1 - s.y0) >= 20);
      const factory = canvasFactoryOf(doc);
      const scale = 300 / 72;
      const drawn = await drawPage(doc, factory, T3_PAGE, scale);
      const pixelsWide = drawn.canvas.width;
      const gray = grayOf(drawn.context.getImageData(0, 0, drawn.canvas.width, drawn.canvas.height).data, drawn.canvas.width, drawn.canvas.height);
      const found = findAndEraseRulings(gray, drawn.canvas.width, drawn.canvas.height, scale);
      factory.destroy(drawn);
      // A found segment lies on a vector ruling (same axis, within 1.5 pt); every vector ruling is covered.
      const on = (f: (typeof found)[number], v: (typeof vector)[number]): boolean =>
        f.y0 === f.y1
          ? v.y0 === v.y1 && Math.abs(f.y0 - v.y0) <= 1.5 && f.x0 >= Math.min(v.x0, v.x1) - 1.5 && f.x1 <= Math.max(v.x0, v.x1) + 1.5
          : v.x0 === v.x1 && Math.abs(f.x0 - v.x0) <= 1.5 && f.y0 >= Math.min(v.y0, v.y1) - 1.5 && f.y1 <= Math.max(v.y0, v.y1) + 1.5;
      expect(vector.length).toBeGreaterThan(20);
      expect(found.filter((f) => !vector.some((v) => on(f, v)))).toEqual([]);
      const covered = vector.filter((v) => found.some((f) => on(f, v) || (f.y0 === f.y1 ? v.y0 === v.y1 && Math.abs(f.y0 - v.y0) <= 1.5 : v.x0 === v.x1 && Math.abs(f.x0 - v.x0) <= 1.5)));
      expect(covered.length).toBe(vector.length);
      // Erased in place: white where a ruling was drawn.
      const h = found.find((f) => f.y0 === f.y1)!;
      expect(gray[Math.round(h.y0 * scale) * pixelsWide + Math.round(((h.x0 + h.x1) / 2) * scale)]).toBe(255);
    } finally {
      await doc.destroy();
    }
  });

  it("finds a column ruling whole across evenly pitched rows, where every row ruling crosses it", async () => {
    // 24 rows 15 pt apart at 300 dpi: evenly spaced thickness samples along the
    // column ruling can all land on a crossing; the ruling is thin all the same.
    const { doc } = await openPdf(new Uint8Array(await makePdf({ pages: 1 })));
    try {
      const factory = canvasFactoryOf(doc);
      const scale = 300 / 72;
      const px = (pt: number): number => Math.round(pt * scale);
      const [top, pitch, left, right, rows] = [px(60), px(15), px(40), px(400), 24];
      const drawn = factory.create(right + 100, top + pitch * rows + 100);
      const ctx = drawn.context;
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, drawn.canvas.width, drawn.canvas.height);
      ctx.fillStyle = "#000000";
      for (let r = 0; r <= rows; r++) ctx.fillRect(left, top + r * pitch, right - left, 3);
      const xs = [left, px(200), right];
      for (const x of xs) ctx.fillRect(x, top, 3, pitch * rows + 3);
      const image = ctx.getImageData(0, 0, drawn.canvas.width, drawn.canvas.height);
      const found = findAndEraseRulings(grayOf(image.data, drawn.canvas.width, drawn.canvas.height), drawn.canvas.width, drawn.canvas.height, scale);
      factory.destroy(drawn);
      const whole = (length: number): number => (length / scale) * 0.99;
      const columns = found.filter((f) => f.x0 === f.x1 && f.y1 - f.y0 >= whole(rows * pitch));
      const rowRulings = found.filter((f) => f.y0 === f.y1 && f.x1 - f.x0 >= whole(right - left));
      for (const x of xs) expect(columns.some((f) => Math.abs(f.x0 * scale - x) <= 4)).toBe(true);
      for (let r = 0; r <= rows; r++) expect(rowRulings.some((f) => Math.abs(f.y0 * scale - (top + r * pitch)) <= 4)).toBe(true);
    } finally {
      await doc.destroy();
    }
  });
});

describe("a scanned page read by OCR", () => {
  it("recognises the figures of the seed 表3 from a 200 dpi scan, with its rulings as segments", async () => {
    // The scan: the page drawn at 200 dpi, as a JPEG, with no text layer.
    const { doc } = await openPdf(new Uint8Array(readFileSync(seedPdf)));
    const factory = canvasFactoryOf(doc);
    const drawn = await drawPage(doc, factory, T3_PAGE, 200 / 72);
    const jpeg = drawn.canvas.toBuffer("image/jpeg", 85);
    const size = { width: (drawn.canvas.width * 72) / 200, height: (drawn.canvas.height * 72) / 200 };
    factory.destroy(drawn);
    // The figures the text layer prints on that page.
    const figures = (await readPage(doc, T3_PAGE)).runs.map((r) => r.text.trim()).filter((t) => /^[\d,]+\.\d\d$/.test(t));
    await doc.destroy();
    const file = path.join(tempDir(), "scan.pdf");
    writeFileSync(file, await makeScannedPdf([{ jpeg, ...size }]));

    const scan = await openPdf(new Uint8Array(readFileSync(file)));
    try {
      expect((await readPage(scan.doc, 1)).runs).toEqual([]);
      const page = await ocrPage(scan.doc, 1);
      expect(page.segments.filter((s) => s.x0 === s.x1).length).toBeGreaterThan(5);
      expect(page.segments.filter((s) => s.y0 === s.y1).length).toBeGreaterThan(10);
      const read = page.runs.map((r) => r.text.replace(/\s+/g, ""));
      const found = figures.filter((f) => read.includes(f));
      console.log(`ocr: ${found.length}/${figures.length} figures of the seed 表3 read exactly from a 200 dpi scan`);
      // Measured: what share of the printed figures OCR reads exactly (no digits-only second pass yet).
      expect(figures.length).toBeGreaterThan(30);
      expect(found.length / figures.length).toBeGreaterThanOrEqual(0.9);
      for (const r of page.runs) expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(read.join("")).toContain("一般公共服务支出");
    } finally {
      await scan.doc.destroy();
    }
  }, 120_000);
});

describe("a degraded scan of 表1 and 表3 ingested with ocr: true", () => {
  it("stores the seed truth's figures with their confidence, and marks every finding beyond rounding as read by OCR", async () => {
    // Tilted 1.2°, salt-and-pepper specks, JPEG 70, grey paper: the scan corpus's degradations, at 200 dpi.
    const params = { dpi: 200, skew: 1.2, noise: { kind: "salt-pepper" as const, amount: 0.001 }, jpeg: 70, grey: 238, seed: 7 };
    const { pdf, record } = await scanPdf(new Uint8Array(readFileSync(seedPdf)), params, { pages: [5, T3_PAGE] });
    expect(record.page_skews.every((a) => Math.abs(a) >= 1)).toBe(true);
    const dir = tempDir();
    const file = path.join(dir, "scan.pdf");
    writeFileSync(file, pdf);
    const store = open(path.join(dir, "scan.sqlite"));
    try {
      for await (const r of ingestFiles([file], store, { ocr: true })) expect(r.status).toBe("ok");
      const [report] = store.loadReports();
      expect(report!.pages!.map((p) => p.route)).toEqual(["ocr", "ocr"]);
      const truth = TruthFile.parse(JSON.parse(readFileSync(seedPdf.replace(/\.pdf$/, ".truth.json"), "utf8")));
      const share = (id: string): number => {
        const want = truth.tables.find((t) => t.id === id)!;
        const exact = exactCells(want, report!);
        console.log(`ocr: ${id} ${exact}/${want.cells.length} cells exact from a tilted, speckled 200 dpi scan`);
        return exact / want.cells.length;
      };
      expect(share("T1")).toBeGreaterThanOrEqual(0.97);
      expect(share("T3")).toBeGreaterThanOrEqual(0.97);
      // Every figure OCR read keeps its confidence in the database.
      const figures = report!.tables.flatMap((t) => t.cells).filter((c) => c.value !== null);
      expect(figures.length).toBeGreaterThan(40);
      for (const c of figures) expect(c.confidence).toBeGreaterThan(0);
      // Nothing beyond rounding is reported as a publication error without saying the figures came from OCR.
      const beyond = report!.findings.filter((f) => !f.within_rounding && f.severity !== "info" && f.expected !== null && f.table !== "narrative");
      for (const f of beyond) {
        expect(f.ocr, f.message).toBeDefined();
        expect(f.message).toContain("经OCR识别");
      }
    } finally {
      store.close();
    }
  }, 240_000);
});

describe("a tilted page", () => {
  it("measures the tilt of the seed 表3 turned by a known angle, and turns it back straight", async () => {
    const { doc } = await openPdf(new Uint8Array(readFileSync(seedPdf)));
    try {
      const factory = canvasFactoryOf(doc);
      const scale = 150 / 72;
      const drawn = await drawPage(doc, factory, T3_PAGE, scale);
      const { width, height } = drawn.canvas;
      const straight = { gray: grayOf(drawn.context.getImageData(0, 0, width, height).data, width, height), width, height };
      factory.destroy(drawn);
      const measure = (p: typeof straight): number => estimateSkew(p.gray, p.width, p.height);
      expect(Math.abs(measure(straight))).toBeLessThan(0.05);
      for (const angle of [1.3, -0.7]) {
        // unskew(·, -angle) turns the page by +angle: the content then runs down to the right by `angle`.
        const tilted = unskew(straight, -angle);
        const found = measure(tilted);
        expect(Math.abs(found - angle)).toBeLessThan(0.1);
        const back = unskew(tilted, found);
        expect(Math.abs(measure(back))).toBeLessThan(0.1);
        // Turned there and back, the page is the page: its ink where it was, its margins white.
        const inked = (p: typeof straight): number => p.gray.reduce((n, v) => n + (v < 160 ? 1 : 0), 0);
        expect(Math.abs(inked(back) - inked(straight)) / inked(straight)).toBeLessThan(0.05);
        expect(back.gray[0]).toBe(255);
      }
    } finally {
      await doc.destroy();
    }
  });
});
