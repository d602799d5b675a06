// How a report says a table has no data. Seen in print: "本单位本年度无政府性基金预算
// 财政拨款收入支出", "说明：XX本年度没有…，故本表无数据。", "…，故本表为空表。",
// "本部门2023年度不涉及国有资本经营预算财政拨款支出", "本表无数据". Tried on text with
// whitespace removed, one sentence at a time.

/** Who says it: 本单位, 我部门, 该单位, 本局 … */
const SUBJECT = "(本|我|该)(单位|部门|局|委|办|院|中心|机关)";
/** How "none" is said. */
const NONE = "(无|没有|未发生|未产生|未安排|未使用|不涉及|不存在)";
/** What there is none of: money of a kind, or this item. */
const MONEY = "(收入|支出|收支|经费|资金|拨款|预算|安排|数据|此项|该项|此类|相关)";

export const EMPTY_WORDINGS: readonly RegExp[] = [
  // The table itself: 本表无数据, 此表为空表, 故本表为空, 此表如无数字则表示单位无该项支出.
  /(本|此|该)表(如|若)?(无|没有)(任何)?(数据|内容|数字)|(本|此|该)表(为|是)?空(表|白)?|公开空表/,
  // The unit: 本单位本年度无…收入支出, 我部门2023年度没有…经费.
  new RegExp(`${SUBJECT}.{0,40}?${NONE}.{0,40}?${MONEY}`),
  // The year, the unit named in full before it: XX局2023年度没有…支出, 本年度无…收入.
  new RegExp(`(本|\\d{4})年度?${NONE}.{0,40}?${MONEY}`),
];

/** Sentence ends: a statement is the run of sentences that say it. */
const SENTENCE = /(?<=[。；;])/;
/** A note's lead-in, dropped from the statement: 注：, （注：, 说明：, 1. */
const LEAD = /^([（(]?(注|说明|备注)[:：])?(\d+[.、．]|[（(]\d+[)）])?/;

export const saysEmpty = (text: string): boolean => EMPTY_WORDINGS.some((w) => w.test(text));

/**
 * The statement a paragraph makes that its table is empty, or null: the first
 * sentence that says so and those after it that say so too, lead-ins dropped.
 */
export function emptyStatementIn(paragraph: string): string | null {
  const sentences = paragraph.split(SENTENCE).map((s) => s.replace(LEAD, ""));
  const first = sentences.findIndex(saysEmpty);
  if (first < 0) return null;
  let end = first + 1;
  while (end < sentences.length && saysEmpty(sentences[end]!)) end++;
  return sentences.slice(first, end).join("");
}
