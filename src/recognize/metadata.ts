// Report metadata read from the document's own words: the unit (department)
// name, the fiscal year, and what kind of document it is.
import type { DocumentKind, Table } from "../../schemas/canonical.js";
import { compact } from "./text.js";

export interface PageText {
  readonly page: number;
  readonly text: string;
}

const PLACEHOLDER = /XX|××|xx|＊＊|\*\*|某某/;

/** Leaders and stray punctuation around a name ("部门：.长春市…") are not part of it. */
function cleanUnit(s: string): string {
  return compact(s).replace(/^[.。．·、,，:：…_-]+|[.。．·、,，:：…_-]+$/g, "");
}

/**
 * The unit's name: a 部门： line first, else the pages' "<unit> 2024 年度部门
 * 决算" in either order (the cover's, 第二部分's heading). Every mention is
 * counted and the most common wins (the first on a tie): OCR misreads a glyph
 * of the name on one page (办罕处 on a cover) and not on the next.
 */
export function readUnit(departments: readonly string[], pages: readonly PageText[]): string | null {
  const fromDepartments = mostMentioned(departments.map(cleanUnit));
  if (fromDepartments) return fromDepartments;
  const mentions: string[] = [];
  for (const p of pages) {
    const t = compact(p.text);
    for (const m of t.matchAll(/(?:^|部分)([^\d，。：:、]{2,40}?)(?:20\d{2}|19\d{2})年度?(?:部门|单位)(?:决算|预算)/g))
      if (m[1]) mentions.push(cleanUnit(m[1].replace(/^第.部分/, "")));
    for (const m of t.matchAll(/(?:20\d{2}|19\d{2})年度?([^\d，。：:、]{2,40}?)(?:部门|单位)(?:决算|预算)/g)) if (m[1]) mentions.push(cleanUnit(m[1]));
  }
  return mostMentioned(mentions);
}

/** The value seen most often, the first of them on a tie; null when there is none. */
export function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The name mentioned most often, the first of them on a tie; null when none is. */
const mostMentioned = (names: readonly string[]): string | null => mostCommon(names.filter((n) => n !== ""));

/** The fiscal year: the most common "20xx 年度" in titles and the front pages. */
export function readYear(titles: readonly string[], front: readonly PageText[]): number | null {
  const counts = new Map<number, number>();
  const add = (text: string, weight: number): void => {
    for (const m of compact(text).matchAll(/(20\d{2})年(?:度|(?:部门|单位)?(?:决算|预算))/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + weight);
    }
  };
  for (const t of titles) add(t, 2);
  for (const p of front) add(p.text, 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : null;
}

/** Budget funds (一般公共预算 …) are named in final accounts' titles too: only what is left can name a budget. */
const FUNDS = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/g;

/** Tables whose titles name a budget form (预算01表, 收支预算总表) and tables whose titles name final accounts. */
function titleCounts(tables: readonly Table[]): { budget: number; final: number } {
  let budget = 0;
  let final = 0;
  for (const t of tables) {
    const title = compact(t.title ?? "");
    if (/决算/.test(title)) final++;
    else if (/预算/.test(title.replace(FUNDS, ""))) budget++;
  }
  return { budget, final };
}

/**
 * final: a 决算 document with standard tables. template: the blank form
 * (placeholder unit, or no figure anywhere). budget: a 预算 document, by its
 * front pages, or, with no cover (the tables alone, an Excel export), by its
 * tables' titles.
 */
export function readKind(unit: string | null, tables: readonly Table[], front: readonly PageText[]): DocumentKind {
  const frontText = compact(front.map((p) => p.text).join(""));
  const standard = tables.filter((t) => t.kind === "standard");
  const saysFinal = /决算/.test(frontText);
  const titles = titleCounts(tables);
  const saysBudget = (/(部门|单位)预算|预算公开|预算表/.test(frontText) || titles.budget > titles.final) && !saysFinal;
  if (/政府决算|一般公共预算收支决算总表/.test(frontText) && standard.length === 0) return "government_final";
  if (saysBudget) return "budget";
  if (standard.length === 0) return saysFinal ? "unknown" : /预算/.test(frontText) ? "budget" : "unknown";
  const anyFigure = standard.some((t) => t.cells.some((c) => c.value !== null));
  if ((unit !== null && PLACEHOLDER.test(unit)) || !anyFigure) return "template";
  return "final";
}
