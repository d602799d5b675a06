// Identity-guided re-reading: where a table read by OCR breaks an identity,
// the figures involved are read again from the page image in other ways
// (cut by the ink in their cell rather than by the word's box, at other
// magnifications) before anything is reported. A reading replaces a figure only when OCR actually
// read it that way AND it makes the broken identity hold; a figure is never
// changed by arithmetic alone. What still breaks is reported, marked as OCR'd
// (validate/ocr-marks.ts).
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";
import type { Finding, Table } from "../../schemas/canonical.js";
import { canvasFactoryOf } from "../source/canvas.js";
import { parseAmount, toWan } from "../recognize/amount.js";
import { MIN_FIGURE_CONFIDENCE, readFigureWays } from "./crop.js";
import { INK, cellInside, type Ink } from "./ink.js";
import type { FigureReading } from "./pool.js";
import { preparePage } from "./prepare.js";
import { brokenIdentities, cellKey, keepBetterReadings, suspectCells, type CellKey, type Reading, type Suspect } from "../extract/reread/search.js";
import { OCR_DPI } from "./page.js";

/** Magnifications the figure is read at again, cut by the ink in its cell (the first reading cut it by the word's box). */
const ZOOMS = [1.5, 1, 2] as const;

export async function rereadBrokenFigures(
  doc: PDFDocumentProxy,
  tables: readonly Table[],
  ocrPages: ReadonlySet<number>,
  validate: (tables: readonly Table[]) => Finding[],
  /** Called as each page's figures have been read again (a sign of life: this phase reads no new page). */
  onPageReread?: () => void,
): Promise<Table[]> {
  const first = brokenIdentities(validate(tables));
  if (first.length === 0) return [...tables];
  // The OCR'd cells each broken identity involves, with where they sit.
  const suspects = suspectCells(tables, first, (cell) => cell.bbox !== undefined && cell.page !== undefined && ocrPages.has(cell.page));
  return keepBetterReadings(tables, first.length, await readAgain(doc, [...suspects.values()], onPageReread), validate);
}

/** Other readings of each cell: value, text and confidence, different from what the cell holds. */
async function readAgain(doc: PDFDocumentProxy, cells: readonly Suspect[], onPageReread: (() => void) | undefined): Promise<Map<CellKey, Reading[]>> {
  const out = new Map<CellKey, Reading[]>();
  const factory = canvasFactoryOf(doc);
  const scale = OCR_DPI / 72;
  for (const page of [...new Set(cells.map((c) => c.cell.page!))]) {
    const { ink } = await preparePage(doc, factory, page, scale);
    const here = cells.filter((c) => c.cell.page === page);
    const reads = await Promise.all(here.map((c) => readCellFigure(ink, c.cell.bbox!, scale)));
    here.forEach((c, i) => {
      const unit = c.table.printed_unit ?? "万元";
      const seen = new Set<number | null>([c.cell.value]);
      const options: Reading[] = [];
      // A speck read as a figure: every closer reading finds no digit at all, so the cell reads blank.
      if (c.cell.value !== null && reads[i]!.every((r) => r !== null && !/\d/.test(r.text))) options.push({ value: null, text: "", confidence: 1 });
      for (const r of reads[i]!) {
        if (!r || r.confidence < MIN_FIGURE_CONFIDENCE) continue;
        // A stray separator ("25,.27") does not make the reading less of an amount.
        const first = parseAmount(r.text);
        const parsed = first.ok ? first : parseAmount(r.text.replace(/,/g, ""));
        if (!parsed.ok || parsed.value === null) continue;
        const value = toWan(parsed.value, unit);
        if (seen.has(value)) continue;
        seen.add(value);
        options.push({ value, text: r.text, confidence: r.confidence / 100 });
      }
      if (options.length > 0) out.set(cellKey(c.table.id, c.cell.row, c.cell.col), options);
    });
    onPageReread?.();
  }
  return out;
}

/**
 * The figure in a cell's box (points), once per magnification, grey and black
 * on white: the ink inside
 * the rulings, cut out with a little room, magnified on white and read as
 * digits. A cell with no ink reads as blank.
 */
function readCellFigure(page: Ink, bbox: readonly [number, number, number, number], scale: number): Promise<(FigureReading | null)[]> {
  const inside = cellInside({ x0: bbox[0] * scale, y0: bbox[1] * scale, x1: bbox[2] * scale, y1: bbox[3] * scale }, 4);
  if (!inside) return Promise.resolve(ZOOMS.map(() => null));
  const { left, top } = inside;
  const ink = inkBox(page, inside);
  if (!ink) return Promise.resolve(ZOOMS.map(() => ({ text: "", confidence: 100 })));
  const glyphs = { x0: left + ink.x0, y0: top + ink.y0, x1: left + ink.x1 + 1, y1: top + ink.y1 + 1 };
  return readFigureWays(page, glyphs, ZOOMS);
}

/** The bounding box of the ink in a rectangle of the page (relative to it), or null when it holds none. */
function inkBox(page: Ink, { left, top, width, height }: { left: number; top: number; width: number; height: number }): { x0: number; y0: number; x1: number; y1: number } | null {
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if ((page.gray[(top + y) * page.width + left + x] ?? 255) >= INK) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}
