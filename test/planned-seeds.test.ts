// Reports of the planned corpus made with other seeds than the committed
// corpus's (the bench's corpus, out/bench-corpus, makes 1000 this way): each
// seed brings figures and variant combinations the eval corpus does not have.
// A report here is one that once came out wrong, made again and read whole.
import path from "node:path";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writePlannedCorpus } from "../src/corpus/generate.js";
import { TruthFile } from "../src/eval/truth.js";
import { extractPdf } from "../src/extract/index.js";
import { tempDir } from "./support/temp.js";

async function made(seed: number, id: string): Promise<{ pdf: string; truth: TruthFile }> {
  const root = tempDir();
  const { written } = await writePlannedCorpus({ root, outDir: "out", seed, pick: (e) => e.id === id });
  expect(written).toEqual([`out/${id}.pdf`]);
  const pdf = path.join(root, "out", `${id}.pdf`);
  return { pdf, truth: TruthFile.parse(JSON.parse(readFileSync(pdf.replace(/\.pdf$/, ".truth.json"), "utf8"))) };
}

/** Cells by row and column (side-by-side groups may list them in another order). */
const cellsOf = (cells: readonly { row: string; col: string; value: number | null }[]): Map<string, number | null> =>
  new Map(cells.map((c) => [`${c.row}|${c.col}`, c.value]));

/** The report made again and read: the table's rows (with their names) and cells as its truth has them. */
async function expectTableRead(seed: number, id: string, tableId: string): Promise<void> {
  const { pdf, truth } = await made(seed, id);
  const got = await extractPdf(new Uint8Array(readFileSync(pdf)));
  const want = truth.tables.find((t) => t.id === tableId)!;
  const table = got.tables.find((t) => t.id === tableId);
  expect(table?.rows.map((r) => [r.key, r.name])).toEqual(want.rows.map((r) => [r.key, r.name]));
  expect(cellsOf(table?.cells ?? [])).toEqual(cellsOf(want.cells));
}

describe("planned reports of other seeds", () => {
  // A spanning 合计 once made the 项 column a name column: 2296002 and every row name were lost.
  it("reads a 表8 whose 合计 spans the 类|款|项 and name columns (seed 101, Shanghai, per-glyph)", () => expectTableRead(101, "06-sh-putuo-mzj-2024", "T8"));

  // 31001 and 31003 (no figures) were folded into the coded rows above them, and 31099 into the totals line.
  it("reads an unruled 表6 continued on a page where rows without figures sit between rows with them (seed 103, Shanghai)", () =>
    expectTableRead(103, "03-sh-putuo-mzj-2023", "T6"));

  // A figure alone on its line (its name wrapped above and below it) read as a page number and ended the table at 十四.
  it("reads an unruled 表1 whose wrapped names leave figures on lines of their own (seed 105, Shanghai, per-glyph)", () =>
    expectTableRead(105, "08-sh-putuo-sthj-2024", "T1"));

  // 国有资本经营预算财政拨 / 款 (a label wrapped, no figures): its head was folded into the row above, its tail into 总计.
  it("reads an unruled 表4 whose last line label wraps onto a second line (seed 105, Shanghai, portrait)", () =>
    expectTableRead(105, "08-sh-putuo-sthj-2024", "T4"));

  // The label wraps round its 行次 line (国有资本经营预算财政拨 / 29 59 / 款) on a continuation page: its empty cell was lost.
  it("reads an unruled 表4 continued where a label wraps round its 行次 (seed 103, national)", () => expectTableRead(103, "62-gz-yuexiu-no7-2017", "T4"));

  // 人员经费合计 … 公用经费合计 on a continuation page: the centred label crossed a column boundary and ended the table.
  it("reads an unruled 表6 whose totals line stands alone on a continuation page (seed 105, Shanghai)", () => expectTableRead(105, "05-sh-putuo-sthj-2023", "T6"));

  // 31007信息网络及软件购置 / (another group's row) / 更新: the tail joined the nearer row of the other group.
  it("reads an unruled 表6 whose wrapped names straddle another group's row line (seed 102, national, per-glyph)", () =>
    expectTableRead(102, "36-cs-yuelu-zjj-2017", "T6"));

  // A continuation page whose first row's name wraps round it: the head above was read as heading.
  it("reads an unruled 表6 continued with a repeated heading and a name wrapped round the first row (seed 104, national)", () =>
    expectTableRead(104, "11-zj-zwfw-2017", "T6"));

  // Zeros printed as "-": a wrapped name's row line of dashes alone was no figure line, and rows merged.
  it("reads an unruled 表4 printing zeros as dashes, with names wrapped round them (seed 110, Shanghai)", () => expectTableRead(110, "01-sh-putuo-shiquan-2023", "T4"));
  // 本年支出 over 小计 | 基本支出 | 项目支出, with no figure under 基本支出: the block label took that column into 项目支出's.
  it("reads an unruled 表8 whose 基本支出 column holds no figure (seed 106, Shanghai, per-glyph)", () => expectTableRead(106, "06-sh-putuo-mzj-2024", "T8"));
  // Zeros left blank: figure lines far apart made every label line beside one look like a name wrapped round it.
  it("reads an unruled 表1 continued where few rows print a figure (seed 111, Shanghai, repeated heading)", () => expectTableRead(111, "05-sh-putuo-sthj-2023", "T1"));
  // Both groups' names wrap round one row line (个人农业生产补 公务用车运行维 / 303 10 … 302 31 / 贴 护费): two fragments side by side made a row.
  it("reads an unruled 表6 where two groups' names wrap round the same row (seed 117, national, split codes)", () => expectTableRead(117, "44-hhht-saihan-sfj-2017", "T6"));
});
