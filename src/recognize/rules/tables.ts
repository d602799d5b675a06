// Which standard table a title names. Titles vary in numbering (表1, 表一,
// 公开01表, none), year prefix and wording; the rules are tried in order, most
// specific first, on the title with whitespace removed.
import type { StandardTableId } from "../../../schemas/canonical.js";
import { closest, type Said } from "../fuzzy.js";

export interface TitleRule {
  readonly id: StandardTableId;
  readonly match: RegExp;
  /** A title that matches one of these is not this table (e.g. a 明细 variant kept as extra). */
  readonly unless?: RegExp;
  /**
   * The rule is a suffix that more specific titles end with too: a title it
   * turns away goes on to the next rule, and one close to another table's
   * printed title (its specific words garbled by OCR) is that table.
   */
  readonly generic?: true;
}

export const TITLE_RULES: readonly TitleRule[] = [
  // OCR reads the quotes round 三公 as stray glyphs, even between the two (“三一公9”).
  { id: "T7", match: /三.{0,3}公.{0,3}经费.*决算表/ },
  { id: "T6", match: /(一般公共预算|财政拨款).*基本支出决算(明细)?表/ },
  { id: "T8", match: /政府性基金预算财政拨款(收入)?支出决算表/ },
  { id: "T9", match: /国有资本经营预算财政拨款(收入)?支出决算表/ },
  { id: "T4", match: /财政拨款收(入)?支(出)?决算总表/ },
  { id: "T5", match: /一般公共预算财政拨款支出决算表/, unless: /项目支出|明细/ },
  // The university (高等学校) set's 表4 "财政拨款支出决算表" names no fund: it is the
  // fiscal spending by function with 基本/项目 columns, what T5 holds.
  { id: "T5", match: /财政拨款支出决算表/, generic: true },
  { id: "T1", match: /收(入)?支(出)?决算(总)?表/, unless: /财政拨款|政府性基金|国有资本/, generic: true },
  { id: "T2", match: /收入决算(总)?表/, unless: /支出|财政拨款/, generic: true },
  { id: "T3", match: /支出决算(总)?表/, unless: /收入|财政拨款|基本支出|项目支出|三公|明细/, generic: true },
];

/** Text that reads as a table title at all (a standard one or an extra). */
export const ANY_TABLE_TITLE = /.{2,}(决算|情况|明细|统计|信息)?表(（[^）]*）|\([^)]*\))?$/;

/** A table of contents entry ("九、国有资本经营预算财政拨款支出决算表……13"): names a table, is none. */
export const TOC_ENTRY = /[.．…·。]{3,}\s*\d*$/;

/** The heading of a whole part ("上海市XX局2023年度部门决算表"), not of one table. */
export const PART_HEADING = /(部门|单位)(决算|预算)(报)?表$|^第.部分/;

/** How each table's title prints (national and university templates), for OCR'd titles no rule matches exactly. */
const TITLE_SAYS: readonly Said<StandardTableId>[] = [
  { key: "T1", says: ["收入支出决算总表", "收入支出决算表"] },
  { key: "T2", says: ["收入决算表"] },
  { key: "T3", says: ["支出决算表"] },
  { key: "T4", says: ["财政拨款收入支出决算总表", "财政拨款收入支出决算表"] },
  { key: "T5", says: ["一般公共预算财政拨款支出决算表", "财政拨款支出决算表"] },
  { key: "T6", says: ["一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"] },
  { key: "T7", says: ["一般公共预算财政拨款三公经费支出决算表", "三公经费支出决算表"] },
  { key: "T8", says: ["政府性基金预算财政拨款收入支出决算表"] },
  { key: "T9", says: ["国有资本经营预算财政拨款支出决算表"] },
];

export function standardTableOf(title: string): StandardTableId | null {
  // A title ends with its 表; "…决算总表说明" is a heading about the table.
  if (!/表$/.test(title)) return null;
  // OCR'd: the whole title after its year (or 公开NN表), close to one table's printed title.
  const core = title.replace(/^.*?\d{4}\s*年度?/, "").replace(/^(公开)?\d+表/, "");
  const near = closest(core, TITLE_SAYS, 0.2);
  for (const rule of TITLE_RULES) {
    if (!rule.match.test(title)) continue;
    // A title a specific rule turned away (a 明细 or 项目 variant) is no standard table at all;
    // the generic rules turn away the words of the specific ones, which OCR may have garbled.
    if (rule.unless?.test(title) ?? false) {
      if (rule.generic) continue;
      return null;
    }
    // The generic titles (…收入决算表, …支出决算表) also match a specific one whose words OCR garbled (财政拨歉收人支出决算总表).
    return rule.generic && near !== null ? near : rule.id;
  }
  return near;
}

/** Strips numbering and decorations around a title: "（表1）", "公开01表", "表一". */
export function cleanTitle(title: string): string {
  const numbered = /表\s*[一二三四五六七八九十\d]+\s*([)）〕】\]][^表（()）]{0,2})?$/.test(title);
  return title
    .replace(/^(附表|表)\s*[一二三四五六七八九十\d]+[：:、.]?/, "")
    .replace(/[（(]\s*(表|公开)\s*[一二三四五六七八九十\d]+\s*(表)?[)）]$/, "")
    // OCR may read a bold number as a letter ("（表U）" for 表1): one or two letters or digits in that bracket are a number.
    .replace(/[（(]\s*表\s*[A-Za-z\d]{1,2}\s*[)）]$/, "")
    // OCR reads the bracket round a number as stray marks ("(江木表4)", "〔(表8)"): a
    // trailing bracket holding a 表 number goes whatever else it holds.
    .replace(/[（(〔【\[][^表]{0,10}表\s*[一二三四五六七八九十\d]+\s*([)）〕】\]][^表（()）]{0,2})?$/, "")
    .replace(/[（(〔【[]+$/, "")
    // …or loses the opening bracket, to a line of its own or to a speck read as a letter ("决算表 表7)", "决算表t表3)").
    .replace(/(决算(总|明细)?表)[^表（()）]{0,2}表\s*[一二三四五六七八九十\d]+\s*[)）〕】\]]$/, "$1")
    // …and specks read as glyphs between the title's 表 and that bracket ("决算总表>支A(表4)").
    .replace(/(决算(总|明细)?表)([^表\s]{1,4})$/, (all, head: string, _k: string, rest: string) => (numbered || !/说明|续|情况|[a-z]{2}/.test(rest) ? head : all))
    .replace(/公开\s*\d+\s*表$/, "")
    .trim();
}
