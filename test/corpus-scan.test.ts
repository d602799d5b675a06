// The scanned and garbled-font corpus (src/corpus/scan/) on the seed, with no
// OCR: a scan has no text layer and routes to OCR at the source's page sizes,
// tilted and toned as asked; a garbled copy routes to OCR yet draws exactly
// as the original; their truths carry the degradation the scorer groups by.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { degradedTruth, sha256, type TruthJson } from "../src/corpus/truth.js";
import { pickScanParams, type ScanParams } from "../src/corpus/scan/params.js";
import { scanPdf } from "../src/corpus/scan/scan-pdf.js";
import { writeScan } from "../src/corpus/scan/write.js";
import { degradationGroups, groupFigures } from "../src/eval/aggregate.js";
import type { ReportScore } from "../src/eval/score.js";
import { loadTruth } from "../src/eval/truth.js";
import { SEED_VARIANT } from "../src/corpus/variant.js";
import { canvasFactoryOf, drawPage, pageSize } from "../src/source/canvas.js";
import { pageHealth } from "../src/source/health.js";
import { openPdf, readPage } from "../src/source/pdf.js";
import { estimateSkew } from "../src/ocr/deskew.js";
import { tempDir } from "./support/temp.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SEED = "corpus/seed/hongshan-grid-2021.pdf";
const seedBytes = (): Uint8Array => new Uint8Array(readFileSync(path.join(repo, SEED)));
/** 表1: a landscape page whose table is ruled edge to edge. */
const T1_PAGE = 5;

interface Gray {
  readonly width: number;
  readonly height: number;
  readonly lum: Uint8Array;
}

/** Page `n` of `pdf` drawn by pdf.js at `dpi`, as luminance. */
async function render(pdf: Uint8Array, n: number, dpi: number): Promise<Gray> {
  const { doc } = await openPdf(pdf);
  try {
    const factory = canvasFactoryOf(doc);
    const drawn = await drawPage(doc, factory, n, dpi / 72);
    const { width, height } = drawn.canvas;
    const rgba = drawn.context.getImageData(0, 0, width, height).data;
    factory.destroy(drawn);
    const lum = new Uint8Array(width * height);
    for (let i = 0; i < lum.length; i++) lum[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
    return { width, height, lum };
  } finally {
    await doc.destroy();
  }
}

/**
 * The tilt of the page's lines, in degrees counter-clockwise (as the scan
 * records it): the OCR route's own measure (ocr/deskew.ts), whose positive
 * angle is content running down to the right, i.e. clockwise.
 */
const detectSkew = (img: Gray): number => -estimateSkew(img.lum, img.width, img.height);

const median = (values: Uint8Array): number => {
  const counts = new Array<number>(256).fill(0);
  for (const v of values) counts[v]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) if ((seen += counts[v]!) >= values.length / 2) return v;
  return 255;
};

describe("a scan of seed pages", () => {
  it.each<[string, ScanParams]>([
    ["tilted counter-clockwise, grain", { dpi: 150, skew: 1.2, noise: { kind: "gaussian", amount: 5 }, jpeg: 75, grey: 240, seed: 7 }],
    ["tilted clockwise, specks", { dpi: 100, skew: -1.6, noise: { kind: "salt-pepper", amount: 0.001 }, jpeg: 65, grey: 236, seed: 8 }],
  ])("%s: no text layer, routes to OCR, same page sizes, tilted and toned as recorded", async (_name, params) => {
    const source = seedBytes();
    const pages = [T1_PAGE, 1];
    const { pdf, record } = await scanPdf(source, params, { pages });
    expect(record.page_skews).toHaveLength(2);
    // Each page a little off the document's skew, same sign, within 0.2°.
    for (const a of record.page_skews) expect(Math.abs(a - params.skew)).toBeLessThanOrEqual(0.2 + 1e-9);

    const [src, scan] = [await openPdf(source), await openPdf(pdf)];
    try {
      expect(scan.pageCount).toBe(2);
      for (const [i, n] of pages.entries()) {
        expect(await pageSize(scan.doc, i + 1)).toEqual(await pageSize(src.doc, n));
        const model = await readPage(scan.doc, i + 1);
        expect(model.runs).toEqual([]);
        const health = pageHealth(model);
        expect(health.route).toBe("ocr");
        expect(health.reasons.join()).toMatch(/no text layer; an image covers 100% of the page/);
      }
    } finally {
      await src.doc.destroy();
      await scan.doc.destroy();
    }

    const img = await render(pdf, 1, params.dpi);
    // Paper, not white: most of the page is background, at the grey asked (noise and JPEG aside).
    expect(Math.abs(median(img.lum) - params.grey)).toBeLessThanOrEqual(4);
    // The table's rulings and lines lie at the angle recorded for the page; the source's are level.
    expect(Math.abs(detectSkew(img) - record.page_skews[0]!)).toBeLessThan(0.05);
    expect(Math.abs(detectSkew(await render(source, T1_PAGE, params.dpi)))).toBeLessThan(0.05);
  });

  it("picks mild parameters from the seed, the same every time", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const p = pickScanParams(200, seed);
      expect(p).toEqual(pickScanParams(200, seed));
      expect(Math.abs(p.skew)).toBeGreaterThanOrEqual(0.5);
      expect(Math.abs(p.skew)).toBeLessThanOrEqual(2);
      expect(p.jpeg).toBeGreaterThanOrEqual(60);
      expect(p.jpeg).toBeLessThanOrEqual(85);
      expect(p.grey).toBeGreaterThanOrEqual(235);
      expect(p.grey).toBeLessThanOrEqual(245);
      expect(["salt-pepper", "gaussian"]).toContain(p.noise.kind);
    }
    const signs = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => Math.sign(pickScanParams(200, s).skew)));
    expect(signs).toEqual(new Set([1, -1]));
  });
});

describe("a garbled copy of the seed", () => {
  it("routes every page to OCR, draws exactly as the original, and has a truth that says so", async () => {
    // The job as `npm run corpus:scans` runs it, in a root of its own.
    const root = tempDir();
    mkdirSync(path.join(root, "corpus/seed"), { recursive: true });
    for (const f of [SEED, SEED.replace(/\.pdf$/, ".truth.json")]) copyFileSync(path.join(repo, f), path.join(root, f));
    const written = await writeScan({ root, jobs: [] }, { kind: "garble", source: SEED });
    expect(written.pdfPath).toBe("corpus/scans/hongshan-grid-2021-garbled.pdf");

    const original = seedBytes();
    const garbled = new Uint8Array(readFileSync(path.join(root, written.pdfPath)));
    // Same length, and only font-dictionary entries blanked: every other byte (the xref's offsets) as it was.
    expect(garbled.length).toBe(original.length);
    const changed = [...garbled.keys()].filter((i) => garbled[i] !== original[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((i) => garbled[i] === 0x20)).toBe(true);

    // The original reads as text; the copy's text layer is gibberish on every page.
    const { doc } = await openPdf(original);
    try {
      expect(pageHealth(await readPage(doc, T1_PAGE)).route).toBe("text");
    } finally {
      await doc.destroy();
    }
    expect(written.health).toHaveLength(29);
    expect(written.health.filter((h) => h.route !== "ocr")).toEqual([]);
    expect(Math.max(...written.health.map((h) => h.score))).toBeLessThan(0.75);

    // What OCR reads is unchanged: pixel for pixel the same drawing.
    for (const n of [1, T1_PAGE]) {
      const [a, b] = [await render(original, n, 72), await render(garbled, n, 72)];
      expect(b.lum.length).toBe(a.lum.length);
      expect(b.lum.every((v, i) => v === a.lum[i])).toBe(true);
    }

    const truth = await loadTruth(path.join(root, written.truthPath));
    expect(truth.report.file).toBe(written.pdfPath);
    expect(truth.report.sha256).toBe(sha256(garbled));
    expect(truth.degradation).toEqual({ scan: null, garbled: true });
    expect(truth.report.tables.length).toBe(9);
  });
});

describe("the scorer's groups for degraded reports", () => {
  const score = (file: string): ReportScore => ({
    file,
    kindOk: true,
    tables: { truth: 9, found: 9, correct: 9 },
    cells: { truth: 10, exact: 10, spurious: 0 },
    names: { truth: 5, exact: 5 },
    meta: { unit: true, year: true, printedUnit: true },
    faults: { expected: 0, found: 0 },
    seams: { expected: 0, found: 0 },
    extras: { expected: 0, found: 0 },
    falseAlarms: 0,
    ocrMarked: 0,
    misses: [],
  });

  it("groups a scan by dpi, noise and skew and a garbled report as garbled=true; text-layer reports gain no group", async () => {
    const seedTruth = JSON.parse(readFileSync(path.join(repo, SEED.replace(/\.pdf$/, ".truth.json")), "utf8")) as TruthJson;
    const record = { ...pickScanParams(150, 3), page_skews: [] };
    const json = degradedTruth(seedTruth, "corpus/scans/x-scan150.pdf", new Uint8Array([1, 2, 3]), "PDFKit", { scan: record, garbled: false });
    const file = path.join(tempDir(), "x-scan150.truth.json");
    writeFileSync(file, JSON.stringify(json));
    const truth = await loadTruth(file);
    expect(truth.degradation.scan?.dpi).toBe(150);
    expect(degradationGroups(truth.degradation)).toEqual([
      "scan.dpi=150",
      `scan.noise=${record.noise.kind}`,
      `scan.skew=${Math.abs(record.skew) < 1 ? "<1°" : "1-2°"}`,
    ]);

    const text = [{ score: score("a.pdf"), variant: SEED_VARIANT }];
    const plain = groupFigures(text).map((g) => g.group);
    expect(plain.some((g) => g.startsWith("scan.") || g.startsWith("garbled"))).toBe(false);
    expect(groupFigures([...text, { score: score("b.pdf"), variant: SEED_VARIANT, degradation: { scan: null, garbled: false } }]).map((g) => g.group)).toEqual(plain);
    const mixed = groupFigures([...text, { score: score("c.pdf"), variant: SEED_VARIANT, degradation: truth.degradation }, { score: score("d.pdf"), variant: SEED_VARIANT, degradation: { scan: null, garbled: true } }]);
    expect(mixed.find((g) => g.group === "scan.dpi=150")?.reports).toBe(1);
    expect(mixed.find((g) => g.group === "garbled=true")?.reports).toBe(1);
    expect(mixed.find((g) => g.group === "all")?.reports).toBe(3);
  });
});
