// Seed text -> narrative blocks. The seed is a text dump of a PDF: page
// breaks split paragraphs, and table cells carry the spaces where their
// lines wrapped. Both are undone here so the source holds what was written.
import type { Block, ChartSpec } from "../source/schema.js";

const PART = /^第[一二三四五六七八九十]+部分/;
const FIGURE = /^图\s*\d+：/;
const HEADING = /^[一二三四五六七八九十]+、/;
const DOC_TITLE = /^\d{4}\s*年度.*报告$/;
const LIST_MARK = /^(\d+[.、)）]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)/;
const SENTENCE_END = /[。；！？：”）)%.!?;:]$/;
const CJK = "\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”‘’";
const WRAP_SPACE = new RegExp(`([${CJK}]) +(?=[${CJK}])`, "g");
const RULE_LINE = /^-+(\t-+)*\t?$/;

/** Removes the spaces a wrapped cell line left between two CJK characters. */
export function unwrapCell(text: string): string {
  return text.trim().replace(WRAP_SPACE, "$1");
}

function isContinuation(prev: Block | undefined, next: Block): prev is Extract<Block, { type: "paragraph" }> {
  return (
    prev?.type === "paragraph" &&
    next.type === "paragraph" &&
    [...prev.text].length >= 30 &&
    !SENTENCE_END.test(prev.text) &&
    !LIST_MARK.test(next.text)
  );
}

function join(a: string, b: string): string {
  return /[0-9A-Za-z%]$/.test(a) && /^[\u4e00-\u9fff]/.test(b) ? `${a} ${b}` : a + b;
}

/** The 第四部分 table: tab-separated rows; a row whose first cell is empty continues the one above. */
function readGrid(lines: readonly string[], start: number): { block: Block; next: number } {
  const header = (lines[start] ?? "").split("\t").map((c) => c.trim());
  const rows: string[][] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "" || RULE_LINE.test(raw.trim())) continue;
    if (!raw.includes("\t")) break;
    const cells = raw.split("\t").map(unwrapCell);
    const prev = rows[rows.length - 1];
    if (cells[0] === "" && prev) cells.forEach((c, k) => (prev[k] = (prev[k] ?? "") + c));
    else rows.push(cells.slice(0, header.length));
  }
  return { block: { type: "grid", header, rows, widths: [0.6, 2, 3.6, 1] }, next: i };
}

export function narrativeBlocks(lines: readonly string[], charts: Readonly<Record<string, ChartSpec>>): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? "").trim();
    if (text === "") continue;
    if (text.startsWith("序号\t") || (lines[i] ?? "").startsWith("序号\t")) {
      const g = readGrid(lines, i);
      blocks.push(g.block);
      i = g.next - 1;
      continue;
    }
    let block: Block;
    if (PART.test(text)) block = { type: "part", text };
    else if (FIGURE.test(text)) {
      const key = text.split("：")[0]?.replace(/\s+/g, "") ?? "";
      const chart = charts[key];
      block = chart ? { type: "figure", caption: text, chart } : { type: "figure", caption: text };
    } else if (DOC_TITLE.test(text)) block = { type: "title", text };
    else if (HEADING.test(text) && !text.endsWith("。") && [...text].length <= 45) block = { type: "heading", text };
    else block = { type: "paragraph", text };
    const prev = blocks[blocks.length - 1];
    if (isContinuation(prev, block) && block.type === "paragraph") prev.text = join(prev.text, block.text);
    else blocks.push(block);
  }
  return blocks;
}
