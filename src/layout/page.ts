// One page of the page model -> ruled grids plus the text lines outside them.
import type { PageModel } from "../source/model.js";
import { DEFAULT_EDGE_SETTINGS, segmentsToEdges } from "./edges.js";
import { componentToGrid, edgesToComponents, placeRuns, type Grid } from "./grid.js";
import { runsToLines, type TextLine } from "./lines.js";

export interface PageLayout {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  /** Grids top to bottom. */
  readonly grids: Grid[];
  /** Text outside every grid, top to bottom. */
  readonly lines: TextLine[];
}

export function layoutPage(page: PageModel): PageLayout {
  const edges = segmentsToEdges(page.segments, DEFAULT_EDGE_SETTINGS);
  const grids = edgesToComponents(edges)
    .map((component) => componentToGrid(page.number, component))
    .filter((g): g is Grid => g !== null)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  let rest = page.runs;
  for (const g of grids) rest = placeRuns(g, rest);
  return { page: page.number, width: page.width, height: page.height, grids, lines: runsToLines(rest) };
}
