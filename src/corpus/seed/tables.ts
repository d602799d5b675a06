// Seed text -> what each printed table shows beyond its canonical cells: the
// 行次 of every T1/T4 line (fillers included), printed labels, the 栏次
// numbers, 注 lines and remarks. Every printed amount is checked against the
// canonical cell it belongs to, so the source cannot drift from the seed.
import type { Row, Cell } from "../../../schemas/canonical.js";
import { formatAmount } from "../format.js";
import type { PrintedLine, TablePrint } from "../source/schema.js";
import { NATIONAL } from "../templates/national.js";
import type { StandardTableId } from "../../../schemas/canonical.js";

export interface CanonicalTable {
  readonly id: StandardTableId;
  readonly title: string;
  readonly rows: readonly Row[];
  readonly cells: readonly Cell[];
}

const squash = (s: string): string => s.replace(/\s+/g, "");
const isNumberRow = (cells: readonly string[]): boolean => {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== "");
  const labelled = filled.some((c) => squash(c) === "栏次") || (filled.includes("栏") && filled.includes("次"));
  return labelled || (filled.length > 1 && filled.every((c, i) => c === String(i + 1)));
};

/** Sided-table cell positions in the seed's tab-separated lines. */
const SIDED: Partial<Record<StandardTableId, { name: number; line: number; amounts: number[] }[]>> = {
  T1: [
    { name: 0, line: 1, amounts: [2] },
    { name: 3, line: 4, amounts: [5] },
  ],
  T4: [
    { name: 0, line: 2, amounts: [3] },
    { name: 4, line: 6, amounts: [7, 8, 9, 10] },
  ],
};

function amountKeys(id: StandardTableId, block?: number): string[] {
  return NATIONAL.tables[id].columns.filter((c) => c.key && (block === undefined || c.block === block)).map((c) => c.key ?? "");
}

class Checker {
  private readonly values: Map<string, number | null>;
  constructor(private readonly t: CanonicalTable) {
    this.values = new Map(t.cells.map((c) => [`${c.row}/${c.col}`, c.value]));
  }
  amount(row: string, col: string, printed: string | undefined): void {
    const v = this.values.get(`${row}/${col}`);
    if (v === undefined) throw new Error(`${this.t.id}: the seed prints ${row}/${col} but the example has no such cell`);
    if (formatAmount(v) !== (printed ?? "").trim()) {
      throw new Error(`${this.t.id} ${row}/${col}: expected "${formatAmount(v)}" as the seed prints, got "${printed ?? ""}"`);
    }
  }
  row(key: string): Row {
    const r = this.t.rows.find((x) => x.key === key);
    if (!r) throw new Error(`${this.t.id}: the seed prints row ${key} but the example does not list it`);
    return r;
  }
}

export interface SeedTableText {
  readonly body: readonly string[][];
  readonly print: TablePrint;
}

/** Splits one table's chunk of seed lines into grid lines and the lines below the grid. */
export function readTableChunk(chunk: readonly string[]): SeedTableText & { numbers?: string[] } {
  const lines = chunk.filter((l) => l.trim() !== "" && !/^(部门：|金额单位：)/.test(l.trim()));
  const noteAt = lines.findIndex((l) => l.trim().startsWith("注："));
  const grid = (noteAt >= 0 ? lines.slice(0, noteAt) : lines).map((l) => l.split("\t"));
  const below = noteAt >= 0 ? lines.slice(noteAt).map((l) => l.trim()) : [];
  const notes = below.filter((l) => !/^表\d+说明/.test(l) && !l.startsWith("本单位本年度无"));
  const remarks = below.filter((l) => /^表\d+说明/.test(l));
  const numbersAt = grid.findIndex(isNumberRow);
  const numbers = numbersAt >= 0 ? (grid[numbersAt] ?? []).map((c) => c.trim()).filter((c) => /^\d+$/.test(c)) : undefined;
  const body = numbersAt >= 0 ? grid.slice(numbersAt + 1) : grid;
  const print: TablePrint = { notes, ...(remarks.length ? { remarks } : {}), ...(numbers ? { column_numbers: numbers } : {}) };
  return { body, print };
}

export function printedExtras(t: CanonicalTable, chunk: readonly string[]): TablePrint {
  const { body, print } = readTableChunk(chunk);
  const check = new Checker(t);
  const labels: Record<string, string> = {};
  const label = (key: string, printed: string) => {
    const p = printed.trim();
    if (p !== (check.row(key).name ?? "")) labels[key] = p;
  };
  const sided = SIDED[t.id];
  let lines: PrintedLine[] | undefined;
  if (sided) {
    const firstClass = t.rows.findIndex((r) => /^\d{3}$/.test(r.key));
    const sides = [t.rows.slice(0, firstClass), t.rows.slice(firstClass)];
    lines = [];
    for (const cells of body) {
      sided.forEach((pos, block) => {
        const lineNo = Number((cells[pos.line] ?? "").trim());
        if (!lineNo) return;
        const name = cells[pos.name] ?? "";
        const row = name.trim() === "" ? undefined : sides[block]?.find((r) => squash(r.name ?? "") === squash(name));
        if (name.trim() !== "" && !row) throw new Error(`${t.id}: no example row named "${name}"`);
        lines?.push({ line: lineNo, side: block === 0 ? "income" : "expense", key: row?.key ?? null });
        if (!row) return;
        label(row.key, name);
        const keys = amountKeys(t.id, block);
        keys.forEach((col, k) => check.amount(row.key, col, cells[pos.amounts[k] ?? -1]));
      });
    }
  } else if (t.id === "T6") {
    for (const cells of body.slice(1)) {
      for (let g = 0; g < 3; g++) {
        const [code = "", name = "", amount = ""] = cells.slice(3 * g, 3 * g + 3);
        if (/^\d+$/.test(code.trim())) {
          label(code.trim(), name);
          check.amount(code.trim(), "amount", amount);
        }
      }
      const footer = cells.map((c) => c.trim());
      if (footer.includes("人员经费合计")) {
        check.amount("personnel_total", "amount", footer[2]);
        check.amount("public_total", "amount", footer[footer.length - 1]);
      }
    }
  } else if (t.id === "T7") {
    const data = body[body.length - 1] ?? [];
    amountKeys("T7").forEach((col, k) => check.amount("total", col, data[k]));
  } else {
    const keys = amountKeys(t.id);
    for (const cells of body) {
      const first = (cells[0] ?? "").trim();
      const key = /^\d+$/.test(first) ? first : squash(first) === "合计" ? "total" : undefined;
      if (!key) continue;
      label(key, key === "total" ? first : (cells[1] ?? ""));
      keys.forEach((col, k) => check.amount(key, col, cells[2 + k]));
    }
  }
  return { ...(lines ? { lines } : {}), ...(Object.keys(labels).length ? { labels } : {}), ...print };
}
