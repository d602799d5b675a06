// Identity-guided re-reading of text layers, at the page: a figure whose glyphs
// a column ruling runs through was given by the first reading to the cell
// holding most of it, or cut in two where the line halves it (a tie). Where the
// report then breaks an identity, each such figure is tried whole on either
// side of its line (the rest of its run, a label, keeping its own text), the
// report recognized again, and a placement kept when it leaves fewer
// identities broken. The figure is the one printed; only its cell changes.
import type { Finding, Table } from "../../../schemas/canonical.js";
import type { PageModel, TextRun } from "../../source/model.js";
import { charStart, sliceRun } from "../../layout/run-chars.js";
import { brokenIdentities } from "./search.js";

/** A figure a column ruling runs through, and which side of it to try it on. */
interface Placement {
  readonly page: number;
  readonly run: number;
  readonly from: number;
  readonly to: number;
  readonly ruling: number;
  readonly side: "left" | "right";
}

/** The glyphs of a figure lie this far clear of the line once moved (points). */
const CLEAR = 0.5;
/** At most this many figures are tried (each try recognizes the report again). */
const MAX_SITES = 24;

const FIGURE = /[-－]?[\d][\d,，.]*%?/g;

/** Figures of a page's runs that a vertical ruling runs through (the page's own segments: no layout needed). */
function figuresAcross(page: PageModel): Omit<Placement, "side">[] {
  const verticals = page.segments.filter((s) => s.x0 === s.x1);
  const out: Omit<Placement, "side">[] = [];
  if (verticals.length === 0) return out;
  page.runs.forEach((run, i) => {
    if (run.vertical || !/\d/.test(run.text)) return;
    const y = (run.y0 + run.y1) / 2;
    const lines = verticals.filter((s) => s.x0 > run.x0 && s.x0 < run.x1 && Math.min(s.y0, s.y1) <= y && Math.max(s.y0, s.y1) >= y);
    if (lines.length === 0) return;
    for (const m of run.text.matchAll(FIGURE)) {
      const from = m.index;
      const to = from + m[0].length;
      const [x0, x1] = [charStart(run, from), charStart(run, to)];
      const ruling = lines.find((s) => x0 < s.x0 - CLEAR && x1 > s.x0 + CLEAR)?.x0;
      if (ruling !== undefined) out.push({ page: page.number, run: i, from, to, ruling });
    }
  });
  return out;
}

/** The run with the figure moved clear of its ruling, apart from the rest of the run. */
function placed(run: TextRun, p: Placement): TextRun[] {
  const figure = sliceRun(run, p.from, p.to);
  if (!figure) return [run];
  const width = figure.x1 - figure.x0;
  const x0 = p.side === "left" ? p.ruling - CLEAR - width : p.ruling + CLEAR;
  const dx = x0 - figure.x0;
  const moved: TextRun = { ...figure, x0: figure.x0 + dx, x1: figure.x1 + dx, charX: figure.charX?.map((x) => x + dx) };
  return [sliceRun(run, 0, p.from), moved, sliceRun(run, p.to, run.text.length)].filter((r): r is TextRun => r !== null);
}

/** The pages with the placements applied (several in one run are applied right to left). */
function withPlacements(pages: readonly PageModel[], placements: readonly Placement[]): PageModel[] {
  return pages.map((page) => {
    const here = placements.filter((p) => p.page === page.number);
    if (here.length === 0) return page;
    const runs = page.runs.flatMap((run, i) => {
      let pieces: TextRun[] = [run];
      for (const p of here.filter((q) => q.run === i).sort((a, b) => b.from - a.from)) {
        // The figure sits in the first piece still (placements further right were cut off after it).
        const [head, ...rest] = pieces;
        // A piece trimmed at its start no longer counts from the run's start: leave the rest as read.
        if (!head || !run.text.startsWith(head.text)) break;
        pieces = [...placed(head, p), ...rest];
      }
      return pieces;
    });
    return { ...page, runs };
  });
}

export interface Recognition {
  readonly tables: Table[];
}

/**
 * The recognition of the pages, with figures across rulings placed as leaves
 * the fewest identities broken. `recognize` reads pages into a report;
 * `validate` checks a report's tables.
 */
export function placeFiguresByIdentities<R extends Recognition>(
  first: R,
  pages: readonly PageModel[],
  textPages: ReadonlySet<number>,
  recognize: (pages: readonly PageModel[]) => R,
  validate: (report: R) => Finding[],
): R {
  // Most reports print no figure across a line: they are not even validated here.
  const across = pages.filter((p) => textPages.has(p.number)).flatMap(figuresAcross);
  if (across.length === 0) return first;
  let best = first;
  let broken = brokenIdentities(validate(first));
  if (broken.length === 0) return first;
  // Only the pages of the tables that break an identity (either side of it).
  const involved = new Set(broken.flatMap((f) => [f.table, ...(f.refs ?? []).map((r) => r.table)]));
  const onPages = new Set(first.tables.filter((t) => involved.has(t.id)).flatMap((t) => t.pages));
  const sites = across.filter((s) => onPages.has(s.page)).slice(0, MAX_SITES);
  const chosen: Placement[] = [];
  for (const site of sites) {
    for (const side of ["left", "right"] as const) {
      const trial = [...chosen, { ...site, side }];
      const report = recognize(withPlacements(pages, trial));
      const now = brokenIdentities(validate(report));
      if (now.length < broken.length) {
        [best, broken] = [report, now];
        chosen.push({ ...site, side });
        break;
      }
    }
    if (broken.length === 0) break;
  }
  return best;
}
