// Code columns as a variant prints them. "split": each code column becomes
// 类|款|项 columns (T6: 类|款) holding "201" "06" "01", the 类 repeated on
// every row as 普陀 prints it, with a 类/款/项 header row under the code
// heading. "glued": no code column; the name cell reads "2010350事业运行".
// Works on the composed grid, so every template gets both for free.
import type { GridCell, GridRow } from "../layout/printed-table.js";
import type { ColumnSpec } from "../templates/types.js";
import type { Variant } from "../variant.js";

export interface CodedGrid {
  readonly columns: readonly ColumnSpec[];
  readonly header: readonly GridRow[];
  readonly numberRow?: GridRow;
  readonly body: readonly GridRow[];
}

const PART_LABELS = ["类", "款", "项"] as const;
/** 类 takes three digits, 款 and 项 two; widths fit them at 9 pt with padding. */
const PART_WIDTHS = [26, 20, 20] as const;

/** "2010350" -> ["201", "03", "50"]; "20103" -> ["201", "03", ""]; "30101" in two parts -> ["301", "01"]. */
export function codeParts(code: string, parts: number): string[] {
  const pieces = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
  return pieces.slice(0, parts);
}

export function applyCodes(grid: CodedGrid, codes: Variant["codes"], headerRowHeight: number): CodedGrid {
  if (codes === "column") return grid;
  return codes === "split" ? split(grid, headerRowHeight) : glue(grid);
}

const isCodeCell = (c: GridCell, columns: readonly ColumnSpec[]): boolean =>
  c.colSpan === 1 && columns[c.col]?.kind === "code";

/** Maps each old column to its new columns; cells span the union of theirs (none: the cell goes). */
function remapper(targets: readonly (readonly number[])[]) {
  return (c: GridCell): GridCell | undefined => {
    const cols = targets.slice(c.col, c.col + c.colSpan).flat();
    const first = cols[0];
    const last = cols[cols.length - 1];
    if (first === undefined || last === undefined) return undefined;
    return { ...c, col: first, colSpan: last - first + 1 };
  };
}

function split(grid: CodedGrid, headerRowHeight: number): CodedGrid {
  const partsOf = (spec: ColumnSpec | undefined): number => (spec?.kind === "code" ? (spec.codeParts ?? 3) : 1);
  const targets: number[][] = [];
  const columns: ColumnSpec[] = [];
  for (const spec of grid.columns) {
    const n = partsOf(spec);
    targets.push(Array.from({ length: n }, (_, i) => columns.length + i));
    if (spec.kind === "code") {
      for (let i = 0; i < n; i++) columns.push({ kind: "code", width: PART_WIDTHS[i] ?? 20, block: spec.block });
    } else columns.push(spec);
  }
  const remap = remapper(targets);
  const row = (r: GridRow, splitCodes: boolean): GridRow => ({
    ...r,
    cells: r.cells.flatMap((c) => {
      const moved = remap(c);
      if (!moved) return [];
      if (!splitCodes || !isCodeCell(c, grid.columns)) return [moved];
      return codeParts(c.text, partsOf(grid.columns[c.col])).map((text, i) => ({ ...moved, text, col: moved.col + i, colSpan: 1 }));
    }),
  });
  // The code heading spans its parts; a new bottom header row names them, and
  // every other cell reaching the old bottom row stretches over it.
  const bottom = grid.header.length;
  const header = grid.header.map((r, i) => ({
    ...r,
    cells: r.cells.flatMap((c) => {
      const moved = remap(c);
      if (!moved) return [];
      const reachesBottom = i + c.rowSpan === bottom;
      return [reachesBottom && !isCodeCell(c, grid.columns) ? { ...moved, rowSpan: moved.rowSpan + 1 } : moved];
    }),
  }));
  const labels: GridCell[] = grid.columns.flatMap((spec, i) =>
    spec.kind === "code"
      ? (targets[i] ?? []).map((col, k) => ({ text: PART_LABELS[k] ?? "", col, colSpan: 1, rowSpan: 1, align: "center" as const }))
      : [],
  );
  return {
    columns,
    header: [...header, { cells: labels, minHeight: headerRowHeight, keys: [] }],
    ...(grid.numberRow ? { numberRow: row(grid.numberRow, false) } : {}),
    body: grid.body.map((r) => row(r, true)),
  };
}

function glue(grid: CodedGrid): CodedGrid {
  const targets: number[][] = [];
  const columns: ColumnSpec[] = [];
  for (const spec of grid.columns) {
    if (spec.kind === "code") targets.push([]);
    else {
      targets.push([columns.length]);
      columns.push(spec);
    }
  }
  const remap = remapper(targets);
  const row = (r: GridRow, moveCodes = true): GridRow => {
    // A body code cell's text moves in front of the name in the next column.
    const codeCells = moveCodes ? r.cells.filter((c) => isCodeCell(c, grid.columns)) : [];
    const prefixes = new Map(codeCells.map((c) => [c.col + 1, c.text]));
    return {
      ...r,
      cells: r.cells.flatMap((c) => {
        const moved = remap(c);
        if (!moved) return [];
        const prefix = c.colSpan === 1 ? prefixes.get(c.col) : undefined;
        return [prefix ? { ...moved, text: `${prefix}${moved.text}` } : moved];
      }),
    };
  };
  return {
    columns,
    header: grid.header.map((r) => row(r, false)),
    ...(grid.numberRow ? { numberRow: row(grid.numberRow, false) } : {}),
    body: grid.body.map((r) => row(r)),
  };
}
