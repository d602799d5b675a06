// The university template's tables (templates/university.ts) from the same
// ledger as every report: 表2 with 事业收入 split into 教育事业收入 and
// 科研事业收入 (科学技术 lines mostly research, the rest mostly teaching),
// 表1 with the university's income lines (财政拨款收入 in one line, the two
// parts of 事业收入 under it as 其中 lines), 表3 and the 财政拨款支出决算表
// (T5) as built. Every figure is still a roll-up in integer 元.
import type { Cell, Row } from "../../../../schemas/canonical.js";
import type { SourceTable } from "../../source/schema.js";
import { UNIVERSITY_KEYS, UNIVERSITY_TABLES } from "../../templates/university.js";
import { fromWan, roundTo, type Yuan } from "../amount.js";
import type { Ledger } from "../ledger.js";
import { t2Figures } from "./figures.js";
import { nullIfZero, rollUp, sumOf } from "./rollup.js";
import { numbering } from "./sided.js";

const { education: EDU, research: RES, fiscal: FISCAL } = UNIVERSITY_KEYS;
export const UNIVERSITY_T2_COLS = ["total", "fiscal", "upper_subsidy", "business", EDU, RES, "operating", "affiliate", "other"] as const;

/** The research part of a line's 事业收入: most of it on 206 科学技术 lines, a little elsewhere. */
const researchShare = (code: string): number => (code.startsWith("206") ? 0.9 : 0.12);

export function universityTables(l: Ledger, built: readonly SourceTable[], title: (id: SourceTable["id"]) => string): SourceTable[] {
  const byId = new Map(built.map((t) => [t.id, t]));
  const perCode = t2Figures(l);
  for (const [code, f] of perCode) {
    const business = f["business"] ?? 0;
    const research = roundTo(business * researchShare(code), l.step);
    perCode.set(code, { ...f, [EDU]: business - research, [RES]: research });
  }
  const t2 = rollUp(perCode, UNIVERSITY_T2_COLS, l.year);
  const national = byId.get("T2");
  const t1 = byId.get("T1");
  if (!national || !t1) throw new Error(`${l.unit.id}: expected T1 and T2 to build the university tables`);
  const total = t2.sums.get("total") ?? {};
  const T2: SourceTable = {
    ...national,
    rows: t2.rows,
    cells: t2.cells,
    print: { ...national.print, ...(national.print.column_numbers ? { column_numbers: UNIVERSITY_T2_COLS.map((_, i) => String(i + 1)) } : {}) },
  };
  const out: SourceTable[] = [];
  for (const id of UNIVERSITY_TABLES) {
    if (id === "T1") out.push(universityT1(t1, sumOf(total, EDU), sumOf(total, RES)));
    else if (id === "T2") out.push(T2);
    else {
      const t = byId.get(id);
      if (!t) throw new Error(`${l.unit.id}: expected ${id} to be built`);
      out.push({ ...t, title: title(id) });
    }
  }
  return out;
}

/** 表1 with the university's income lines; the 支出 side as the national one. */
function universityT1(t1: SourceTable, education: Yuan, research: Yuan): SourceTable {
  const value = new Map(t1.cells.map((c) => [c.row, c.value]));
  const fiscal = fromWan(value.get("fiscal_general")) + fromWan(value.get("fiscal_gov_fund")) + fromWan(value.get("fiscal_state_capital"));
  const income: [string, string, number | null][] = [
    [FISCAL, "一、财政拨款收入", nullIfZero(fiscal)],
    ["upper_subsidy", "二、上级补助收入", value.get("upper_subsidy") ?? null],
    ["business", "三、事业收入", value.get("business") ?? null],
    [EDU, "其中：教育事业收入", nullIfZero(education)],
    [RES, "科研事业收入", nullIfZero(research)],
    ["operating", "四、经营收入", value.get("operating") ?? null],
    ["affiliate", "五、附属单位上缴收入", value.get("affiliate") ?? null],
    ["other", "六、其他收入", value.get("other") ?? null],
  ];
  const tail = ["income_total", "use_nonfiscal_surplus", "carry_begin", "income_grand_total"];
  const lines = t1.print.lines ?? [];
  const expenseKeys = lines.filter((p) => p.side === "expense").sort((a, b) => a.line - b.line).map((p) => p.key);
  const incomeCount = lines.filter((p) => p.side === "income").length;
  const incomeKeys = [...income.map(([k]) => k), ...Array.from({ length: incomeCount - income.length - tail.length }, () => null), ...tail];
  const kept = (k: string): boolean => !["fiscal_general", "fiscal_gov_fund", "fiscal_state_capital", "upper_subsidy", "business", "operating", "affiliate", "other"].includes(k);
  const rows: Row[] = [...income.map(([key, name]) => ({ key, name })), ...t1.rows.filter((r) => kept(r.key))];
  const cells: Cell[] = [...income.map(([row, , v]) => ({ row, col: "amount", value: v })), ...t1.cells.filter((c) => kept(c.row))];
  const n = incomeCount - tail.length;
  const e0 = incomeCount + 1;
  const classes = expenseKeys.length - 4;
  const notes = [
    `${n + 1}行 = (1+2+3+6+7+8) 行；3行 = (4+5) 行； ${n + 4}行 = (${n + 1}+${n + 2}+${n + 3}) 行；`,
    `${e0 + classes}行 = (${e0}+${e0 + 1}+...+${e0 + classes - 1}) 行； ${e0 + classes + 3}行 = (${e0 + classes}+${e0 + classes + 1}+${e0 + classes + 2}) 行。`,
  ];
  return { ...t1, rows, cells, print: { ...t1.print, lines: numbering(incomeKeys, expenseKeys), notes: [t1.print.notes[0] ?? "", ...notes] } };
}
