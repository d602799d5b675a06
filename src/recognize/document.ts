// Pages -> the report: grids become table instances (a title starts one, a
// grid with no title, or under the same title repeated on the next page,
// continues the one before it), instances become keyed canonical tables, and
// the document's metadata is read from its own words.
import type { StandardTableId, Table } from "../../schemas/canonical.js";
import type { PageModel } from "../source/model.js";
import type { Extraction } from "../extract/types.js";
import { onColumns, type Grid } from "../layout/grid.js";
import type { TextLine } from "../layout/lines.js";
import { layoutPage, type PageLayout } from "../layout/page.js";
import { readCaption, readEmptyStatement, tableIdentity, type Caption } from "./captions.js";
import { continuationStart, findBodyStart, headerTexts, readBodyRows, readColumns, type GridColumns, type RawRow } from "./grid-table.js";
import { keyRows, type Unit } from "./keys.js";
import { mostCommon, readKind, readUnit, readYear, type PageText } from "./metadata.js";
import { fullestSpelling } from "./unit-spelling.js";
import { unruledTables, type OpenTable } from "./unruled.js";
import { rowsByLine } from "./rowless.js";
import { compact } from "./text.js";
import { emptyStatementIn } from "./rules/empty.js";

interface Instance {
  id: StandardTableId | null;
  title: string | null;
  unit: Unit | null;
  department: string | null;
  pages: number[];
  columns: GridColumns;
  header: Set<string>;
  xs: readonly number[];
  unruled: boolean;
  raw: RawRow[];
  emptyStatement: string | null;
}

/** How many front pages are read for the cover's unit, year and kind. */
const FRONT_PAGES = 3;
/** Column boundaries of a continuation may drift this much. */
const SAME_COLUMNS = 4;

const hasText = (g: Grid): boolean => g.cells.some((c) => c.text.trim() !== "");

function sameColumns(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => Math.abs(x - b[i]!) <= SAME_COLUMNS);
}

/** A grid with the columns `xs` of the table before it, cut on them where it draws fewer rulings; else null. */
function continuing(xs: readonly number[], grid: Grid): Grid | null {
  return sameColumns(xs, grid.xs) ? grid : onColumns(grid, xs, SAME_COLUMNS);
}

interface PageTables {
  readonly grids: { grid: Grid; unruled: boolean }[];
  /** Text outside every table: captions, notes, narrative. */
  readonly lines: TextLine[];
}

/** Ruled grids and unruled tables of a page, top to bottom, and the text left around them. */
function pageTables(layout: PageLayout, continuing: OpenTable | null): PageTables {
  const unruled = unruledTables(layout, continuing);
  const used = new Set(unruled.flatMap((u) => [...u.used]));
  const grids = [
    ...layout.grids.filter(hasText).map((grid) => ({ grid: rowsByLine(grid), unruled: false })),
    ...unruled.map((u) => ({ grid: u.grid, unruled: true })),
  ].sort((a, b) => a.grid.y0 - b.grid.y0);
  return { grids, lines: layout.lines.filter((l) => !used.has(l)) };
}

const lastPage = (inst: Instance): number => inst.pages[inst.pages.length - 1]!;

/** Body rows of a grid, the table's empty statement written across one of them (no figure beside it) taken out. */
function bodyRows(rows: readonly RawRow[]): { rows: RawRow[]; statement: string | null } {
  let statement: string | null = null;
  const kept = rows.filter((r) => {
    const said = r.name && !r.code && r.amounts.every((a) => a.text === "") ? emptyStatementIn(compact(r.name)) : null;
    statement ??= said;
    return said === null;
  });
  return { rows: kept, statement };
}

/** The labels (code and name of each group) of a table's first body line. */
function firstLabels(rows: readonly RawRow[], columns: GridColumns): string {
  const groups = new Set(columns.columns.map((c) => c.group)).size;
  return rows
    .slice(0, groups)
    .map((r) => `${r.code ?? ""}${r.name ?? ""}`)
    .join("|");
}

/**
 * The body rows of a grid that goes on with the open table, read in its
 * columns (repeated header rows skipped), or null when it starts a table of
 * its own. A grid with no title goes on with it. One under a title goes on
 * with it when the title repeats on the next page (Word and spreadsheet print
 * titles): the same table, over columns that line up, for the same unit and
 * department, with no headings but the open table's own (forms printed one
 * per item under one title, a 绩效目标表 per project, each head their own),
 * not starting over with the table's own first line (a copy printed again).
 */
function continuationRows(last: Instance, caption: Caption, grid: Grid, page: number): RawRow[] | null {
  const start = continuationStart(grid, last.header);
  if (caption.id === null && !caption.extra) return readBodyRows(grid, last.columns, start);
  if (page !== lastPage(last) + 1 || tableIdentity(caption.id, caption.title) !== tableIdentity(last.id, last.title)) return null;
  if (caption.unit && last.unit && caption.unit !== last.unit) return null;
  if (caption.department && last.department && compact(caption.department) !== compact(last.department)) return null;
  if (start < findBodyStart(grid)) return null;
  const rows = readBodyRows(grid, last.columns, start);
  const first = firstLabels(rows, last.columns);
  return first.replace(/\|/g, "") === "" || first !== firstLabels(last.raw, last.columns) ? rows : null;
}

function gridsToInstances(layouts: readonly PageLayout[], departments: string[], narrative: PageText[]): Instance[] {
  const instances: Instance[] = [];
  for (const layout of layouts) {
    const last0 = instances[instances.length - 1];
    // A table that declared itself empty (本单位本年度无…) ends on its page.
    const open =
      last0?.unruled && !last0.emptyStatement && lastPage(last0) === layout.page - 1 ? { xs: last0.xs, identity: tableIdentity(last0.id, last0.title) } : null;
    const page = pageTables(layout, open);
    narrative.push({ page: layout.page, text: page.lines.map((l) => l.text).join("\n") });
    const grids = page.grids.map((g) => g.grid);
    let ceiling = 0;
    const captions = grids.map((grid) => {
      const caption = readCaption(page.lines, grid, ceiling);
      ceiling = grid.y1;
      return caption;
    });
    // A table that ended the page before may say it is empty at the top of this one.
    if (last0 && !last0.emptyStatement && lastPage(last0) === layout.page - 1) {
      last0.emptyStatement = readEmptyStatement(page.lines, 0, Math.min(grids[0]?.y0 ?? layout.height, captions[0]?.top ?? Infinity), true);
    }
    page.grids.forEach(({ grid, unruled }, gi) => {
      const caption = captions[gi]!;
      if (caption.department) departments.push(caption.department);
      // What stands under the grid, down to the next table's caption, may say the table is empty;
      // so may a line between its own caption and the grid.
      const floor = Math.min(grids[gi + 1]?.y0 ?? layout.height, captions[gi + 1]?.top ?? Infinity);
      const statement = readEmptyStatement(page.lines, grid.y1, floor) ?? (caption.bottom === null ? null : readEmptyStatement(page.lines, caption.bottom + 2, grid.y0));
      const last = instances[instances.length - 1];
      // A grid on the next page that lines up with the open table (re-cut on its columns where it draws fewer rulings).
      const onOpen = last !== undefined && layout.page - lastPage(last) <= 1 ? continuing(last.xs, grid) : null;
      // A continuation: repeated header rows (if any) are skipped, the first page's columns apply.
      const continued = last && onOpen ? continuationRows(last, caption, onOpen, layout.page) : null;
      if (last && continued) {
        const body = bodyRows(continued);
        last.raw.push(...body.rows);
        if (!last.pages.includes(layout.page)) last.pages.push(layout.page);
        last.emptyStatement ??= body.statement ?? statement;
      } else if (caption.id !== null || caption.extra) {
        const columns = readColumns(grid);
        const body = bodyRows(readBodyRows(grid, columns));
        instances.push({
          id: caption.id,
          title: caption.title,
          unit: caption.unit,
          department: caption.department,
          pages: [layout.page],
          columns,
          header: headerTexts(grid, columns.bodyStart),
          xs: grid.xs,
          unruled,
          raw: body.rows,
          emptyStatement: body.statement ?? statement,
        });
      }
    });
  }
  return instances;
}

function instanceToTable(inst: Instance, extraIndex: number, docUnit: Unit): Table {
  const unit = inst.unit ?? docUnit;
  const keyed = keyRows(inst.id, inst.raw, inst.columns.columns, unit);
  // Zeros ("0.00", "-") under an empty-table statement are no figures: the table is empty all the same.
  const hasFigure = keyed.cells.some((c) => c.value !== null && c.value !== 0);
  const table: Table = {
    id: inst.id ?? `X${extraIndex}`,
    kind: inst.id ? "standard" : "extra",
    title: inst.title,
    pages: inst.pages,
    printed_unit: unit,
    columns: keyed.columns,
    rows: keyed.rows,
    cells: keyed.cells,
  };
  if (inst.emptyStatement && !hasFigure) {
    table.empty = true;
    table.empty_statement = inst.emptyStatement;
  }
  return table;
}

export function recognizeDocument(pages: readonly PageModel[]): Omit<Extraction, "page_count" | "producer" | "pages" | "ocr_pages"> {
  const layouts = pages.map(layoutPage);
  const departments: string[] = [];
  const narrative: PageText[] = [];
  const instances = gridsToInstances(layouts, departments, narrative);
  const docUnit = mostCommon(instances.map((i) => i.unit).filter((u): u is Unit => u !== null));
  // A standard table printed twice is kept once; the second copy is an extra, never dropped.
  const seen = new Set<StandardTableId>();
  let extras = 0;
  const tables = instances.map((inst) => {
    if (inst.id && seen.has(inst.id)) inst = { ...inst, id: null };
    if (inst.id) seen.add(inst.id);
    return instanceToTable(inst, inst.id ? 0 : ++extras, docUnit ?? "万元");
  });
  tables.sort((a, b) => rank(a.id) - rank(b.id));
  const front = narrative.slice(0, FRONT_PAGES);
  const unit = readUnit(departments, narrative);
  const year = readYear(
    tables.map((t) => t.title ?? ""),
    narrative,
  );
  return {
    unit,
    unit_full: unit === null ? null : fullestSpelling(unit, narrative),
    year,
    printed_unit: docUnit,
    kind: readKind(unit, tables, front),
    tables,
    narrative,
  };
}

function rank(id: string): number {
  const m = /^([TX])(\d+)$/.exec(id);
  return m ? (m[1] === "T" ? 0 : 100) + Number(m[2]) : 1000;
}
