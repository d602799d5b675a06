// Pages -> the report: grids become table instances (a title starts one, a
// grid with no title continues the one before it), instances become keyed
// canonical tables, and the document's metadata is read from its own words.
import type { StandardTableId, Table } from "../../schemas/canonical.js";
import type { PageModel } from "../source/model.js";
import type { Extraction } from "../extract/types.js";
import { onColumns, type Grid } from "../layout/grid.js";
import type { TextLine } from "../layout/lines.js";
import { layoutPage, type PageLayout } from "../layout/page.js";
import { readCaption, readEmptyStatement } from "./captions.js";
import { continuationStart, headerTexts, readBodyRows, readColumns, type GridColumns, type RawRow } from "./grid-table.js";
import { keyRows, type Unit } from "./keys.js";
import { mostCommon, readKind, readUnit, readYear, type PageText } from "./metadata.js";
import { fullestSpelling } from "./unit-spelling.js";
import { unruledTables } from "./unruled.js";

interface Instance {
  id: StandardTableId | null;
  title: string | null;
  unit: Unit | null;
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
function pageTables(layout: PageLayout, continuing: readonly number[] | null): PageTables {
  const unruled = unruledTables(layout, continuing);
  const used = new Set(unruled.flatMap((u) => [...u.used]));
  const grids = [
    ...layout.grids.filter(hasText).map((grid) => ({ grid, unruled: false })),
    ...unruled.map((u) => ({ grid: u.grid, unruled: true })),
  ].sort((a, b) => a.grid.y0 - b.grid.y0);
  return { grids, lines: layout.lines.filter((l) => !used.has(l)) };
}

function gridsToInstances(layouts: readonly PageLayout[], departments: string[], narrative: PageText[]): Instance[] {
  const instances: Instance[] = [];
  for (const layout of layouts) {
    let ceiling = 0;
    const last0 = instances[instances.length - 1];
    // A table that declared itself empty (本单位本年度无…) ends on its page.
    const open = last0?.unruled && !last0.emptyStatement && last0.pages[last0.pages.length - 1] === layout.page - 1 ? last0.xs : null;
    const page = pageTables(layout, open);
    narrative.push({ page: layout.page, text: page.lines.map((l) => l.text).join("\n") });
    const grids = page.grids.map((g) => g.grid);
    page.grids.forEach(({ grid, unruled }, gi) => {
      const caption = readCaption(page.lines, grid, ceiling);
      ceiling = grid.y1;
      if (caption.department) departments.push(caption.department);
      const floor = grids[gi + 1]?.y0 ?? layout.height;
      const statement = readEmptyStatement(page.lines, grid, floor);
      const last = instances[instances.length - 1];
      const lastPage = last?.pages[last.pages.length - 1] ?? -99;
      const body = last && layout.page - lastPage <= 1 ? continuing(last.xs, grid) : null;
      if (caption.id || caption.extra) {
        const columns = readColumns(grid);
        instances.push({
          id: caption.id,
          title: caption.title,
          unit: caption.unit,
          pages: [layout.page],
          columns,
          header: headerTexts(grid, columns.bodyStart),
          xs: grid.xs,
          unruled,
          raw: readBodyRows(grid, columns),
          emptyStatement: statement,
        });
      } else if (last && body) {
        // A continuation: repeated header rows (if any) are skipped, the first page's columns apply.
        const start = continuationStart(body, last.header);
        last.raw.push(...readBodyRows(body, last.columns, start));
        if (!last.pages.includes(layout.page)) last.pages.push(layout.page);
        last.emptyStatement ??= statement;
      }
    });
  }
  return instances;
}

function instanceToTable(inst: Instance, extraIndex: number, docUnit: Unit): Table {
  const unit = inst.unit ?? docUnit;
  const keyed = keyRows(inst.id, inst.raw, inst.columns.columns, unit);
  const hasFigure = keyed.cells.some((c) => c.value !== null);
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
