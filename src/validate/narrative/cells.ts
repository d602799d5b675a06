// Table figures for claims: a cell's printed value in 万元 and the rounding it carries.
import type { Table } from "../../../schemas/canonical.js";
import { halfStepInWan } from "../units.js";
import type { CellRef, Operand } from "./types.js";


export interface Figure {
  /** In 万元; a printed-empty cell counts as 0. */
  readonly value: number;
  /** The rounding the figure may carry: half a printed unit per non-zero addend. */
  readonly tol: number;
  /** The step the figure is printed at, in 万元 (0.01 for a 万元 table). */
  readonly step: number;
  readonly refs: readonly CellRef[];
}

function cell(tables: readonly Table[], ref: CellRef): { value: number; half: number } | undefined {
  const t = tables.find((x) => x.id === ref.table);
  if (!t) return undefined;
  const half = halfStepInWan(t.printed_unit);
  const c = t.cells.find((x) => x.row === ref.row && x.col === ref.col);
  if (c) return { value: c.value ?? 0, half };
  // A table the report declares empty prints (at most) a blank 合计 row.
  if (t.empty) return { value: 0, half };
  return undefined;
}

export function figureOf(tables: readonly Table[], refs: readonly CellRef[]): Figure | undefined {
  if (refs.length === 0) return undefined;
  let value = 0;
  let tol = 0;
  let step = 0;
  for (const r of refs) {
    const c = cell(tables, r);
    if (!c) return undefined;
    value += c.value;
    if (c.value !== 0) tol += c.half;
    step = Math.max(step, c.half * 2);
  }
  return { value, tol, step, refs };
}

/** The primary cells, or the cells equal to them by identity when the primary ones were not read. */
export function resolve(tables: readonly Table[], op: Operand): Figure | undefined {
  if ("value" in op) return { value: op.value, tol: 0, step: 0, refs: [] };
  return figureOf(tables, op.refs) ?? (op.fallback ? figureOf(tables, op.fallback) : undefined);
}
