// A ruled grid -> header paths, column roles and raw body rows. Nothing here
// knows which standard table it is reading; keys come later (keys.ts).
import type { Grid, GridCell } from "../layout/grid.js";
import { isColumnNumbers } from "../layout/column-numbers.js";
import { looksLikeAmount } from "./amount.js";
import { compact, printedName, stripNumbering } from "./text.js";
import { readsAs } from "./fuzzy.js";
import { T1_EXPENSE_LINES, T1_INCOME_LINES, T4_EXPENSE_LINES, T4_INCOME_LINES, TOTAL_LINE, matchLine } from "./rules/lines.js";
import { functionClassCode } from "./rules/function-classes.js";
import { t7Item } from "./rules/columns.js";
import { saysEmpty } from "./rules/empty.js";

export type Role = "code" | "name" | "line" | "amount";

export interface ColumnInfo {
  readonly index: number;
  /** Header cells top to bottom, whitespace removed. */
  readonly path: readonly string[];
  readonly role: Role;
  /** Side-by-side blocks (T1 收入|支出, T6 groups) are groups 0, 1, 2. */
  readonly group: number;
}

export interface GridColumns {
  readonly columns: readonly ColumnInfo[];
  /** Elementary rows before this index are header rows. */
  readonly bodyStart: number;
  /**
   * First row read as data. Usually bodyStart; one less where the 合计 line
   * shares its row with the last header cells (a template quirk seen in print).
   */
  readonly firstBodyRow: number;
}

export interface RawAmount {
  readonly column: number;
  readonly text: string;
  readonly bbox: [number, number, number, number];
  /** Read by OCR: the lowest confidence (0–1) of the cell's words. */
  readonly confidence?: number;
  /** The page, where it is not its row's (a tall T7 read as one wide row, t7-tall.ts). */
  readonly page?: number;
}

/** The lowest OCR confidence of a cell's words; undefined for text-layer words. */
function cellConfidence(cell: GridCell): number | undefined {
  const known = cell.lines.flatMap((l) => l.runs).flatMap((r) => (r.confidence === undefined ? [] : [r.confidence]));
  return known.length === 0 ? undefined : Math.min(...known);
}

export interface RawRow {
  readonly page: number;
  readonly group: number;
  /** Code digits as printed, parts joined (类|款|项 columns), or null. */
  readonly code: string | null;
  readonly name: string | null;
  readonly amounts: RawAmount[];
}

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const COLUMN_NUMBERS_ROW = /^栏次$/;

function rowCells(grid: Grid, r: number): GridCell[] {
  const seen = new Set<number>();
  const out: GridCell[] = [];
  for (const idx of grid.cellAt[r] ?? []) {
    if (seen.has(idx)) continue;
    seen.add(idx);
    const cell = grid.cells[idx]!;
    if (cell.r0 === r) out.push(cell);
  }
  return out;
}

function isColumnNumbersRow(texts: readonly string[]): boolean {
  const nonEmpty = texts.filter((t) => t !== "");
  if (nonEmpty.some((t) => COLUMN_NUMBERS_ROW.test(t))) return true;
  return isColumnNumbers(nonEmpty);
}

/** A line label of T1/T4 (本年收入合计, 年初结转和结余, 一般公共预算财政拨款 …) or a class line. */
const KNOWN_LINES = [...T1_INCOME_LINES, ...T1_EXPENSE_LINES, ...T4_INCOME_LINES, ...T4_EXPENSE_LINES];
const isLabel = (t: string): boolean => TOTAL_LINE.test(stripNumbering(t)) || /^[一二三四五六七八九十]+、/.test(t);
const isKnownLine = (t: string): boolean => matchLine(KNOWN_LINES, stripNumbering(t)) !== null || functionClassCode(stripNumbering(t)) !== null;
/**
 * A 三公 item as a line of T7 printed tall, its label in the first column; the same
 * words over columns further right (公务用车购置及运行费 over 小计|购置费|运行费) are a
 * header's, and so may a bare 小计 be.
 */
const isSangongLine = (texts: readonly string[]): boolean => {
  const t = texts[0] ?? "";
  return t7Item([t]) !== null && !/^(其中[:：])?小计$/.test(t);
};

export function isBodyRow(texts: readonly string[]): boolean {
  if (isColumnNumbersRow(texts)) return false;
  // Bare small numbers and nothing else, none in the first column (where codes stand): a 栏次 row OCR read wrong ("121 3"), no line.
  if (texts[0] === "" && texts.every((t) => t === "" || /^\d{1,3}$/.test(t))) return false;
  if (texts.some((t) => looksLikeAmount(t) || CODE.test(t) || /^\d{3,7}\D/.test(t))) return true;
  // With no figure to go by (zeros blank or "-"), a row of line labels (一、…, 合计)
  // with its 行次 is a body row; a header row may start with 合计 too, but goes on
  // with column names.
  const filled = texts.filter((t) => t !== "" && !/^[-－—]$|^\d{1,2}$/.test(t));
  // A lone line label with no figure (国有资本经营预算财政拨款 under 年初结转和结余) is a line
  // too; several such names side by side are a header (合计 | 一般公共预算财政拨款 | …).
  // Known lines each with its 行次 (T1's 年初结转和结余 29 | 年末结转和结余 59, amounts blank) are a body row too.
  const numbered = texts.some((t) => /^\d{1,2}$/.test(t)) && filled.every((t) => isLabel(t) || isKnownLine(t));
  const lone = filled.length === 1 && (isKnownLine(filled[0]!) || isSangongLine(texts));
  return filled.length > 0 && (filled.every(isLabel) || lone || numbered);
}

/** A row that only says the table is empty (本单位本年度无…, written across the table): no heading. */
const isStatementRow = (texts: readonly string[]): boolean => {
  const filled = texts.filter((t) => t !== "");
  return filled.length === 1 && saysEmpty(filled[0]!);
};

/** Index of the first body row; for a grid with no figures, the row after the last header text. */
export function findBodyStart(grid: Grid): number {
  const nr = grid.ys.length - 1;
  let lastText = -1;
  for (let r = 0; r < nr; r++) {
    const texts = rowCells(grid, r).map((c) => compact(c.text));
    if (isBodyRow(texts) || isStatementRow(texts)) return r;
    if (texts.some((t) => t !== "")) lastText = r;
  }
  return lastText + 1;
}

/** Header rows of a grid as text signatures, to recognise them when a continuation page repeats them. */
export function headerTexts(grid: Grid, bodyStart: number): Set<string> {
  const out = new Set<string>();
  for (let r = 0; r < bodyStart; r++) out.add(signature(rowCells(grid, r).map((c) => compact(c.text))));
  return out;
}

const signature = (texts: readonly string[]): string => texts.filter((t) => t !== "").join("|");

/** A repeated header row read by OCR may differ from the first page's by this share of its text (一殷 for 一般). */
const REPEATED_HEADER = 0.15;

/**
 * First body row of a continuation grid: leading rows that repeat a header row
 * are skipped. A row read by OCR repeats one it reads as; a text layer's must
 * be the same.
 */
export function continuationStart(grid: Grid, header: ReadonlySet<string>): number {
  const nr = grid.ys.length - 1;
  for (let r = 0; r < nr; r++) {
    const cells = rowCells(grid, r);
    const texts = cells.map((c) => compact(c.text));
    const sig = signature(texts);
    const ocr = cells.some((c) => cellConfidence(c) !== undefined);
    const repeats = header.has(sig) || (ocr && [...header].some((h) => h !== "" && readsAs(sig, h, REPEATED_HEADER)));
    if (sig !== "" && !repeats && !isColumnNumbersRow(texts)) return r;
  }
  return nr;
}

function headerPath(grid: Grid, c: number, bodyStart: number, skip: GridCell | null): string[] {
  const path: string[] = [];
  let prev = -1;
  for (let r = 0; r < bodyStart; r++) {
    const idx = grid.cellAt[r]![c]!;
    if (idx === prev) continue;
    prev = idx;
    const texts = rowCells(grid, r).map((k) => compact(k.text));
    if (isColumnNumbersRow(texts)) continue;
    const cell = grid.cells[idx]!;
    const t = compact(cell.text);
    if (cell !== skip && t !== "" && !/^\d+$/.test(t)) path.push(t);
  }
  return path;
}

function roleOf(path: readonly string[]): Role | null {
  if (path.length === 0) return null;
  const leaf = path[path.length - 1]!;
  if (path.some((p) => /行次/.test(p))) return "line";
  if (/编码|代码|^[类款项]$/.test(leaf) || (path.some((p) => /编码|代码/.test(p)) && !/名称/.test(leaf))) return "code";
  if (/名称|^项目(?!支出)|^科目$/.test(leaf)) return "name";
  return "amount";
}

/** A figure OCR read with a glyph or two wrong ("5,687,844.0(", "0.0C"): mostly digits, no Chinese. */
const mangledFigure = (t: string): boolean => !/[\u3400-\u9fff]/.test(t) && (t.match(/\d/g)?.length ?? 0) >= Math.max(2, 0.6 * [...t].length);

/** A column with no header of its own takes its role from what its body holds. */
function roleFromBody(grid: Grid, c: number, bodyStart: number): Role {
  let codes = 0;
  let amounts = 0;
  let words = 0;
  for (let r = bodyStart; r < grid.ys.length - 1; r++) {
    const cell = grid.cells[grid.cellAt[r]![c]!]!;
    // A 合计 spread over the code and name columns says nothing of what one of them holds.
    if (cell.c1 - cell.c0 > 1) continue;
    const t = compact(cell.text);
    if (t === "") continue;
    // 类, 款, 项 printed in the first body row (beside its 合计) head the parts of a split code.
    if (CODE.test(t) || /^\d{2}$/.test(t) || /^[类款项]$/.test(t)) codes++;
    else if (looksLikeAmount(t) || /^[-－—]$|^\d+$/.test(t) || mangledFigure(t)) amounts++;
    else words++;
  }
  if (words >= codes && words >= amounts && words > 0) return "name";
  return codes > amounts ? "code" : "amount";
}

/** The 合计 label of a last header row that is also the total line, or null. */
function sharedTotalCell(grid: Grid, bodyStart: number): GridCell | null {
  if (bodyStart === 0) return null;
  const first = rowCells(grid, bodyStart - 1).find((k) => compact(k.text) !== "");
  if (!first || first.c0 !== 0 || !TOTAL_LINE.test(compact(first.text))) return null;
  // It stands in the label column (names below it), not over a column of figures (T7's 合计).
  const below = [];
  for (let r = bodyStart; r < grid.ys.length - 1; r++) below.push(compact(grid.cells[grid.cellAt[r]![0]!]!.text));
  // Under an empty table nothing tells: only a 合计 spread over the label columns (编码|名称) is one.
  if (below.every((t) => t === "")) return first.c1 - first.c0 >= 2 ? first : null;
  return below.some((t) => t !== "" && !looksLikeAmount(t) && !/^[-－—\d.,]+$/.test(t)) ? first : null;
}

export function readColumns(grid: Grid, bodyStart: number = findBodyStart(grid)): GridColumns {
  const nc = grid.xs.length - 1;
  const shared = sharedTotalCell(grid, bodyStart);
  const columns: ColumnInfo[] = [];
  let group = 0;
  let groupHasValue = false;
  for (let c = 0; c < nc; c++) {
    const path = headerPath(grid, c, bodyStart, shared);
    // A heading read as figures over a column of codes or names (an OCR'd 编码 → 缘码) yields to the body.
    // So does a code/name heading spread over both columns (OCR missed the ruling between them) where the body says the other.
    const headed = roleOf(path);
    const body = headed === null || headed !== "line" ? roleFromBody(grid, c, bodyStart) : null;
    const labels = (r: Role | null): boolean => r === "code" || r === "name";
    const role = (headed === "amount" && body !== "amount") || (labels(headed) && labels(body)) ? (body ?? headed!) : (headed ?? body ?? "amount");
    if ((role === "code" || role === "name") && groupHasValue) {
      group++;
      groupHasValue = false;
    }
    if (role === "amount" || role === "line") groupHasValue = true;
    columns.push({ index: c, path, role, group });
  }
  return { columns, bodyStart, firstBodyRow: shared ? bodyStart - 1 : bodyStart };
}

/** Splits "2010350事业运行" into code and name. */
function splitGlued(text: string): { code: string | null; name: string } {
  const m = /^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$/.exec(text.trim());
  return m ? { code: m[1]!, name: m[2]! } : { code: null, name: text };
}

export function readBodyRows(grid: Grid, layout: GridColumns, startRow: number = layout.firstBodyRow): RawRow[] {
  const groups = [...new Set(layout.columns.map((c) => c.group))];
  const rows: RawRow[] = [];
  const lastParts = new Map<number, string[]>();
  for (let r = startRow; r < grid.ys.length - 1; r++) {
    const rowTexts = rowCells(grid, r).map((c) => compact(c.text));
    if (isColumnNumbersRow(rowTexts)) continue;
    const perGroup: RawRow[] = [];
    for (const g of groups) {
      const cols = layout.columns.filter((c) => c.group === g);
      const cellOf = (c: ColumnInfo): GridCell => grid.cells[grid.cellAt[r]![c.index]!]!;
      // A cell merged across groups ("公用经费合计" over two groups) belongs to the group it starts in.
      const ownCell = (cell: GridCell): boolean => cols.some((c) => c.index === cell.c0);
      const nameCol = cols.find((c) => c.role === "name");
      const nameCell = nameCol && ownCell(cellOf(nameCol)) ? cellOf(nameCol) : null;
      // Parts of a split code: each 类/款/项 column, skipping a cell merged into the name.
      const parts: string[] = [];
      let codeText = "";
      const codeCells = new Set<GridCell>();
      for (const c of cols.filter((k) => k.role === "code")) {
        const cell = cellOf(c);
        // A code printed across merged 类|款|项 columns is read once.
        if (cell === nameCell || codeCells.has(cell) || !ownCell(cell)) continue;
        codeCells.add(cell);
        const t = compact(cell.text);
        parts.push(t);
        codeText += t;
      }
      let name = nameCell && nameCell.r0 === r ? printedName(nameCell.text) : null;
      let code: string | null = null;
      if (parts.length > 0 && parts.every((p) => /^\d*$/.test(p)) && codeText !== "") {
        // A 类 printed once for its 款 rows: inherit the leading parts.
        const prev = lastParts.get(g) ?? [];
        const filled = parts.map((p, i) => (p === "" && parts.slice(i + 1).some((q) => q !== "") ? (prev[i] ?? "") : p));
        code = filled.join("");
        lastParts.set(g, filled);
      } else if (codeText !== "" && !/^\d/.test(codeText)) {
        // 合计 printed across the code columns.
        if (!name) name = printedName(codeText);
      } else if (codeText !== "") {
        const glued = splitGlued(codeText);
        code = glued.code;
        if (!name && glued.code) name = printedName(glued.name);
      }
      if (!code && name) {
        const glued = splitGlued(name);
        if (glued.code) {
          code = glued.code;
          name = printedName(glued.name);
        }
      }
      const amounts: RawAmount[] = [];
      const used = new Set<GridCell>();
      for (const c of cols.filter((k) => k.role === "amount")) {
        const cell = cellOf(c);
        if (used.has(cell) || cell === nameCell || (cell.c1 - cell.c0 > 1 && !ownCell(cell))) continue;
        used.add(cell);
        const text = compact(cell.text);
        // A header word in a data row (the shared 合计 row) is no figure.
        const figure = c.path.includes(text) ? "" : text;
        const confidence = cellConfidence(cell);
        amounts.push({ column: c.index, text: figure, bbox: [cell.x0, cell.y0, cell.x1, cell.y1], ...(confidence === undefined ? {} : { confidence }) });
      }
      perGroup.push({ page: grid.page, group: g, code: code && CODE.test(code) ? code : null, name: name || null, amounts });
    }
    rows.push(...mergeSpilledTotals(perGroup));
  }
  return rows;
}

/**
 * "公用经费合计" printed across two groups with its figure in the last one:
 * a labelled group with no figures takes the figures of an unlabelled group after it.
 */
function mergeSpilledTotals(groups: RawRow[]): RawRow[] {
  const out = groups.map((g) => ({ ...g, amounts: [...g.amounts] }));
  for (let i = 0; i < out.length - 1; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const aEmpty = a.amounts.every((x) => x.text === "");
    const bLabelled = b.code !== null || b.name !== null;
    if (a.name && !a.code && aEmpty && !bLabelled && b.amounts.some((x) => x.text !== "")) {
      out[i] = { ...a, amounts: b.amounts.map((x, k) => ({ ...x, column: a.amounts[k]?.column ?? x.column })) };
      out[i + 1] = { ...b, amounts: [] };
    }
  }
  return out;
}
