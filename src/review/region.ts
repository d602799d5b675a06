// Which part of a page to show for a finding: the cells involved, a margin,
// the full width (the row names sit left of the figures and have no box), and
// the table's column headings when they are near enough to come cheap.
import type { BBox } from "../../schemas/canonical.js";
import type { TableBox, Target } from "./query.js";

/** One outline on one page: a target's cells there, as one box. */
export interface Outline {
  readonly role: Target["role"];
  readonly key: string;
  readonly box: BBox;
}

export interface PageRegion {
  readonly page: number;
  /** Crop rectangle in page points (origin top-left). */
  readonly rect: BBox;
  readonly outlines: readonly Outline[];
}

/** Points above and below the cells. */
const MARGIN = 18;
/** Column headings above a table's first row of cells: up to three levels of them. */
const HEADING_ALLOWANCE = 64;
/** Headings further above the cells than this are left out (the image would grow tall). */
const HEADING_REACH = 220;

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The regions to draw for a finding, one per page, in page order. `tableBoxes`
 * gives the extent of each table on each page (its headings sit above).
 */
export function regionsFor(targets: readonly Target[], tableBoxes: readonly TableBox[], size: (page: number) => PageSize): PageRegion[] {
  const byPage = new Map<number, Outline[]>();
  for (const t of targets) {
    const boxesByPage = new Map<number, BBox[]>();
    for (const c of t.cells) {
      if (c.page === null || c.bbox === null) continue;
      boxesByPage.set(c.page, [...(boxesByPage.get(c.page) ?? []), c.bbox]);
    }
    for (const [page, boxes] of boxesByPage) {
      byPage.set(page, [...(byPage.get(page) ?? []), { role: t.role, key: t.key, box: union(boxes) }]);
    }
  }
  return [...byPage]
    .sort(([a], [b]) => a - b)
    .map(([page, outlines]) => {
      const { width, height } = size(page);
      const cells = outlinesBox({ outlines });
      let top = cells[1] - MARGIN;
      const tables = new Set(targets.filter((t) => outlines.some((o) => o.key === t.key)).map((t) => t.table));
      const tableTops = tableBoxes.filter((t) => t.page === page && tables.has(t.table)).map((t) => t.box[1]);
      if (tableTops.length > 0) {
        const headings = Math.min(...tableTops) - HEADING_ALLOWANCE;
        if (headings < top && cells[1] - headings <= HEADING_REACH) top = headings;
      }
      const rect: BBox = [0, clamp(top, 0, height), width, clamp(cells[3] + MARGIN, 0, height)];
      return { page, rect, outlines };
    });
}

function union(boxes: readonly BBox[]): BBox {
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** The pages on which a finding has a cell with a stored box. */
export function pagesOf(targets: readonly Target[]): number[] {
  const pages = new Set(targets.flatMap((t) => t.cells.flatMap((c) => (c.page !== null && c.bbox !== null ? [c.page] : []))));
  return [...pages].sort((a, b) => a - b);
}

/** The box around all outlines of a region. */
export function outlinesBox(region: Pick<PageRegion, "outlines">): BBox {
  return union(region.outlines.map((o) => o.box));
}
