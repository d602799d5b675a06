// The planned reports of producers juesuan does not control (issue 17):
// Chromium printing HTML tables and LibreOffice Calc exporting spreadsheets,
// each set in one of six CJK fonts, with the layouts such documents show —
// the 三公 table tall, the university template, 类/款/项 code columns, 行次
// columns, amounts in 元, '-' or '0.00' for zero, title and 单位 line repeated
// on continuation pages (Word-like). Listed by hand, not drawn: each row is
// a report a department could publish, and together they cover every
// producer × font and every layout above at least twice. Appended after the
// planned corpus (plan.ts), whose entries and seeds they leave as they are.
import { type PlanEntry } from "./synth/build.js";
import type { FaultName } from "./synth/faults.js";
import { SEED_VARIANT, type Variant } from "./variant.js";

/** The first number after plan.ts's 64 final reports. */
const FIRST = 65;

type Row = readonly [unit: string, year: number, variant: Partial<Variant>, faults?: readonly FaultName[]];

const SHANGHAI: Partial<Variant> = { template: "shanghai", t7: "interleaved", t6_groups: 2, numbering: "none" };
const EIGHT: Partial<Variant> = { table_set: "eight" };
const UNIVERSITY: Partial<Variant> = { template: "university" };

const CHROMIUM: readonly Row[] = [
  ["wh-hongshan-czj", 2021, { font: "Noto Sans CJK SC", t7: "tall", line_numbers: true, split: "repeat-header" }],
  ["xa-beilin-rsj", 2022, { font: "Noto Serif CJK SC", unit: "元", zero: "-", codes: "split", orientation: "portrait" }, ["xiang-off"]],
  ["cs-yuelu-zjj", 2020, { font: "WenQuanYi Zen Hei", t7: "tall", split: "repeat-title", orientation: "portrait" }],
  ["lz-longmatan-hospital", 2019, { font: "AR PL UMing", codes: "split", line_numbers: true, narrative: "before" }],
  ["cq-jialing-univ", 2022, { ...UNIVERSITY, font: "Noto Sans CJK SC", split: "repeat-title" }],
  ["sh-putuo-shiquan", 2024, { ...SHANGHAI, font: "WenQuanYi Micro Hei", t7: "tall", split: "repeat-header", orientation: "portrait" }],
  ["nj-jiangning-nongji", 2023, { font: "Noto Sans SC", ruled: false, line_numbers: true, zero: "-" }],
  ["zj-zwfw", 2018, { ...EIGHT, font: "Noto Serif CJK SC", split: "repeat-title", unit: "元", numbering: "表一" }],
  ["hn-xiangjiang-normal", 2021, { ...UNIVERSITY, font: "WenQuanYi Zen Hei", unit: "元", zero: "-" }],
  ["wh-jianghan-minzu", 2022, { font: "AR PL UMing", ruled: false, t7: "tall", thousands: false }, ["t1-total"]],
  ["hhht-saihan-sfj", 2023, { font: "WenQuanYi Micro Hei", unit: "元", zero: "-", codes: "glued", t7: "interleaved", extra_tables: true }],
];

const CALC: readonly Row[] = [
  ["cd-wuhou-mzq", 2024, { font: "Noto Sans CJK SC" }],
  ["zs-shenji", 2021, { font: "AR PL UMing", t7: "tall", unit: "元" }],
  ["gz-yuexiu-no7", 2019, { font: "WenQuanYi Zen Hei", codes: "split", line_numbers: true, zero: "blank" }],
  ["cq-jialing-univ", 2023, { ...UNIVERSITY, font: "Noto Serif CJK SC", unit: "元", split: "repeat-header" }],
  ["wlmq-tianshan-yjj", 2020, { font: "WenQuanYi Micro Hei", t7: "tall", zero: "-", narrative: "before" }],
  ["sh-putuo-sthj", 2023, { ...SHANGHAI, font: "Noto Sans SC", orientation: "portrait" }],
  ["sh-putuo-mzj", 2024, { ...SHANGHAI, font: "Noto Serif CJK SC", unit: "元", t7: "tall", split: "repeat-title" }, ["t6-subtotal"]],
  ["wh-hongshan-czj", 2017, { ...EIGHT, font: "WenQuanYi Zen Hei", split: "repeat-title", numbering: "公开01表" }],
  ["cs-yuelu-zjj", 2024, { font: "Noto Sans CJK SC", orientation: "portrait", split: "repeat-header", wording: "alternative" }, ["class-off"]],
];

/** Tables with no ruling lines (gridlines off in Calc, borderless HTML tables), as published reports print them too. */
const UNRULED: readonly (readonly [Variant["producer"], ...Row])[] = [
  ["calc", "xa-beilin-rsj", 2023, { font: "Noto Serif CJK SC", ruled: false, t7: "tall", zero: "-" }],
  ["calc", "lz-longmatan-hospital", 2021, { font: "WenQuanYi Micro Hei", ruled: false, codes: "split", line_numbers: true, unit: "元" }, ["xiang-off"]],
  ["calc", "nj-jiangning-nongji", 2022, { font: "AR PL UMing", ruled: false, orientation: "portrait", split: "repeat-title" }],
  ["chromium", "zs-shenji", 2023, { font: "Noto Sans CJK SC", ruled: false, split: "repeat-title", codes: "glued", orientation: "portrait" }],
  ["chromium", "gz-yuexiu-no7", 2021, { font: "WenQuanYi Zen Hei", ruled: false, t7: "tall", unit: "元", zero: "0.00" }, ["t1-total"]],
  ["chromium", "wlmq-tianshan-yjj", 2022, { ...SHANGHAI, font: "Noto Serif CJK SC", ruled: false, thousands: false }],
];

/** The producers' planned reports, numbered on from the planned corpus. */
export function planProducers(seed: number): PlanEntry[] {
  const rows: [Variant["producer"], Row][] = [
    ...CHROMIUM.map((r): [Variant["producer"], Row] => ["chromium", r]),
    ...CALC.map((r): [Variant["producer"], Row] => ["calc", r]),
    ...UNRULED.map(([producer, ...r]): [Variant["producer"], Row] => [producer, r]),
  ];
  return rows.map(([producer, [unit, year, variant, faults]], i) => ({
    id: `${FIRST + i}-${unit}-${year}`,
    unit,
    year,
    variant: { ...SEED_VARIANT, ...variant, producer },
    faults: [...(faults ?? [])],
    kind: "final" as const,
    seed: seed * 1000 + FIRST + i,
  }));
}
