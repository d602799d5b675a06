// Which reports of one core name are one unit. Pure: spellings in, units and
// links out, the same whatever order the reports came in.
//
// The most specific regions printed (none says less than another that agrees
// with it) are the units; two of them are one unit when they agree and name
// the same place at some level (湖北省洪山区 and 武汉市洪山区 are one 洪山区).
// Every spelling then goes to the one unit its region agrees with; to
// none when several could be meant (普陀区生态环境局: 上海市普陀区 or 舟山市普陀区).
import { compatible, levelsOf, lowest, NO_REGION, refines, regionKey, sharesPlace, union, type Region } from "../../recognize/unit-region.js";

export interface Spelling {
  readonly reportId: number;
  /** The fullest name the report gives itself (normalized): its printed name, or its cover's. */
  readonly name: string;
  /** The name as printed (normalized). */
  readonly printed: string;
  readonly region: Region;
}

export interface ClusterUnit {
  /** The fullest spelling of the unit's reports. */
  readonly name: string;
  readonly region: Region;
}

export type Match = "name" | "region" | "core" | "ambiguous";

export interface Link {
  readonly reportId: number;
  /** Index into units; null when ambiguous. */
  readonly unit: number | null;
  readonly match: Match;
  /** Ambiguous: the units it could be. */
  readonly candidates: readonly number[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function cluster(spellings: readonly Spelling[]): { units: ClusterUnit[]; links: Link[] } {
  // Regions can only agree when they end at the same place (unit-region.ts): compare within those buckets.
  const buckets = new Map<string | null, Map<string, Region>>();
  for (const s of spellings) {
    const at = lowest(s.region);
    const bucket = buckets.get(at) ?? new Map<string, Region>();
    bucket.set(regionKey(s.region), s.region);
    buckets.set(at, bucket);
  }
  const anchors: Region[] = [];
  for (const [at, bucket] of buckets) {
    // A name without any region is a unit of its own only when no name has a region.
    if (at === null && buckets.size > 1) continue;
    const all = [...bucket.values()];
    anchors.push(...all.filter((r) => !all.some((o) => refines(o, r))));
  }
  anchors.sort((a, b) => levelsOf(b) - levelsOf(a) || byText(regionKey(a), regionKey(b)));

  // Merge anchors that agree and share a place, as long as the merged region stays one place.
  const groups: Region[] = [];
  const groupsAt = new Map<string | null, number[]>();
  for (const a of anchors) {
    const at = lowest(a);
    const same = groupsAt.get(at) ?? [];
    const i = same.find((g) => compatible(groups[g] ?? NO_REGION, a) && sharesPlace(groups[g] ?? NO_REGION, a));
    if (i !== undefined) groups[i] = union(groups[i] ?? NO_REGION, a);
    else {
      same.push(groups.length);
      groupsAt.set(at, same);
      groups.push(a);
    }
  }

  const everyGroup = groups.map((_, i) => i);
  const candidatesOf = (r: Region): number[] => {
    const at = lowest(r);
    return at === null ? everyGroup : (groupsAt.get(at) ?? []).filter((i) => compatible(groups[i] ?? NO_REGION, r));
  };
  const members = groups.map(() => [] as Spelling[]);
  const links: Link[] = [];
  for (const s of spellings) {
    const c = candidatesOf(s.region);
    if (c.length === 1) members[c[0] ?? 0]?.push(s);
    links.push({ reportId: s.reportId, unit: c.length === 1 ? (c[0] ?? null) : null, match: c.length === 1 ? "region" : "ambiguous", candidates: c.length === 1 ? [] : c });
  }
  const units: ClusterUnit[] = groups.map((g, i) => {
    const fullest = [...(members[i] ?? [])].sort(
      (a, b) => levelsOf(b.region) - levelsOf(a.region) || b.name.length - a.name.length || byText(a.name, b.name),
    )[0];
    return { name: fullest?.name ?? "", region: g };
  });
  const byReport = new Map(spellings.map((s) => [s.reportId, s]));
  return {
    units,
    links: links.map((l) => {
      if (l.unit === null) return l;
      const s = byReport.get(l.reportId);
      const match: Match = s?.printed === units[l.unit]?.name ? "name" : levelsOf(s?.region ?? NO_REGION) > 0 ? "region" : "core";
      return { ...l, match };
    }),
  };
}
