// The whole document around the tables: cover, 目录, 概况, the tables part,
// the 情况说明 and 名词解释, in the order the variant asks for (tables first,
// or the narrative first and the tables as 附表), plus extra tables.
import type { Block, SourceTable } from "../source/schema.js";
import type { Variant } from "../variant.js";
import type { Claim } from "./claims.js";
import type { UnitSpec } from "./catalogue/units.js";
import type { Narrative } from "./narrative.js";

export interface DocumentParts {
  readonly blocks: Block[];
  readonly claims: Claim[];
  readonly extraTitles: string[];
}

const PART_NO = ["一", "二", "三", "四", "五"];

function coverTitle(unit: string, year: number, v: Variant): string {
  return v.template === "shanghai" ? `${unit}${year}年度部门决算` : `${year}年度${unit}部门决算公开`;
}

export function dateText(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

function overview(unit: UnitSpec, name: string): Block[] {
  const inst = unit.kind !== "admin" && unit.kind !== "subdistrict";
  return [
    { type: "heading", text: "一、部门主要职能" },
    ...unit.duties.map((d, i): Block => ({ type: "paragraph", text: `（${PART_NO[i] ?? i + 1}）${d}。` })),
    { type: "heading", text: "二、部门决算单位构成" },
    { type: "paragraph", text: `从单位构成看，${name}部门决算由纳入独立核算的单位本级决算组成。` },
    { type: "heading", text: "三、部门人员构成" },
    { type: "paragraph", text: `${name}在职实有人数${unit.staff}人，其中：${inst ? "事业" : "行政"}${unit.staff}人。` },
  ];
}

const GLOSSARY: readonly string[] = [
  "（一）财政拨款收入：指本级财政当年拨付的资金。",
  "（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
  "（三）年初结转和结余：指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金，或项目已完成等产生的结余资金。",
  "（四）基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
  "（五）项目支出：指在基本支出之外为完成特定行政任务或事业发展目标所发生的支出。",
  "（六）“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
];

export interface DocumentInput {
  readonly unit: UnitSpec;
  readonly name: string;
  /** The name on the cover, when it prints more of the unit's region than the rest (series corpus); default `name`. */
  readonly coverName?: string;
  readonly year: number;
  readonly issued: string;
  readonly variant: Variant;
  readonly tables: readonly SourceTable[];
  readonly narrative: Narrative;
  /** 机关运行经费 and 政府采购 figures for the extra tables (万元 text). */
  readonly extras: readonly { title: string; rows: string[][] }[];
}

export function assembleDocument(input: DocumentInput): DocumentParts {
  const { name, year: Y, variant: v } = input;
  const tablesPart: Block[] = [
    { type: "tables", ids: input.tables.map((t) => t.id) },
    ...input.extras.flatMap((x): Block[] => [
      { type: "title", text: x.title },
      { type: "grid", header: ["项目", `金额（${v.unit}）`], rows: x.rows },
    ]),
  ];
  const explain = `${name}${Y}年度部门决算情况说明`;
  const parts: { title: string; blocks: Block[]; narrative?: boolean }[] = [{ title: `${name}概况`, blocks: overview(input.unit, name) }];
  const tablesTitle = v.narrative === "after" ? `${name}${Y}年度部门决算表` : "附表";
  const narrativePart = { title: explain, blocks: input.narrative.blocks, narrative: true };
  const glossary = { title: "名词解释", blocks: GLOSSARY.map((text): Block => ({ type: "paragraph", text })) };
  if (v.narrative === "after") parts.push({ title: tablesTitle, blocks: tablesPart }, narrativePart, glossary);
  else parts.push(narrativePart, glossary, { title: tablesTitle, blocks: tablesPart });

  const blocks: Block[] = [{ type: "cover", title: coverTitle(input.coverName ?? name, Y, v), date: dateText(input.issued) }];
  const toc: Block = { type: "toc", title: "目 录", entries: [] };
  blocks.push(toc);
  let claimOffset = 0;
  parts.forEach((p, i) => {
    const title = `第${PART_NO[i] ?? i + 1}部分 ${p.title}`;
    if (toc.type === "toc") {
      toc.entries.push({ text: title, level: 0 });
      const subs = p.blocks.flatMap((b) => (b.type === "heading" ? [b.text] : b.type === "title" ? [b.text] : []));
      const tableSubs = p.blocks.some((b) => b.type === "tables") ? input.tables.map((t) => t.title) : [];
      for (const s of [...tableSubs, ...subs]) toc.entries.push({ text: s, level: 1 });
    }
    blocks.push({ type: "part", text: title });
    if (p.narrative) claimOffset = blocks.length;
    blocks.push(...p.blocks);
  });
  const claims = input.narrative.claims.map((c) => ({ ...c, block: c.block + claimOffset }));
  return { blocks, claims, extraTitles: input.extras.map((x) => x.title) };
}
