// The cross-year identities, as data. Y1: what a unit carries into a year is
// what it carried out of the year before (年初结转和结余 = 上年年末结转和结余).
// A carry-over may be adjusted between the years (收回, 调整), which the
// tables do not show, so a gap is a warning, never an error.
export interface CarryPair {
  readonly table: string;
  /** This year's cell. */
  readonly begin: { readonly row: string; readonly col: string };
  /** Last year's cell it should equal. */
  readonly end: { readonly row: string; readonly col: string };
  /** As the table prints them. */
  readonly beginName: string;
  readonly endName: string;
}

export const CARRY_PAIRS: readonly CarryPair[] = [
  { table: "T1", begin: { row: "carry_begin", col: "amount" }, end: { row: "carry_end", col: "amount" }, beginName: "年初结转和结余", endName: "年末结转和结余" },
  { table: "T4", begin: { row: "carry_begin", col: "amount" }, end: { row: "carry_end", col: "total" }, beginName: "年初财政拨款结转和结余", endName: "年末财政拨款结转和结余" },
  { table: "T4", begin: { row: "carry_begin_general", col: "amount" }, end: { row: "carry_end", col: "general" }, beginName: "年初结转和结余 一般公共预算财政拨款", endName: "年末结转和结余 一般公共预算财政拨款" },
  { table: "T4", begin: { row: "carry_begin_gov_fund", col: "amount" }, end: { row: "carry_end", col: "gov_fund" }, beginName: "年初结转和结余 政府性基金预算财政拨款", endName: "年末结转和结余 政府性基金预算财政拨款" },
  { table: "T4", begin: { row: "carry_begin_state_capital", col: "amount" }, end: { row: "carry_end", col: "state_capital" }, beginName: "年初结转和结余 国有资本经营预算财政拨款", endName: "年末结转和结余 国有资本经营预算财政拨款" },
];

/** Tables whose every row (合计 and each function code) carries its own 年初/年末 columns. */
export const CARRY_COLUMN_TABLES: readonly { readonly table: string; readonly begin: string; readonly end: string }[] = [
  { table: "T8", begin: "carry_begin", end: "carry_end" },
];

export const YEAR_RULES = {
  carry: { rule: "year.carry", identity: "Y1" },
  change: { rule: "year.change", identity: "Y2" },
} as const;
