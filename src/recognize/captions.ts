// The text around a grid: its title, 部门 and 金额单位 lines above it, and the
// "本单位本年度无…" statement below it or in its note.
import type { Grid } from "../layout/grid.js";
import type { TextLine } from "../layout/lines.js";
import type { StandardTableId } from "../../schemas/canonical.js";
import { ANY_TABLE_TITLE, PART_HEADING, cleanTitle, standardTableOf } from "./rules/tables.js";
import { emptyStatementIn, saysEmpty } from "./rules/empty.js";
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
  /** Top of the caption's highest line read (title, 部门 or 单位 line), or null for none. */
  readonly top: number | null;
  /** Bottom of its lowest line read, or null for none. */
  readonly bottom: number | null;
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
/** A page's number ("- 8 -", "第8页"): no part of a statement. */
const PAGE_NUMBER = /^[-—－]?\d{1,3}[-—－]?$|^第\d+页(共\d+页)?$/;
/** Lines of one paragraph stand less than this many font sizes apart (double spacing leaves about one). */
const PARAGRAPH_GAP = 1.5;
/** A heading that starts the text after the tables (第三部分…, 一、…情况说明): no statement of a table is read past it. */
const SECTION_HEADING = /^第.部分|^[一二三四五六七八九十]+、/;

export function readCaption(lines: readonly TextLine[], grid: Grid, ceiling: number): Caption {
  const above = lines.filter((l) => l.y1 <= grid.y0 + 2 && l.y0 >= ceiling && grid.y0 - l.y1 <= CAPTION_REACH).sort((a, b) => b.y0 - a.y0);
  let unit: Unit | null = null;
  let department: string | null = null;
  let title: string | null = null;
  let id: StandardTableId | null = null;
  let extra = false;
  let top: number | null = null;
  let bottom: number | null = null;
  const reach = (l: TextLine): void => {
    top = Math.min(top ?? l.y0, l.y0);
    bottom = Math.max(bottom ?? l.y1, l.y1);
  };
  for (const l of above) {
    const u = UNIT_LINE.exec(l.text);
    if (u && !unit) unit = u[1] as Unit;
    const d = DEPARTMENT_LINE.exec(l.text);
    const name = d ? compact(d[1]!) : "";
    if (d && !department && name !== "" && !/单位[:：]|^(万元|元|亿元)$/.test(name)) department = d[1]!.trim();
    if (u || d) reach(l);
  }
  // A title may wrap onto two lines: every line alone first, then adjacent pairs (the upper one first).
  // A 续 mark is read off it; a statement that the table above is empty ("…故本表为空表") is no title.
  const titled = above
    .map((l) => ({ line: l, text: withoutContinuedMark(compact(l.text)) }))
    .filter((t) => !UNIT_LINE.test(t.text) && !DEPARTMENT_LINE.test(t.text) && !saysEmpty(t.text));
  const candidates = [
    ...titled.map((t) => ({ text: t.text, lines: [t.line] })),
    ...titled.slice(1).map((t, i) => ({ text: t.text + titled[i]!.text, lines: [t.line, titled[i]!.line] })),
  ];
  for (const c of candidates) {
    const found = standardTableOf(cleanTitle(c.text));
    if (found) {
      title = c.text;
      id = found;
      c.lines.forEach(reach);
      break;
    }
  }
  if (!id) {
    const t = titled.find((c) => ANY_TABLE_TITLE.test(c.text) && !NUMBER_ONLY.test(c.text) && !UNIT_LINE.test(c.text) && !PART_HEADING.test(c.text) && !/^注/.test(c.text));
    if (t) {
      title = t.text;
      extra = true;
      reach(t.line);
    }
  }
  return { title, id, extra: extra && id === null, unit, department, top, bottom };
}

/**
 * A statement that a table has no data, in the text between `top` and `floor`
 * (under its grid, before the next table's caption): a line of its own, a
 * sentence of its note, or one wrapped over several lines. With `first`, only
 * the first paragraph counts (the top of the page after the table's own).
 */
export function readEmptyStatement(lines: readonly TextLine[], top: number, floor: number, first = false): string | null {
  const paragraph: TextLine[] = [];
  const read = (): string | null => (paragraph.length === 0 ? null : emptyStatementIn(paragraph.map((l) => compact(l.text)).join("")));
  for (const l of lines) {
    if (l.y0 < top - 2 || l.y0 > floor) continue;
    const t = compact(l.text);
    if (PAGE_NUMBER.test(t)) continue;
    if (SECTION_HEADING.test(t) || PART_HEADING.test(t)) break;
    // A paragraph goes on over lines under each other (double-spaced too) until a sentence ends or a new note starts.
    const prev = paragraph[paragraph.length - 1];
    const goesOn = prev && l.y0 - prev.y1 < PARAGRAPH_GAP * Math.max(l.size, prev.size) && !/[。；;]$/.test(compact(prev.text)) && !/^((注|说明|备注)[:：]|\d+[.、．])/.test(t);
    if (!goesOn && paragraph.length > 0) {
      if (first) break;
      const found = read();
      if (found) return found;
      paragraph.length = 0;
    }
    paragraph.push(l);
  }
  return read();
}
