// Tables printed without ruling lines: a table title with no ruled grid under
// it starts one; its lines run down to the first note, statement, next title,
// page number or wide white gap. A page with neither title nor grid after such a table is
// its continuation. The lines become a grid by alignment (layout/aligned.ts).
import { alignedGrid, lineWords, spacedWords } from "../layout/aligned.js";
import type { Grid } from "../layout/grid.js";
import type { TextLine } from "../layout/lines.js";
import type { PageLayout } from "../layout/page.js";
import { isBodyRow } from "./grid-table.js";
import { tableIdentity, withoutContinuedMark } from "./captions.js";
import { saysEmpty } from "./rules/empty.js";
import { looksLikeAmount } from "./amount.js";
import { ANY_TABLE_TITLE, PART_HEADING, TOC_ENTRY, cleanTitle, standardTableOf } from "./rules/tables.js";
import { compact } from "./text.js";

/** Lines that end a table's band: notes, statements (and those of rules/empty.ts), page numbers. */
const BAND_END = /^(注|说明|备注)[:：]|^本表|^(本单位|本部门).*(无|没有)|^第\s*\d+\s*页/;
/** A page number alone on its line ("- 8 -", "8"); a row with only its 行次 ("7 … 39") is no page number. */
const PAGE_NUMBER = /^[-—－]?\s*\d{1,3}\s*[-—－]?$/;
/** Lines between a title and its table: department and unit captions (OCR reads their colon as a comma too), a table number. */
const CAPTION = /(部门|单位|编制单位)(名称)?[:：,，]|^(公开)?\d+表$|^[（(]?表[一二三四五六七八九十\d]+[)）]?$|^(金额)?单位[:：,，]/;
/** A table's rows stand closer than this many text lines apart. */
const BAND_GAP_LINES = 6;
/** How far below its title an unruled table must start, in points. */
const TITLE_REACH = 80;

// "七、…决算表" is a 目录 or narrative entry naming a table; a table's own title carries no list number.
const LISTED = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;
const isTitle = (t: string): boolean =>
  !TOC_ENTRY.test(t) &&
  !saysEmpty(t) &&
  !LISTED.test(t) && (standardTableOf(cleanTitle(t)) !== null || (ANY_TABLE_TITLE.test(t) && !CAPTION.test(t) && !PART_HEADING.test(t)));

/** An unruled table left open on the page before: its columns, and which table its title names. */
export interface OpenTable {
  readonly xs: readonly number[];
  readonly identity: string | null;
}

export interface UnruledTable {
  readonly grid: Grid;
  /** The lines the grid was built from (no longer narrative or caption text). */
  readonly used: ReadonlySet<TextLine>;
}

function band(lines: readonly TextLine[], start: number): TextLine[] {
  const out: TextLine[] = [];
  for (let i = start; i < lines.length; i++) {
    const t = compact(lines[i]!.text);
    // White of many rows ends the table too: what stands below it (a page number OCR misread) is no row.
    const above = out[out.length - 1];
    if (above && lines[i]!.y0 - above.y1 > BAND_GAP_LINES * Math.max(above.size, lines[i]!.size)) break;
    // A bare number with a line right under it is a figure on a line of its own (a wrapped name's row), not the page's number.
    const below = lines[i + 1];
    const closeBelow = below !== undefined && below.y0 - lines[i]!.y1 < 2 * Math.max(below.size, lines[i]!.size);
    const pageNumber = PAGE_NUMBER.test(t) && (/[-—－]/.test(t) || (lineWords(lines[i]!).length === 1 && !closeBelow));
    // Another table's title ends the band, even right away: the first was then a list entry (目录);
    // so does a part's heading (第三部分 … 情况说明 after the last table's entry in a 目录).
    if (BAND_END.test(t) || saysEmpty(t) || pageNumber || PART_HEADING.test(t) || (isTitle(t) && standardTableOf(cleanTitle(t)) !== null)) break;
    out.push(lines[i]!);
  }
  return out;
}

/** A line whose words each stay inside one of the columns (a table row, not a paragraph). */
function fitsColumns(line: TextLine, xs: readonly number[]): boolean {
  const inside = (x0: number, x1: number): boolean => xs.some((b, i) => i + 1 < xs.length && x0 >= b - 2 && x1 <= xs[i + 1]! + 2);
  // Unglued: a code and its name may stand in columns of their own.
  return spacedWords(line).every((w) => inside(w.x0, w.x1));
}

/**
 * A line of totals and their figures only (人员经费合计 27,844,118.00 公用经费合计 …):
 * a row of the table even where a label, centred, crosses a column boundary.
 */
function isTotalsLine(line: TextLine): boolean {
  const words = spacedWords(line).map((w) => compact(w.text));
  return words.some(looksLikeAmount) && words.every((w) => looksLikeAmount(w) || /^[\u4e00-\u9fff]{0,8}(合计|总计)$/.test(w));
}

function build(page: number, lines: TextLine[], xs?: readonly number[]): UnruledTable | null {
  const grid = alignedGrid(page, lines, isBodyRow, xs);
  return grid ? { grid, used: new Set(lines) } : null;
}

/**
 * The lines of a band that go on with a table of columns `xs`: any repeated
 * heading on top (it may reach across columns), then the rows that keep to the
 * columns (narrative after the tables runs across them). Prose above the first
 * row (a sentence, not a heading) makes the page narrative: none.
 */
function continuationRows(all: readonly TextLine[], xs: readonly number[]): TextLine[] {
  const firstRow = all.findIndex((l) => fitsColumns(l, xs) && isBodyRow(lineWords(l).map((w) => compact(w.text))));
  const end = all.findIndex((l, i) => i > firstRow && !fitsColumns(l, xs) && !isTotalsLine(l));
  const prose = all.slice(0, Math.max(firstRow, 0)).some((l) => /[。，；]/.test(l.text));
  return firstRow < 0 || prose ? [] : all.slice(0, end < 0 ? all.length : end);
}

/** Which table a title line names (its 续 mark read off). */
function identityOf(text: string): string | null {
  const bare = withoutContinuedMark(text);
  return tableIdentity(standardTableOf(cleanTitle(bare)), bare);
}

/**
 * The unruled tables on a page. `continuing` is the unruled table left open on
 * the page before, if any: a page with neither title nor grid goes on with it,
 * and so does one whose first table is under the same title repeated, where its
 * rows keep to the open table's columns.
 */
export function unruledTables(layout: PageLayout, continuing: OpenTable | null): UnruledTable[] {
  const lines = layout.lines;
  const out: UnruledTable[] = [];
  const ruledBelow = (y: number): boolean => layout.grids.some((g) => g.y0 >= y - 2 && g.y0 - y <= TITLE_REACH + 80);
  let i = 0;
  if (continuing && layout.grids.length === 0 && !lines.some((l) => isTitle(compact(l.text)))) {
    const rows = continuationRows(band(lines, 0), continuing.xs);
    const t = rows.length > 0 ? build(layout.page, rows, continuing.xs) : null;
    if (t) out.push(t);
    return out;
  }
  while (i < lines.length) {
    const text = compact(lines[i]!.text);
    if (!isTitle(text) || ruledBelow(lines[i]!.y1)) {
      i++;
      continue;
    }
    let start = i + 1;
    while (start < lines.length && CAPTION.test(compact(lines[start]!.text))) start++;
    if (start >= lines.length || lines[start]!.y0 - lines[i]!.y1 > TITLE_REACH) {
      i++;
      continue;
    }
    const rows = band(lines, start);
    // The open table's title repeated over the page's first table: its rows are read in the open table's columns.
    const repeated = continuing && out.length === 0 && identityOf(text) === continuing.identity ? continuationRows(rows, continuing.xs) : [];
    const t = repeated.length > 0 ? build(layout.page, repeated, continuing!.xs) : rows.length >= 2 ? build(layout.page, rows) : null;
    if (t) out.push(t);
    i = start + Math.max(rows.length, 1);
  }
  return out;
}
