// The second producer's reports, as committed under corpus/libreoffice/ (no
// soffice needed): each PDF is LibreOffice's, matches its truth (hash, page
// count), prints every table's title on the truth's first page and every
// truth cell value on the table's pages, and draws table rules the way
// Writer exports them: one short stroked path per cell border on ruled
// variants, no rules at all on unruled ones.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ExportLine, type Report } from "../schemas/canonical.js";
import { printAmount } from "../src/corpus/compose/number-format.js";
import { planCorpus } from "../src/corpus/plan.js";
import { LIBREOFFICE_DIR } from "../src/corpus/producers/libreoffice/index.js";
import { sha256 } from "../src/corpus/truth.js";
import { Variant } from "../src/corpus/variant.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIR = path.join(ROOT, LIBREOFFICE_DIR);

interface Page {
  /** The page's text, whitespace removed. */
  readonly text: string;
  /** Stroked or filled paths, each with its number of segments. */
  readonly paths: readonly number[];
}

interface Committed {
  readonly id: string;
  readonly truth: Report;
  readonly variant: Variant;
  readonly bytes: Uint8Array;
  readonly producer: string;
  readonly pages: readonly Page[];
}

const norm = (s: string): string => s.replace(/\s+/g, "");

/** Segments in one constructPath (pdf.js 5: [paint op, [path data], bbox]; 0 = moveTo, 1 = lineTo). */
function segments(args: unknown): number {
  const data = (args as unknown[])[1] as ArrayLike<number>[] | undefined;
  const d = data?.[0];
  if (!d) return 0;
  let n = 0;
  for (let i = 0; i < d.length; ) {
    const op = d[i] ?? 0;
    if (op === 1) n++;
    // moveTo/lineTo take 2 numbers, curveTo 6, closePath none.
    i += op === 0 || op === 1 ? 3 : op === 2 ? 7 : 1;
  }
  return n;
}

async function readPdf(bytes: Uint8Array, tablePages: ReadonlySet<number>): Promise<{ producer: string; pages: Page[] }> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = norm(content.items.map((i) => ("str" in i ? (i as TextItem).str : "")).join(""));
    const paths: number[] = [];
    if (tablePages.has(n)) {
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, k) => {
        // Painted paths only: the page's own clip rectangle ends with endPath and is no rule.
        const paint = (ops.argsArray[k] as unknown[] | undefined)?.[0];
        if (fn === pdfjs.OPS.constructPath && paint !== pdfjs.OPS.endPath) paths.push(segments(ops.argsArray[k]));
      });
    }
    pages.push({ text, paths });
  }
  await doc.destroy();
  return { producer: typeof info["Producer"] === "string" ? info["Producer"] : "", pages };
}

const committed: Committed[] = [];

beforeAll(async () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".truth.json")).sort();
  for (const f of files) {
    const raw = JSON.parse(readFileSync(path.join(DIR, f), "utf8")) as Record<string, unknown>;
    const truth = ExportLine.parse(raw);
    const variant = Variant.parse(raw["variant"]);
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, truth.file)));
    const tablePages = new Set(truth.tables.flatMap((t) => t.pages));
    const { producer, pages } = await readPdf(bytes, tablePages);
    committed.push({ id: f.replace(/\.truth\.json$/, ""), truth, variant, bytes, producer, pages });
  }
});

describe("LibreOffice reports (corpus/libreoffice)", () => {
  it("are committed for every plan entry the LibreOffice producer prints", () => {
    const planned = planCorpus(1).filter((e) => e.variant.producer === "libreoffice").map((e) => e.id);
    expect(planned.length).toBeGreaterThan(10);
    expect(committed.map((c) => c.id)).toEqual(planned);
  });

  it("are LibreOffice's PDFs, the files their truths describe", () => {
    for (const c of committed) {
      expect(c.producer, c.id).toMatch(/^LibreOffice \d/);
      expect(c.truth.producer, c.id).toBe(c.producer);
      expect(c.truth.file, c.id).toBe(`${LIBREOFFICE_DIR}/${c.id}.pdf`);
      expect(c.truth.sha256, c.id).toBe(sha256(c.bytes));
      expect(c.truth.page_count, c.id).toBe(c.pages.length);
      // What an office suite cannot do is not claimed.
      expect(c.variant.producer, c.id).toBe("libreoffice");
      expect(c.variant.rotated, c.id).toBe(false);
      expect(c.variant.glyphs, c.id).toBe("runs");
    }
  });

  it("print each table's title on the first of the truth's pages, and on none of its later pages", () => {
    for (const c of committed) {
      expect(c.truth.tables.length, c.id).toBeGreaterThanOrEqual(8);
      let last = 0;
      for (const t of c.truth.tables) {
        const [first, ...rest] = t.pages;
        expect(first, `${c.id} ${t.id}`).toBeGreaterThan(last);
        expect(c.pages[(first ?? 0) - 1]?.text, `${c.id} ${t.id}`).toContain(norm(t.title ?? ""));
        for (const p of rest) expect(c.pages[p - 1]?.text.includes(norm(t.title ?? "")), `${c.id} ${t.id} p${p}`).toBe(false);
        last = t.pages[t.pages.length - 1] ?? 0;
      }
    }
  });

  it("print every truth cell value on its table's pages, in the variant's number format", () => {
    let checked = 0;
    for (const c of committed) {
      for (const t of c.truth.tables) {
        const text = t.pages.map((p) => c.pages[p - 1]?.text ?? "").join("");
        for (const cell of t.cells) {
          if (cell.value === null) continue;
          const printed = printAmount(cell.value, c.variant);
          expect(text.includes(printed), `${c.id} ${t.id} ${cell.row}/${cell.col} = ${printed}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("draw rules as Writer does: a stroked path per border segment when ruled, none when not", () => {
    const ruled = committed.filter((c) => c.variant.ruled);
    const unruled = committed.filter((c) => !c.variant.ruled);
    expect(ruled.length).toBeGreaterThan(0);
    expect(unruled.length).toBeGreaterThan(0);
    for (const c of ruled) {
      for (const t of c.truth.tables) {
        const paths = c.pages[(t.pages[0] ?? 0) - 1]?.paths ?? [];
        // Border segments, each its own path of one line (pdfkit strokes the whole grid as one path).
        expect(paths.length, `${c.id} ${t.id}`).toBeGreaterThanOrEqual(t.id === "T7" ? 6 : 10);
        expect(paths.every((n) => n === 1), `${c.id} ${t.id}`).toBe(true);
      }
    }
    for (const c of unruled) {
      for (const t of c.truth.tables) for (const p of t.pages) expect(c.pages[p - 1]?.paths, `${c.id} ${t.id} p${p}`).toEqual([]);
    }
  });
});
