// The seed report rendered as a PDF (corpus/seed) read back: every cell of
// all nine tables must come out exactly as its truth says — value, row key,
// column key, printed row name — with no cell missing and none spurious.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { Report, type Table } from "../schemas/canonical.js";
import { extractPdf, type Extraction } from "../src/extract/index.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const truth = Report.parse(JSON.parse(readFileSync(path.join(repo, "corpus/seed/hongshan-grid-2021.truth.json"), "utf8")));
let got: Extraction;

beforeAll(async () => {
  got = await extractPdf(new Uint8Array(readFileSync(path.join(repo, truth.file))));
});

const cellMap = (t: Table): Map<string, number | null> => new Map(t.cells.map((c) => [`${c.row}|${c.col}`, c.value]));

describe("seed PDF → canonical tables", () => {
  it("reads the report's metadata", () => {
    expect(got.unit).toBe(truth.unit);
    expect(got.year).toBe(truth.year);
    expect(got.printed_unit).toBe(truth.printed_unit);
    expect(got.kind).toBe("final");
    expect(got.page_count).toBe(truth.page_count);
  });

  it("finds exactly the nine standard tables", () => {
    expect(got.tables.filter((t) => t.kind === "standard").map((t) => t.id)).toEqual(truth.tables.map((t) => t.id));
  });

  for (const want of truth.tables) {
    it(`${want.id}: pages, rows, every cell`, () => {
      const t = got.tables.find((k) => k.id === want.id)!;
      expect(t.pages).toEqual(want.pages);
      expect(t.title).toBe(want.title);
      expect(Boolean(t.empty)).toBe(Boolean(want.empty));
      expect(t.rows.map((r) => [r.key, r.name])).toEqual(want.rows.map((r) => [r.key, r.name]));
      // Same cell set, same values: a missing or spurious cell fails as surely as a wrong figure.
      expect(Object.fromEntries(cellMap(t))).toEqual(Object.fromEntries(cellMap(want)));
    });
  }

  it("scores 100% cell accuracy over the whole report", () => {
    const all = truth.tables.flatMap((w) => {
      const g = cellMap(got.tables.find((k) => k.id === w.id)!);
      return w.cells.map((c) => g.has(`${c.row}|${c.col}`) && g.get(`${c.row}|${c.col}`) === c.value);
    });
    expect(all.length).toBe(523);
    expect(all.filter(Boolean).length).toBe(all.length);
  });
});
