// What a series report's truth adds to today's truth: which unit it is and
// how its name was printed (`series`), and the cross-year breaks injected
// into it (`year_faults`), each a link of the chain (check.ts) it breaks.
import type { ChainBreak } from "./check.js";
import { isAmbiguous, printedRegion, type Region, type SeriesUnit } from "./units.js";

export interface SeriesTruth {
  readonly unit_key: string;
  /** The name on the cover, the 部门：/编制单位： line and in the narrative. */
  readonly printed_name: string;
  readonly full_name: string;
  /** The region as the printed name spells it (null: not printed). */
  readonly region: Region;
  /** The name on the cover (the full name where the cover prints it and the rest does not). */
  readonly cover_name: string;
  /** Neither the printed name nor the cover tells which unit it is (U3's 普陀区生态环境局: U3 or U4). */
  readonly ambiguous: boolean;
}

export type YearFaultName = "year-carry" | "year-change";

export interface YearFaultRecord extends ChainBreak {
  readonly fault: YearFaultName;
  readonly prior_year: number;
}

export function seriesTruth(unit: SeriesUnit, printed: string, cover: string): SeriesTruth {
  return {
    unit_key: unit.key, printed_name: printed, full_name: unit.spec.name, region: printedRegion(unit, printed), cover_name: cover,
    ambiguous: isAmbiguous(printed) && isAmbiguous(cover),
  };
}

/** The chain links a fault broke, as truth records (万元; the quote for a narrative statement). */
export function yearFaultRecords(fault: YearFaultName, priorYear: number, breaks: readonly ChainBreak[]): YearFaultRecord[] {
  return breaks.map((b) => ({ fault, prior_year: priorYear, ...b }));
}
