// pdf-parse's tables as canonical reports, so that the scorer can judge the
// peer as it judges juesuan. The peer has no notion of the standard tables,
// codes or units, so this adapter is generous on purpose: it is told which
// pages each true table is on, which rows it has and in what order its
// columns come, and the unit it prints in. A true row is found as a peer row
// holding its code (also split over 类|款|项 cells) or its name; the figures
// after that cell, in order, are its cells. What is left to the peer is
// finding the rows and reading each figure in its place.
import type { Report, Table } from "../../../schemas/canonical.js";
import { parseAmount, toWan } from "../../recognize/amount.js";
import type { PeerFile } from "./peer.js";

const compact = (s: string): string => s.replace(/\s+/g, "");

/** Where in a peer row the true row starts: the index just after its code or name, or -1. */
function after(cells: readonly string[], key: string, name: string): number {
  const want = compact(name);
  for (let i = 0; i < cells.length; i++) {
    const c = compact(cells[i]!);
    if (c !== "" && (c === key || (want !== "" && c === want))) {
      // A code is followed by its name: the figures come after both.
      return c === key && i + 1 < cells.length && compact(cells[i + 1]!) === want ? i + 2 : i + 1;
    }
    // 类 | 款 | 项 in cells of their own: 201 | 03 | 50.
    let joined = c;
    for (let j = i + 1; j < cells.length && /^\d{2,3}$/.test(joined) && joined.length < key.length; j++) {
      joined += compact(cells[j]!);
      if (joined === key) return compact(cells[j + 1] ?? "") === want ? j + 2 : j + 1;
    }
  }
  return -1;
}

function peerTable(truth: Table, rows: readonly (readonly string[])[], unit: "万元" | "元" | "亿元"): Table {
  const cells: Table["cells"] = [];
  for (const row of truth.rows) {
    const want = truth.cells.filter((c) => c.row === row.key);
    const name = row.name ?? "";
    const peerRow = rows.find((r) => after(r, row.key, name) >= 0);
    if (!peerRow || want.length === 0) continue;
    const figures = peerRow.slice(after(peerRow, row.key, name));
    want.forEach((c, i) => {
      const read = parseAmount(figures[i] ?? "");
      if (read.ok && i < figures.length) cells.push({ row: row.key, col: c.col, value: toWan(read.value, unit) });
    });
  }
  return { ...truth, cells };
}

/** The peer's reading of one report, in the shape of its truth. */
export function peerReport(truth: Omit<Report, "findings">, peer: PeerFile | undefined): Report {
  const tables = truth.tables.map((t) => {
    const pages = new Set(t.pages);
    const rows = (peer?.pages ?? []).filter((p) => pages.has(p.num)).flatMap((p) => p.tables.flat());
    return peerTable(t, rows, t.printed_unit ?? truth.printed_unit ?? "万元");
  });
  const { file, sha256, unit, year, printed_unit } = truth;
  return { file, sha256, unit, year, printed_unit, status: "ok", tables, findings: [] };
}
