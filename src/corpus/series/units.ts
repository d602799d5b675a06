// The units of the series corpus: each the figures of a catalogue unit
// (synth/catalogue/units.ts) under its own full name, carrying money across
// years. Two pairs share a name's core across districts or cities (U1/U2:
// 财政局 of 洪山区 and 江汉区; U3/U4: 普陀区生态环境局 of 上海市 and 舟山市),
// so matching units across years must look at the whole name.
import { unitById, type UnitSpec } from "../synth/catalogue/units.js";

export type SeriesKey = "U1" | "U2" | "U3" | "U4" | "U5";

export interface Region {
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
}

export interface SeriesUnit {
  readonly key: SeriesKey;
  /** The figures built for every year, under the full name (`spec.name`). */
  readonly spec: UnitSpec;
  /** Where the unit is; a printed name shows the parts it spells out. */
  readonly region: Region;
  readonly years: readonly [number, number];
  /** Years printed under a short name (without the city and province). */
  readonly shortYears: readonly number[];
  /** Of those, years whose cover still prints the full name: the document tells what the short name leaves open. */
  readonly coverFullYears?: readonly number[];
}

const base = (id: string): UnitSpec => unitById(id);

/** A gov-fund 项 (彩票公益金), so 表8 carries per code from year to year. */
const LOTTERY = (from: number, to?: number) => ({ code: "2296002", fund: "gov_fund" as const, w: 0.06, basic: 0, from, ...(to !== undefined ? { to } : {}) });

export const SERIES_UNITS: readonly SeriesUnit[] = [
  {
    key: "U1",
    spec: { ...base("wh-hongshan-czj"), carry: true, lines: [...base("wh-hongshan-czj").lines, LOTTERY(2020, 2022)] },
    region: { province: "湖北省", city: "武汉市", district: "洪山区" },
    years: [2020, 2024],
    shortYears: [2021, 2023],
  },
  {
    key: "U2",
    spec: {
      ...base("wh-hongshan-czj"),
      id: "wh-jianghan-czj",
      name: "武汉市江汉区财政局",
      scale: 2100,
      staff: 74,
      carry: true,
      duties: ["贯彻执行财政、税收方针政策，拟订全区财政发展规划", "负责区级预算编制、执行和决算", "负责区级国库集中收付和政府采购监督管理"],
      lines: [...base("wh-hongshan-czj").lines, LOTTERY(2022)],
    },
    region: { province: "湖北省", city: "武汉市", district: "江汉区" },
    years: [2021, 2023],
    shortYears: [],
  },
  {
    key: "U3",
    spec: { ...base("sh-putuo-sthj"), carry: true },
    region: { province: "上海市", city: "上海市", district: "普陀区" },
    years: [2021, 2024],
    shortYears: [2021],
  },
  {
    key: "U4",
    spec: { ...base("sh-putuo-sthj"), id: "zs-putuo-sthj", name: "舟山市普陀区生态环境局", province: "浙江", scale: 1800, staff: 41, carry: true },
    region: { province: "浙江省", city: "舟山市", district: "普陀区" },
    years: [2023, 2024],
    // 普陀区生态环境局 on its 部门 line, 舟山市普陀区生态环境局 on its cover.
    shortYears: [2024],
    coverFullYears: [2024],
  },
  {
    key: "U5",
    spec: {
      ...base("zj-zwfw"),
      id: "wh-hongshan-wgh",
      name: "武汉市洪山区社会管理网格化服务中心",
      province: "湖北",
      scale: 800,
      staff: 36,
      carry: true,
      duties: ["负责全区社会管理网格化服务的组织实施和统筹协调", "负责网格信息采集、事件受理、分流交办和督办考核"],
      // Part of the running costs paid from non-fiscal income: 表1's carry-over holds more than 表4's.
      lines: base("zj-zwfw").lines.map((l) => (l.code === "2010350" ? { ...l, nf: 0.15 } : l)),
    },
    region: { province: "湖北省", city: "武汉市", district: "洪山区" },
    years: [2019, 2022],
    shortYears: [2020],
  },
];

export function seriesUnit(key: SeriesKey): SeriesUnit {
  const u = SERIES_UNITS.find((x) => x.key === key);
  if (!u) throw new Error(`Expected a series unit ${key}`);
  return u;
}

/** The name as printed in a year: the full name, or from the district on. */
export function printedName(u: SeriesUnit, year: number): string {
  const full = u.spec.name;
  if (!u.shortYears.includes(year)) return full;
  const at = u.region.district ? full.indexOf(u.region.district) : -1;
  if (at <= 0) throw new Error(`${u.key}: no district to shorten ${full} to`);
  return full.slice(at);
}

/** The parts of the region a printed name spells out. */
export function printedRegion(u: SeriesUnit, printed: string): Region {
  const shown = (part: string | null) => (part !== null && printed.includes(part) ? part : null);
  return { province: shown(u.region.province), city: shown(u.region.city), district: shown(u.region.district) };
}

/** The name on the cover: the full name in the years that say so, else the printed one. */
export function coverName(u: SeriesUnit, year: number): string {
  return u.coverFullYears?.includes(year) ? u.spec.name : printedName(u, year);
}

/** A name on a whole document more than one series unit could have printed (a full name ending in it). */
export function isAmbiguous(printed: string): boolean {
  return SERIES_UNITS.filter((u) => u.spec.name.endsWith(printed)).length > 1;
}
