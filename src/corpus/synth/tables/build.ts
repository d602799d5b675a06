// The standard tables of one report, from its ledger and variant.
import type { StandardTableId } from "../../../../schemas/canonical.js";
import type { SourceTable, TablePrint } from "../../source/schema.js";
import type { Variant } from "../../variant.js";
import type { Ledger } from "../ledger.js";
import { emptyStatement, NOTE_FORMULA, NOTE_LEAD, NOTE_T9_FLOWS, tableTitle } from "../titles.js";
import { buildT6, buildT7 } from "./economic.js";
import { carryTotal, fundFigures, fundIncome, t2Figures, t3Figures, t5Figures, T2_COLS, T3_COLS, T5_COLS, T8_COLS } from "./figures.js";
import { rollUp, sumOf, type Rolled } from "./rollup.js";
import { buildT1, buildT4 } from "./sided.js";
import { universityTables } from "./university.js";
import { UNIVERSITY_TABLES } from "../../templates/university.js";

export interface BuiltTables {
  readonly tables: SourceTable[];
  readonly rolled: { t2: Rolled; t3: Rolled; t5: Rolled; t8: Rolled; t9: Rolled | null };
}

const COLUMN_COUNT: Record<StandardTableId, number> = { T1: 2, T2: 7, T3: 6, T4: 5, T5: 3, T6: 0, T7: 12, T8: 6, T9: 3 };

/** Whose content rules a template follows: the university template prints national content (its own tables aside). */
export const contentTemplate = (v: Variant): "national" | "shanghai" => (v.template === "shanghai" ? "shanghai" : "national");

export function printOf(id: StandardTableId, v: Variant, extra: { notes?: string[]; columns?: number; lead?: string } = {}): TablePrint {
  const national = contentTemplate(v) === "national";
  const lead = extra.lead ?? NOTE_LEAD[id];
  // A tall 三公 table has no 栏 to state formulas over.
  const formula = id === "T7" && v.t7 === "tall" ? undefined : NOTE_FORMULA[id];
  const notes = national ? [lead, ...(extra.notes ?? (formula ? [formula] : []))] : [lead];
  const columns = extra.columns ?? COLUMN_COUNT[id];
  const labels: Record<string, string> = {};
  if (national && (id === "T1" || id === "T4")) Object.assign(labels, { income_grand_total: "总 计", expense_grand_total: "总 计" });
  if (national && ["T2", "T5", "T8", "T9"].includes(id)) labels["total"] = "合 计";
  return {
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(national && columns > 0 ? { column_numbers: Array.from({ length: columns }, (_, i) => String(i + 1)) } : {}),
    notes,
  };
}

const isZero = (r: Rolled, cols: readonly string[]): boolean => cols.every((c) => sumOf(r.sums.get("total"), c) === 0);

export function buildTables(l: Ledger, v: Variant, unitName: string): BuiltTables {
  const y = l.year;
  const shanghai = v.template === "shanghai";
  const ids: StandardTableId[] =
    v.template === "university" ? [...UNIVERSITY_TABLES] : v.table_set === "eight" ? ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"] : ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];
  const title = (id: StandardTableId) => tableTitle(id, ids.indexOf(id) + 1, y, v);

  const t2 = rollUp(t2Figures(l), T2_COLS, y);
  const t3 = rollUp(t3Figures(l), T3_COLS, y);
  const t5 = rollUp(t5Figures(l), T5_COLS, y, shanghai);
  const t8 = rollUp(fundFigures(l, "gov_fund"), T8_COLS, y);
  const t9Cols = shanghai ? T8_COLS : T5_COLS;
  const t9 = v.table_set === "nine" ? rollUp(fundFigures(l, "state_capital"), t9Cols, y) : null;
  if (!t9 && !isZero(rollUp(fundFigures(l, "state_capital"), T5_COLS, y), T5_COLS)) {
    throw new Error(`${l.unit.id} FY${y}: a unit with 国有资本经营 spending needs the nine-table set`);
  }

  const t2Total = t2.sums.get("total") ?? {};
  const t1 = buildT1(contentTemplate(v), y, t3, {
    income: {
      fiscal_general: fundIncome(l, "general"),
      fiscal_gov_fund: fundIncome(l, "gov_fund"),
      fiscal_state_capital: fundIncome(l, "state_capital"),
      upper_subsidy: sumOf(t2Total, "upper_subsidy"),
      business: sumOf(t2Total, "business"),
      operating: sumOf(t2Total, "operating"),
      affiliate: sumOf(t2Total, "affiliate"),
      other: sumOf(t2Total, "other"),
    },
    useNonfiscalSurplus: l.useNonfiscalSurplus,
    carryBegin: (["general", "gov_fund", "state_capital", "nf"] as const).reduce((a, k) => a + carryTotal(l, k, "begin"), 0),
    surplusDistribution: l.surplusDistribution,
    carryEnd: (["general", "gov_fund", "state_capital", "nf"] as const).reduce((a, k) => a + carryTotal(l, k, "end"), 0),
  });
  const fundsOf = (side: "begin" | "end") => ({
    general: carryTotal(l, "general", side),
    gov_fund: carryTotal(l, "gov_fund", side),
    state_capital: carryTotal(l, "state_capital", side),
  });
  const t4 = buildT4(contentTemplate(v), y, t5, t8, t9, {
    income: { general: fundIncome(l, "general"), gov_fund: fundIncome(l, "gov_fund"), state_capital: fundIncome(l, "state_capital") },
    carryBegin: fundsOf("begin"),
    carryEnd: fundsOf("end"),
  });

  const coded = (id: StandardTableId, r: Rolled, cols: readonly string[], lead?: string): SourceTable => {
    const base = { id, title: title(id), print: printOf(id, v, { columns: cols.length, ...(lead ? { lead } : {}) }) };
    if (!isZero(r, cols)) return { ...base, rows: r.rows, cells: r.cells };
    return {
      ...base,
      empty: true,
      empty_statement: emptyStatement(id, v.template, unitName),
      rows: [{ key: "total", name: "合计" }],
      cells: cols.map((c) => ({ row: "total", col: c, value: null })),
    };
  };

  const t6 = buildT6(l, contentTemplate(v));
  const t7 = buildT7(l);
  const tables: SourceTable[] = [
    { id: "T1", title: title("T1"), rows: t1.rows, cells: t1.cells, print: { ...printOf("T1", v, { notes: t1.notes }), lines: t1.lines } },
    coded("T2", t2, T2_COLS),
    coded("T3", t3, T3_COLS),
    { id: "T4", title: title("T4"), rows: t4.rows, cells: t4.cells, print: { ...printOf("T4", v, { notes: t4.notes }), lines: t4.lines } },
    coded("T5", t5, T5_COLS),
    { id: "T6", title: title("T6"), rows: t6.rows, cells: t6.cells, print: printOf("T6", v) },
    {
      id: "T7",
      title: title("T7"),
      ...(l.sangong ? {} : { empty: true, empty_statement: emptyStatement("T7", v.template, unitName) }),
      rows: t7.rows,
      cells: t7.cells,
      print: printOf("T7", v),
    },
    coded("T8", t8, T8_COLS),
  ];
  if (t9) tables.push(coded("T9", t9, t9Cols, shanghai ? NOTE_T9_FLOWS : undefined));
  if (v.template === "university") return { tables: universityTables(l, tables, title), rolled: { t2, t3, t5, t8, t9 } };
  return { tables, rolled: { t2, t3, t5, t8, t9 } };
}
