// A scanned report printed without ruling lines, read by OCR: the planned
// corpus's first portrait, unruled report in 万元 (made here), its 表1–表4
// scanned at 200 dpi with the scan corpus's degradations, ingested with
// ocr: true. There is no grid to cut cells by: wrapped headers, labels on two
// lines beside their figures and rows tesseract drops whole are read from the
// ink's own blocks (ocr/blocks.ts, ocr/cells.ts).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writePlannedCorpus } from "../src/corpus/generate.js";
import { scanPdf } from "../src/corpus/scan/scan-pdf.js";
import { TruthFile } from "../src/eval/truth.js";
import { closeOcr } from "../src/ocr/pool.js";
import { ingestFiles } from "../src/pipeline/ingest.js";
import { open } from "../src/store/index.js";
import { tempDir } from "./support/temp.js";
import { exactCells } from "./support/cells.js";

afterAll(async () => closeOcr());

describe("a scanned report printed without rulings", () => {
  it("reads 表1–表4 from a tilted, speckled 200 dpi scan as the truth prints them", async () => {
    const root = tempDir();
    const { written } = await writePlannedCorpus({
      root,
      outDir: "gen",
      pick: (e) => !e.variant.ruled && e.variant.orientation === "portrait" && !e.variant.rotated && e.variant.producer === "pdfkit" && e.variant.unit === "万元",
    });
    const source = written[0]!;
    const truth = TruthFile.parse(JSON.parse(readFileSync(path.join(root, source.replace(/\.pdf$/, ".truth.json")), "utf8")));
    const ids = ["T1", "T2", "T3", "T4"];
    const pages = [...new Set(truth.tables.filter((t) => ids.includes(t.id)).flatMap((t) => t.pages))].sort((a, b) => a - b);
    expect(pages.length).toBeGreaterThanOrEqual(4);

    const params = { dpi: 200, skew: 0.8, noise: { kind: "salt-pepper" as const, amount: 0.001 }, jpeg: 75, grey: 240, seed: 11 };
    const { pdf } = await scanPdf(new Uint8Array(readFileSync(path.join(root, source))), params, { pages });
    const file = path.join(root, "scan.pdf");
    writeFileSync(file, pdf);
    const store = open(path.join(root, "scan.sqlite"));
    try {
      for await (const r of ingestFiles([file], store, { ocr: true })) expect(r.status).toBe("ok");
      const [report] = store.loadReports();
      expect(report!.pages!.every((p) => p.route === "ocr")).toBe(true);
      let exact = 0;
      let total = 0;
      for (const id of ids) {
        const want = truth.tables.find((t) => t.id === id)!;
        const ok = exactCells(want, report!);
        console.log(`ocr unruled: ${id} ${ok}/${want.cells.length} cells exact (${source})`);
        // Every table is found, and most of it read exactly.
        expect(ok / want.cells.length, id).toBeGreaterThanOrEqual(0.9);
        exact += ok;
        total += want.cells.length;
      }
      // Measured 552/552 (the plan's pick: a per-glyph report whose tables run over three pages, headers not repeated).
      expect(exact / total).toBeGreaterThanOrEqual(0.96);
    } finally {
      store.close();
    }
  }, 300_000);
});
