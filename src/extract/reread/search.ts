// Identity-guided re-reading of cells: where a table breaks an identity, other
// readings of the cells involved (OCR's readings of their ink) are tried one
// cell at a time, and a reading is kept only when it leaves fewer identities
// broken. The readings come from what the page shows; a figure is never worked
// out by arithmetic. (Text layers are re-read at the page: across-rulings.ts.)
import type { Cell, Finding, Table } from "../../../schemas/canonical.js";

export type CellKey = string;
export const cellKey = (table: string, row: string | null, col: string | null): CellKey => `${table}|${row ?? ""}|${col ?? ""}`;

/** Another reading of a cell: its value, text and confidence. */
export type Reading = Pick<Cell, "value" | "text" | "confidence">;

/** Findings that break an identity beyond rounding (not structure or narrative ones). */
export const brokenIdentities = (fs: readonly Finding[]): Finding[] =>
  fs.filter((f) => f.severity !== "info" && !f.within_rounding && f.table !== "narrative" && f.expected !== null);

export interface Suspect {
  readonly table: Table;
  readonly cell: Cell;
}

/** The cells the broken identities involve (both sides), where `eligible` says they may be read again. */
export function suspectCells(tables: readonly Table[], broken: readonly Finding[], eligible: (cell: Cell) => boolean): Map<CellKey, Suspect> {
  const out = new Map<CellKey, Suspect>();
  for (const f of broken) {
    for (const r of [{ table: f.table, row: f.row, col: f.col }, ...(f.refs ?? [])]) {
      const table = tables.find((t) => t.id === r.table);
      const cell = table?.cells.find((c) => c.row === r.row && c.col === r.col);
      if (table && cell && eligible(cell)) out.set(cellKey(table.id, cell.row, cell.col), { table, cell });
    }
  }
  return out;
}

/** The tables with one cell read another way (the other tables are shared). */
function applyReading(tables: readonly Table[], key: CellKey, reading: Reading): Table[] {
  const table = key.slice(0, key.indexOf("|"));
  return tables.map((t) => (t.id !== table ? t : { ...t, cells: t.cells.map((c) => (cellKey(t.id, c.row, c.col) === key ? { ...c, ...reading } : c)) }));
}

/**
 * Tries each suspect's readings in turn, in order, and keeps the first that
 * leaves fewer identities broken than the tables as they stand (`broken` of them).
 */
export function keepBetterReadings(
  tables: readonly Table[],
  broken: number,
  readings: ReadonlyMap<CellKey, readonly Reading[]>,
  validate: (tables: readonly Table[]) => Finding[],
): Table[] {
  let current = tables.map((t) => ({ ...t, cells: [...t.cells] }));
  let worst = broken;
  for (const [key, options] of readings) {
    for (const reading of options) {
      const trial = applyReading(current, key, reading);
      const n = brokenIdentities(validate(trial)).length;
      if (n < worst) {
        [current, worst] = [trial, n];
        break;
      }
    }
    if (worst === 0) break;
  }
  return current;
}
