// The planned corpus: which unit, year, variant and faults each generated
// report has. Deterministic in its seed. Coverage rules (issue "A corpus of
// many districts' reports"): ≥ 60 final reports of ≥ 12 units, FY2017–2024,
// every Variant value in ≥ 3 reports, ≥ 25% with injected errors, some with
// rounding seams only, plus a 部门预算 and blank templates as distractors.
import { createRng, shuffle, type Rng } from "./rng.js";
import { pairwiseDesign } from "./design.js";
import { UNITS, type UnitSpec } from "./synth/catalogue/units.js";
import { buildFromEntry, type BuiltSource, type PlanEntry } from "./synth/build.js";
import type { FaultName } from "./synth/faults.js";
import { SEED_VARIANT, type Variant } from "./variant.js";

export type { PlanEntry, BuiltSource, TruthExtras, ExpectedKind } from "./synth/build.js";

/** Every value of the fields the plan cycles through; the seed publisher's value first. */
const CYCLED: { readonly [K in keyof Variant]?: readonly Variant[K][] } = {
  narrative: ["after", "before"],
  orientation: ["landscape", "portrait"],
  rotated: [false, true],
  ruled: [true, false],
  glyphs: ["runs", "per-glyph"],
  split: ["none", "repeat-header", "no-header"],
  unit: ["万元", "元"],
  zero: ["0.00", "blank", "0", "-"],
  thousands: [true, false],
  codes: ["column", "split", "glued"],
  t6_groups: [3, 2],
  t7: ["blocks", "interleaved"],
  numbering: ["表1", "表一", "公开01表", "none"],
  wording: ["standard", "alternative"],
  extra_tables: [false, true],
};

const ERROR_FAULTS: readonly FaultName[] = ["xiang-off", "class-off", "t1-total", "t6-subtotal", "t7-subtotal", "narrative-amount", "narrative-pct"];
const SEAM_SETS: readonly (readonly FaultName[])[] = [["seam-t6-t5"], ["seam-t6-class"], ["seam-pct-double"], ["seam-t6-t5", "seam-pct-double"]];

const FINAL_COUNT = 64;
const SHANGHAI_COUNT = 8;
const EIGHT_COUNT = 6;

const hasStateCapital = (u: UnitSpec) => u.lines.some((l) => l.fund === "state_capital");
const yearOk = (u: UnitSpec, y: number) => y >= (u.years?.[0] ?? 2017) && y <= (u.years?.[1] ?? 2024);

/** Unit and year of each final report: Shanghai-template slots, eight-table slots, then the rest. */
function slots(): { unit: UnitSpec; year: number; template: Variant["template"]; tableSet: Variant["table_set"] }[] {
  const out: ReturnType<typeof slots> = [];
  const shanghai = UNITS.filter((u) => u.province === "上海");
  for (let i = 0; i < SHANGHAI_COUNT; i++) out.push({ unit: shanghai[i % shanghai.length] as UnitSpec, year: 2023 + (i % 2), template: "shanghai", tableSet: "nine" });
  const early = UNITS.filter((u) => !hasStateCapital(u) && yearOk(u, 2017));
  for (let i = 0; i < EIGHT_COUNT; i++) out.push({ unit: early[(i * 5) % early.length] as UnitSpec, year: 2017 + (i % 2), template: "national", tableSet: "eight" });
  for (let k = 0; out.length < FINAL_COUNT; k++) {
    const unit = UNITS[k % UNITS.length] as UnitSpec;
    let year = 2017 + ((k + Math.floor(k / UNITS.length) * 3) % 8);
    if (!yearOk(unit, year)) year = Math.max(year, unit.years?.[0] ?? 2017);
    out.push({ unit, year, template: "national", tableSet: "nine" });
  }
  return out;
}

/** Rows per value of a field: each non-default value in 1/period of the reports (period 2k-2, at least 4), the default in the rest. */
function margins(values: number, rows: number): number[] {
  const each = Math.round(rows / Math.max(4, 2 * values - 2));
  return [rows - each * (values - 1), ...Array.from({ length: values - 1 }, () => each)];
}

const TEMPLATES: readonly Variant["template"][] = ["national", "shanghai"];
const TABLE_SETS: readonly Variant["table_set"][] = ["nine", "eight"];
const PRODUCERS: readonly Variant["producer"][] = ["pdfkit", "libreoffice"];

/**
 * The values this plan gives each field it varies: template, table set and
 * producer by slot, the rest cycled. Other values (Chromium and Calc, fonts,
 * the tall 三公 table, the university template…) are plan-producers.ts's.
 */
export const PLANNED_VALUES: { readonly [K in keyof Variant]?: readonly Variant[K][] } = { template: TEMPLATES, table_set: TABLE_SETS, producer: PRODUCERS, ...CYCLED };

/** The variants of the final reports: a pairwise design over the cycled fields and the producer (a third LibreOffice), template and table set fixed by the slot. */
function variants(slotList: ReturnType<typeof slots>, rng: Rng): Variant[] {
  const fields = Object.entries(CYCLED) as [keyof Variant, readonly unknown[]][];
  const n = slotList.length;
  const office = Math.round(n / 3);
  const columns = [
    { values: 2, fixed: slotList.map((s) => TEMPLATES.indexOf(s.template)) },
    { values: 2, fixed: slotList.map((s) => TABLE_SETS.indexOf(s.tableSet)) },
    { values: 2, counts: [n - office, office] },
    ...fields.map(([, values]) => ({ values: values.length, counts: margins(values.length, n) })),
  ];
  const toVariant = (row: readonly number[]): Variant => {
    const v: Record<string, unknown> = {
      ...SEED_VARIANT,
      template: TEMPLATES[row[0] ?? 0],
      table_set: TABLE_SETS[row[1] ?? 0],
      producer: PRODUCERS[row[2] ?? 0],
    };
    fields.forEach(([field, values], i) => (v[field] = values[row[i + 3] ?? 0]));
    if (v["template"] === "shanghai") Object.assign(v, { t7: "interleaved", t6_groups: 2, numbering: "none" });
    if (v["orientation"] === "portrait") v["rotated"] = false;
    return v as Variant;
  };
  // What a report shows: the constraints above, and what LibreOffice cannot do (rotate, per-glyph text).
  const effective = (row: readonly number[]): number[] => {
    const v = toVariant(row);
    const shown: Variant = v.producer === "libreoffice" ? { ...v, rotated: false, glyphs: "runs" } : v;
    return [row[0] ?? 0, row[1] ?? 0, row[2] ?? 0, ...fields.map(([field, values]) => values.indexOf(shown[field]))];
  };
  return pairwiseDesign(n, columns, effective, rng).map(toVariant);
}

export function planCorpus(seed: number): PlanEntry[] {
  const rng = createRng(seed);
  const slotList = slots();
  const chosen = variants(slotList, rng);
  const base = slotList.map((slot, i) => ({ slot, variant: chosen[i] ?? SEED_VARIANT }));

  // Faults: a shuffled quarter-plus with errors (some with two, some with a
  // seam as well), then reports printed in 万元 with seams only.
  const faults = new Map<number, FaultName[]>();
  const order = shuffle(base.map((_, i) => i), rng);
  const errorCount = Math.ceil(FINAL_COUNT * 0.28);
  let e = 0;
  for (const i of order) {
    if (e >= errorCount) break;
    const entry = base[i];
    if (!entry) continue;
    let name = ERROR_FAULTS[e % ERROR_FAULTS.length] as FaultName;
    if (name === "t7-subtotal" && !entry.slot.unit.sangong) name = "t1-total";
    const list: FaultName[] = [name];
    if (e % 4 === 3) list.push(ERROR_FAULTS[(e + 3) % ERROR_FAULTS.length] === "t7-subtotal" ? "xiang-off" : (ERROR_FAULTS[(e + 3) % ERROR_FAULTS.length] as FaultName));
    if (e % 6 === 5 && entry.variant.unit === "万元") list.push("seam-t6-t5");
    faults.set(i, list);
    e++;
  }
  let s = 0;
  for (const i of order) {
    if (s >= 6) break;
    if (faults.has(i) || base[i]?.variant.unit !== "万元") continue;
    faults.set(i, [...(SEAM_SETS[s % SEAM_SETS.length] ?? [])]);
    s++;
  }

  const entries: PlanEntry[] = base.map(({ slot, variant }, i) => ({
    id: `${String(i + 1).padStart(2, "0")}-${slot.unit.id}-${slot.year}`,
    unit: slot.unit.id,
    year: slot.year,
    variant,
    faults: faults.get(i) ?? [],
    kind: "final",
    seed: seed * 1000 + i + 1,
  }));
  const pdfkit = { ...SEED_VARIANT };
  entries.push(
    { id: `budget-wh-hongshan-czj-2022`, unit: "wh-hongshan-czj", year: 2022, variant: pdfkit, faults: [], kind: "budget", seed: seed * 1000 + 901 },
    { id: `template-national-2024`, unit: "sh-putuo-sthj", year: 2024, variant: pdfkit, faults: [], kind: "template", seed: seed * 1000 + 902 },
    {
      id: `template-shanghai-2024`, unit: "sh-putuo-sthj", year: 2024,
      variant: { ...SEED_VARIANT, template: "shanghai", t7: "interleaved", t6_groups: 2, numbering: "none", orientation: "portrait" },
      faults: [], kind: "template", seed: seed * 1000 + 903,
    },
  );
  return entries;
}

/** The ReportSource of a plan entry and its truth extras (variant, faults, expected kind, extra titles, claims). */
export function buildSource(entry: PlanEntry): BuiltSource {
  return buildFromEntry(entry);
}
