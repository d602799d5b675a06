// The unit's fullest spelling in its own document. The 部门： line may print
// 普陀区生态环境局 while the cover prints 舟山市普陀区生态环境局: the cover
// says which 普陀区 it is. Only where the document names itself is read — a
// line that is the name, the name around its year's 部门决算, or after
// 部门：/单位： — never a mention in a sentence (…根据武汉市财政局要求…),
// which may be another unit of the same name.
import { compatible, levelsOf, parseUnitName, refines, type Region } from "./unit-region.js";
import { compact } from "./text.js";

/** How much of the region can stand before the name (湖北省武汉市洪山区). */
const MAX_PREFIX = 24;
/** What may stand before a self-naming spelling: nothing (a line of its own), a label, a part's number, the year (2024年度…部门决算). */
const BEFORE = /(^|(部门|单位|编制单位)(名称)?[:：]|部分|\d{4}年度?)$/;
/** What may follow it: nothing, its year's report, a bracket. */
const AFTER = /^($|\d{4}年|[（(]|部门决算|单位决算)/;

/** The spelling with the most region the document's own name gives, when it says more than `unit`; else null. */
export function fullestSpelling(unit: string, pages: readonly { readonly text: string }[]): string | null {
  const own = parseUnitName(unit);
  let best: { name: string; region: Region } | null = null;
  for (const p of pages) {
    for (const raw of p.text.split("\n")) {
      const line = compact(raw);
      for (let at = line.indexOf(own.core); at >= 0; at = line.indexOf(own.core, at + 1)) {
        if (!AFTER.test(line.slice(at + own.core.length))) continue;
        const before = line.slice(Math.max(0, at - MAX_PREFIX), at);
        // The longest run of region right before the name that starts where a self-naming spelling may start.
        for (let from = 0; from < before.length; from++) {
          if (!BEFORE.test(line.slice(0, at - before.length + from))) continue;
          const name = before.slice(from) + own.core;
          if (name.startsWith("度")) continue; // the year's 年度, not a place
          const parsed = parseUnitName(name);
          if (parsed.core !== own.core || !compatible(parsed.region, own.region)) continue;
          if (!refines(parsed.region, own.region)) break;
          if (best === null || levelsOf(parsed.region) > levelsOf(best.region)) best = { name, region: parsed.region };
          break;
        }
      }
    }
  }
  return best?.name ?? null;
}
