// A unit's name split into the region printed before it and the unit itself:
// 上海市普陀区生态环境局 -> {province 上海市, city 上海市, district 普陀区} + 生态环境局.
// Rules as data: each level is a list of patterns tried in order at the start
// of what is left; a name with no region prefix has an empty region.

export interface Region {
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
}

export interface UnitName {
  readonly region: Region;
  /** The name without its region prefix: what names one unit across spellings. */
  readonly core: string;
}

export const NO_REGION: Region = { province: null, city: null, district: null };

/** No administrative suffix inside a place name (so 武汉市洪山区 is two places, not one); 州 is one (广州市). */
const PLACE = "[^省市区县旗盟\\s]";

/** Province-level: the four municipalities are province and city at once. */
const MUNICIPALITY = /^(北京|天津|上海|重庆)市/;
const PROVINCE = [new RegExp(`^${PLACE}{2,3}省`), /^(内蒙古|广西壮族|西藏|宁夏回族|新疆维吾尔)自治区/];
const CITY = [new RegExp(`^${PLACE}{2,4}?市`), new RegExp(`^${PLACE}{2,8}?(自治州|地区|盟)`)];
/**
 * County-level. Two characters before 区 at least, so that 社区 or 园区 are
 * not read as districts; a county may have one (沛县).
 */
const DISTRICT = [new RegExp(`^${PLACE}{2,7}?(区|旗|自治县)`), new RegExp(`^${PLACE}{1,6}?县`), new RegExp(`^${PLACE}{2,4}?市`)];

const first = (patterns: readonly RegExp[], s: string): string | null => {
  for (const p of patterns) {
    const m = p.exec(s);
    if (m) return m[0];
  }
  return null;
};

/** Spaces and the width of brackets do not make another unit. */
export function normalizeUnitName(name: string): string {
  return name.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
}

/** A party organ (中共上海市普陀区委社会工作部) prints its region after the party's name: the region is read after it, the party's name kept in the core. */
const PARTY = /^(中共|中国共产党)/;

export function parseUnitName(name: string): UnitName {
  const party = PARTY.exec(normalizeUnitName(name))?.[0] ?? "";
  let rest = normalizeUnitName(name).slice(party.length);
  let province: string | null = null;
  let city: string | null = null;
  let district: string | null = null;
  const take = (s: string): string => ((rest = rest.slice(s.length)), s);
  const municipality = MUNICIPALITY.exec(rest)?.[0];
  if (municipality) province = city = take(municipality);
  else {
    const p = first(PROVINCE, rest);
    if (p) province = take(p);
    const c = first(CITY, rest);
    if (c) city = take(c);
  }
  const d = first(DISTRICT, rest);
  if (d) district = take(d);
  // A name that is all region (上海市普陀区) names no unit in it: keep it whole.
  if (rest === "") return { region: NO_REGION, core: normalizeUnitName(name) };
  return { region: { province, city, district }, core: `${party}${rest}` };
}

const LEVELS = ["province", "city", "district"] as const;

/** The lowest level printed: the government the unit belongs to (武汉市财政局 is the city's, 洪山区财政局 the district's). */
export function lowest(r: Region): string | null {
  if (r.district !== null) return `district:${r.district}`;
  if (r.city !== null) return `city:${r.city}`;
  return r.province === null ? null : `province:${r.province}`;
}

/**
 * Could be one unit: a spelling drops the levels above its own (洪山区财政局
 * for 武汉市洪山区财政局), never its own level; so both end at the same place,
 * and no level printed in both names two places. A name without any region
 * agrees with every region.
 */
export function compatible(a: Region, b: Region): boolean {
  const la = lowest(a);
  const lb = lowest(b);
  if (la === null || lb === null) return true;
  return la === lb && LEVELS.every((k) => a[k] === null || b[k] === null || a[k] === b[k]);
}

export const levelsOf = (r: Region): number => LEVELS.filter((k) => r[k] !== null).length;

/** `a` says all `b` says and more. */
export function refines(a: Region, b: Region): boolean {
  return compatible(a, b) && levelsOf(a) > levelsOf(b) && LEVELS.every((k) => b[k] === null || a[k] === b[k]);
}

/** Both print some level, and the same place there. */
export function sharesPlace(a: Region, b: Region): boolean {
  return LEVELS.some((k) => a[k] !== null && a[k] === b[k]);
}

export function union(a: Region, b: Region): Region {
  return { province: a.province ?? b.province, city: a.city ?? b.city, district: a.district ?? b.district };
}

export const regionKey = (r: Region): string => LEVELS.map((k) => r[k] ?? "").join("|");
