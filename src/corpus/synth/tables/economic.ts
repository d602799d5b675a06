// 表6 (基本支出 by economic code) and 表7 (三公).
import type { Cell, Row } from "../../../../schemas/canonical.js";
import { toWan, type Yuan } from "../amount.js";
import { ECON_CODES } from "../catalogue/econ.js";
import type { Ledger } from "../ledger.js";
import { nullIfZero } from "./rollup.js";

/** The seed's 表6 order: 人员经费 (301, 303), then 公用经费 (302, 310). */
const CLASS_ORDER = ["301", "303", "302", "310"];

export function buildT6(l: Ledger, template: "national" | "shanghai"): { rows: Row[]; cells: Cell[] } {
  const printed = ECON_CODES.filter((c) => template === "shanghai" || c.seed);
  for (const code of l.t6.keys()) {
    if (!printed.some((c) => c.code === code)) throw new Error(`T6: economic code ${code} is not printed by the ${template} template`);
  }
  const rows: Row[] = [];
  const cells: Cell[] = [];
  const classSum = new Map<string, Yuan>();
  for (const cls of CLASS_ORDER) {
    const group = printed.filter((c) => c.code.slice(0, 3) === cls);
    const sum = group.reduce((a, c) => a + (c.code.length === 5 ? (l.t6.get(c.code) ?? 0) : 0), 0);
    classSum.set(cls, sum);
    for (const c of group) {
      rows.push({ key: c.code, name: c.name });
      cells.push({ row: c.code, col: "amount", value: nullIfZero(c.code.length === 3 ? sum : (l.t6.get(c.code) ?? 0)) });
    }
  }
  const personnel = (classSum.get("301") ?? 0) + (classSum.get("303") ?? 0);
  const pub = (classSum.get("302") ?? 0) + (classSum.get("310") ?? 0);
  rows.push({ key: "personnel_total", name: "人员经费合计" }, { key: "public_total", name: "公用经费合计" });
  cells.push({ row: "personnel_total", col: "amount", value: toWan(personnel) }, { row: "public_total", col: "amount", value: toWan(pub) });
  return { rows, cells };
}

export const T7_ITEMS = ["total", "abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"] as const;

/** 表7: budget block printed 0.00 where zero, actual block empty (as the seed). null ledger: declared empty. */
export function buildT7(l: Ledger): { rows: Row[]; cells: Cell[] } {
  const rows: Row[] = [{ key: "total", name: null }];
  const cells: Cell[] = [];
  for (const series of ["budget", "actual"] as const) {
    const s = l.sangong?.[series];
    const fig: Record<(typeof T7_ITEMS)[number], Yuan> = s
      ? {
          total: s.abroad + s.purchase + s.operation + s.reception,
          abroad: s.abroad,
          vehicle: s.purchase + s.operation,
          vehicle_purchase: s.purchase,
          vehicle_operation: s.operation,
          reception: s.reception,
        }
      : { total: 0, abroad: 0, vehicle: 0, vehicle_purchase: 0, vehicle_operation: 0, reception: 0 };
    for (const item of T7_ITEMS) {
      const y = fig[item];
      const value = !s ? null : series === "budget" ? toWan(y) : nullIfZero(y);
      cells.push({ row: "total", col: `${series}_${item}`, value });
    }
  }
  return { rows, cells };
}
