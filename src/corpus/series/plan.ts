// The series plan: which unit and year each report is, the name it prints,
// how it prints (a few layouts the extractor reads exactly on the planned
// corpus; 万元 turning to 元 and never back, so a carried 年末 always prints
// exactly the next year) and the cross-year break injected, if any.
// Deterministic in the seed; the seed moves figures, not the plan.
import type { PlanEntry } from "../synth/build.js";
import { SEED_VARIANT, type Variant } from "../variant.js";
import { coverName, printedName, SERIES_UNITS, type SeriesKey, type SeriesUnit } from "./units.js";

/** The three year-on-year statements of the 情况说明, by the figure they restate. */
export type ChangeStatement = "T1:income_grand_total" | "T4:income_grand_total" | "T5:total";

/** A cross-year break: 年初 off last year's 年末 in one fund, or a statement's implied prior off last year's figure. */
export type YearFaultSpec = { readonly fault: "year-carry"; readonly fund: "general" | "gov_fund" } | { readonly fault: "year-change"; readonly statement: ChangeStatement };

export interface SeriesEntry {
  readonly entry: PlanEntry;
  readonly unit: SeriesUnit;
  readonly printed: string;
  /** The name on the cover. */
  readonly cover: string;
  /** The unit's first year in the series: its carry-over and priors are invented. */
  readonly first: boolean;
  /** The unit's last year in the series: nothing is carried into a next report. */
  readonly last: boolean;
  readonly yearFault: YearFaultSpec | null;
}

const SHANGHAI: Variant = { ...SEED_VARIANT, template: "shanghai", t7: "interleaved", t6_groups: 2, numbering: "none" };
const UNRULED: Partial<Variant> = { ruled: false };
const PORTRAIT: Partial<Variant> = { orientation: "portrait" };
const YUAN: Partial<Variant> = { unit: "元" };

/** How each report prints, by unit and year. */
const LOOKS: Record<SeriesKey, Record<number, Variant>> = {
  U1: {
    2020: SEED_VARIANT,
    2021: { ...SEED_VARIANT, ...UNRULED },
    2022: { ...SEED_VARIANT, ...PORTRAIT, ...YUAN },
    2023: { ...SEED_VARIANT, ...PORTRAIT, ...UNRULED, ...YUAN },
    2024: { ...SEED_VARIANT, ...YUAN, zero: "blank" },
  },
  U2: {
    2021: SEED_VARIANT,
    2022: { ...SEED_VARIANT, ...UNRULED },
    2023: { ...SEED_VARIANT, ...PORTRAIT },
  },
  U3: {
    2021: SEED_VARIANT,
    2022: { ...SEED_VARIANT, ...UNRULED },
    2023: SHANGHAI,
    2024: { ...SHANGHAI, ...PORTRAIT },
  },
  U4: { 2023: { ...SEED_VARIANT, ...PORTRAIT }, 2024: { ...SEED_VARIANT, ...UNRULED } },
  U5: {
    2019: SEED_VARIANT,
    2020: { ...SEED_VARIANT, ...UNRULED },
    2021: { ...SEED_VARIANT, ...PORTRAIT },
    2022: { ...SEED_VARIANT, ...YUAN },
  },
};

/** The breaks: never in a unit's first year, one per report, U2 and U5 left whole. */
const YEAR_FAULTS: readonly { key: SeriesKey; year: number; fault: YearFaultSpec }[] = [
  { key: "U1", year: 2021, fault: { fault: "year-carry", fund: "gov_fund" } },
  { key: "U3", year: 2023, fault: { fault: "year-carry", fund: "general" } },
  { key: "U1", year: 2022, fault: { fault: "year-change", statement: "T1:income_grand_total" } },
  { key: "U1", year: 2024, fault: { fault: "year-change", statement: "T5:total" } },
  { key: "U3", year: 2024, fault: { fault: "year-change", statement: "T4:income_grand_total" } },
];

export function planSeries(seed: number): SeriesEntry[] {
  const out: SeriesEntry[] = [];
  for (const unit of SERIES_UNITS) {
    const [from, to] = unit.years;
    for (let year = from; year <= to; year++) {
      const variant = LOOKS[unit.key][year];
      if (!variant) throw new Error(`${unit.key}: no look for ${year}`);
      const before = LOOKS[unit.key][year - 1];
      if (before?.unit === "元" && variant.unit === "万元") throw new Error(`${unit.key} ${year}: 元 back to 万元 would round a carried 年末`);
      const id = `${unit.key.toLowerCase()}-${unit.spec.id}-${year}`;
      const fault = YEAR_FAULTS.find((f) => f.key === unit.key && f.year === year)?.fault ?? null;
      if (fault && year === from) throw new Error(`${id}: a cross-year break needs a year before it`);
      out.push({
        entry: { id, unit: unit.spec.id, year, variant, faults: [], kind: "final", seed: seed * 1000 + 500 + out.length + 1 },
        unit,
        printed: printedName(unit, year),
        cover: coverName(unit, year),
        first: year === from,
        last: year === to,
        yearFault: fault,
      });
    }
  }
  return out;
}
