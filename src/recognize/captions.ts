// The text around a grid: its title, 部门 and 金额单位 lines above it, and the
// "本单位本年度无…" statement below it.
import type { Grid } from "../layout/grid.js";
import type { TextLine } from "../layout/lines.js";
import type { StandardTableId } from "../../schemas/canonical.js";
import { ANY_TABLE_TITLE, PART_HEADING, cleanTitle, standardTableOf } from "./rules/tables.js";
import { compact } from "./text.js";
import type { Unit } from "./keys.js";

export interface Caption {
  /** The printed title (whitespace removed), or null if none was found. */
  readonly title: string | null;
  readonly id: StandardTableId | null;
  /** A title that reads as a table title but is not one of the nine. */
  readonly extra: boolean;
  readonly unit: Unit | null;
  readonly department: string | null;
}

/** A continuation's mark round its title or number: "…决算表（续）", "（续表）", "续表 …", "表3（续）". */
const CONTINUED_MARK = /[（(]\s*续(表|上表|前表)?\s*[)）]$|(?<=表)\s*续表?$|^续(表|上表)?[:：\s]*(?=\S)/;

/** A caption line with its 续 mark taken off. */
export const withoutContinuedMark = (text: string): string => text.replace(CONTINUED_MARK, "");

/**
 * Which table a title names, to tell a continuation under a repeated title:
 * a standard table's id, an extra table's cleaned title.
 */
export function tableIdentity(id: StandardTableId | null, title: string | null): string | null {
  return id ?? (title === null ? null : cleanTitle(withoutContinuedMark(title)));
}

/** "公开01表", "表一": a table number without a title. */
const NUMBER_ONLY = /^(公开)?\d+表$|^表[一二三四五六七八九十\d]+$|^[（(]?表[一二三四五六七八九十\d]+[)）]?$/;
const UNIT_LINE = /(?:金额)?单位[:：]\s*(万元|元|亿元)/;
const DEPARTMENT_LINE = /(?:^|\s)(?:部门|单位|编制单位|填报单位)(?:名称)?[:：]\s*(.+?)(?:\s+(?:金额)?单位[:：].*)?$/;
/** How far above a grid its caption may sit, in points. */
const CAPTION_REACH = 160;
const EMPTY_STATEMENT = /(本(单位|部门)|无|没有).*(本表无数据|无.*(收入|支出|经费|安排))|本表无数据|本年度(没有|无)/;

export function readCaption(lines: readonly TextLine[], grid: Grid, ceiling: number): Caption {
  const above = lines.filter((l) => l.y1 <= grid.y0 + 2 && l.y0 >= ceiling && grid.y0 - l.y1 <= CAPTION_REACH).sort((a, b) => b.y0 - a.y0);
  let unit: Unit | null = null;
  let department: string | null = null;
  let title: string | null = null;
  let id: StandardTableId | null = null;
  let extra = false;
  for (const l of above) {
    const u = UNIT_LINE.exec(l.text);
    if (u && !unit) unit = u[1] as Unit;
    const d = DEPARTMENT_LINE.exec(l.text);
    const name = d ? compact(d[1]!) : "";
    if (d && !department && name !== "" && !/单位[:：]|^(万元|元|亿元)$/.test(name)) department = d[1]!.trim();
  }
  // A title may wrap onto two lines: every line alone first, then adjacent pairs (the upper one first).
  // A 续 mark is read off it.
  const titled = above.map((l) => withoutContinuedMark(compact(l.text))).filter((t) => !UNIT_LINE.test(t) && !DEPARTMENT_LINE.test(t));
  const candidates = [...titled, ...titled.slice(1).map((t, i) => t + titled[i]!)];
  for (const c of candidates) {
    const found = standardTableOf(cleanTitle(c));
    if (found) {
      title = c;
      id = found;
      break;
    }
  }
  if (!id) {
    const t = titled.find((c) => ANY_TABLE_TITLE.test(c) && !NUMBER_ONLY.test(c) && !UNIT_LINE.test(c) && !PART_HEADING.test(c) && !/^注/.test(c));
    if (t) {
      title = t;
      extra = true;
    }
  }
  return { title, id, extra: extra && id === null, unit, department };
}

/** A statement below the grid (before the next one) that the table has no data. */
export function readEmptyStatement(lines: readonly TextLine[], grid: Grid, floor: number): string | null {
  for (const l of lines) {
    if (l.y0 < grid.y1 - 2 || l.y0 > floor) continue;
    const t = compact(l.text);
    if (EMPTY_STATEMENT.test(t)) return t.replace(/^(注|说明)[:：]/, "");
  }
  return null;
}
