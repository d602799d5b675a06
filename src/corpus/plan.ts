// The planned corpus: which unit, year, variant and faults each generated
// report has. Deterministic in its seed. Coverage rules (issue "A corpus of
// many districts' reports"): ≥ 60 final reports of ≥ 12 units, FY2017–2024,
// every Variant value in ≥ 3 reports, ≥ 25% with injected errors, some with
// rounding seams only, plus a 部门预算 and blank templates as distractors.
import { createRng, type Rng } from "./rng.js";
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

function shuffle<T>(list: readonly T[], rng: Rng): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

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

function variantFor(i: number, slot: ReturnType<typeof slots>[number], offsets: Map<string, number>): Variant {
  const v: Record<string, unknown> = { ...SEED_VARIANT, template: slot.template, table_set: slot.tableSet };
  let f = 0;
  for (const [field, values] of Object.entries(CYCLED)) {
    const list = values as readonly unknown[];
    // Non-default values at positions 0..k-2 of a period of 2k-2 (≥ 4): each
    // non-default value in about 1/period of the reports, the default in the rest.
    const period = Math.max(4, 2 * list.length - 2);
    // Strides coprime to every period (4, 6), so each position recurs.
    const stride = [1, 5, 7, 11, 13, 17][f++ % 6] ?? 1;
    const pos = (i * stride + (offsets.get(field) ?? 0)) % period;
    v[field] = pos < list.length - 1 ? list[pos + 1] : list[0];
  }
  if (slot.template === "shanghai") Object.assign(v, { t7: "interleaved", t6_groups: 2, numbering: "none" });
  if (v["orientation"] === "portrait") v["rotated"] = false;
  return v as Variant;
}

export function planCorpus(seed: number): PlanEntry[] {
  const rng = createRng(seed);
  const offsets = new Map(Object.keys(CYCLED).map((k) => [k, Math.floor(rng() * 64)]));
  const base = slots().map((slot, i) => ({ slot, variant: variantFor(i, slot, offsets) }));
  // A shuffled third goes to the LibreOffice producer, so no unit or year is tied to it.
  const office = new Set(shuffle(base.map((_, i) => i), rng).slice(0, Math.round(base.length / 3)));
  base.forEach((b, i) => {
    b.variant = { ...b.variant, producer: office.has(i) ? "libreoffice" : "pdfkit" };
  });

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
