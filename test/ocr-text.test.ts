// Text as tesseract read it from the scan corpus (corpus/scans), recorded
// from real runs: titles, headers and line labels must still name their
// table, column and line; text-layer wording that is not a table must not.
import { describe, expect, it } from "vitest";
import { cleanTitle, standardTableOf } from "../src/recognize/rules/tables.js";
import { COLUMN_RULES, matchColumn, t7ColumnKey, t7ColumnKeys } from "../src/recognize/rules/columns.js";
import { T1_EXPENSE_LINES, T4_EXPENSE_LINES, closeLine, matchLine } from "../src/recognize/rules/lines.js";
import { readUnit } from "../src/recognize/metadata.js";
import { isColumnNumbers } from "../src/layout/column-numbers.js";
import { clean, dropDoubleReadings, splitAtWalls } from "../src/ocr/words.js";

const tableOf = (title: string): string | null => standardTableOf(cleanTitle(title));

describe("OCR'd table titles", () => {
  it("name their table through specks, garbled brackets and quotes", () => {
    expect(tableOf("2021年度财政拨款收入支出决算总表(江木表4)")).toBe("T4");
    expect(tableOf("2021年度财政拨款收入支出决算总表(表4)申")).toBe("T4");
    expect(tableOf("2021年度财政拨款收入支出决算总表>支A(表4)")).toBe("T4");
    expect(tableOf("2021年度政府性基金预算财政拨款收入支出决算表〔(表8)")).toBe("T8");
    expect(tableOf("年度国有资本经营预算财政拨款支出决算表(心=>士2021表9)")).toBe("T9");
    expect(tableOf("2021年度一般公共预算财政2拨款《6三一公93经费支出决算表(表7)")).toBe("T7");
    expect(tableOf("2021年度一般公共预算财政拨款三公经费支出决算表(>立66一一【表7)")).toBe("T7");
    expect(tableOf("收入决算总表心")).toBe("T2");
    expect(tableOf("财政拨款收入支出决算总表.一")).toBe("T4");
    expect(tableOf("Css般公共预算财政拨款支出决算表N五标")).toBe("T5");
    expect(tableOf("2021年度财政拨歉收人支出决算总表(表4)")).toBe("T4");
    // A bold serif 1 read as U (Chromium's 表1 title, drawn from its vectors).
    expect(tableOf("2022年度收入支出决算总表(表U)")).toBe("T1");
    expect(tableOf("2022年度改府性基金预算财改拨款收入支出决算表(表8)")).toBe("T8");
  });

  it("leave headings about a table, its 明细/项目 variants and other tables alone", () => {
    expect(tableOf("2021年度收入支出决算总表说明")).toBeNull();
    expect(tableOf("2021年度一般公共预算财政拨款项目支出决算表")).toBeNull();
    expect(tableOf("收入支出决算表（续）")).toBeNull();
  });
});

describe("OCR'd headers and line labels", () => {
  it("name their column despite chi_sim's confusions and stray marks", () => {
    const t2 = COLUMN_RULES.T2!;
    expect(matchColumn(t2, ["咤财政拨款收入"])).toBe("fiscal");
    expect(matchColumn(t2, ["经营收C"])).toBe("operating");
    expect(matchColumn(t2, ["其他收人"])).toBe("other");
    expect(matchColumn(COLUMN_RULES.T9!, ["本年支出", "久1合计"])).toBe("total");
    expect(matchColumn(COLUMN_RULES.T8!, ["。木年收入"])).toBe("income");
    expect(matchColumn(COLUMN_RULES.T8!, ["年未结转和结余"])).toBe("carry_end");
    // A 小计 OCR could not read is its group's own figure.
    expect(t7ColumnKey(["预算数", "公务用车购置及运行费", "卜诈"])).toBe("budget_vehicle");
    // 决算数 read 灰算数 (the Shanghai scan's 表7): 公务接待费's other column is its actual figure.
    const reception = (block: string): string[] => ["财政拨款三公经费", "公务接待费", block];
    expect(t7ColumnKeys([["合计", "预算数"], ["合计", "决算数"], reception("预算数"), reception("灰算数")])).toEqual(["budget_total", "actual_total", "budget_reception", "actual_reception"]);
    expect(t7ColumnKeys([reception("灰算数"), reception("灰算数")])).toEqual([null, null]);
    // A glyph of an item's own header misread (Calc's 表7 at 200 dpi): the item is still named, not its group's.
    expect(t7ColumnKey(["预算数", "公考接待费"])).toBe("budget_reception");
    expect(t7ColumnKey(["决算数", "公务用车购置及运行费", "公务用车延行费"])).toBe("actual_vehicle_operation");
  });

  it("number their columns though a number or two is misread", () => {
    // The 栏次 line of Calc's 表7 at 200 dpi: 1 read 工, 11 read 111.
    expect(isColumnNumbers(["工", "2", "3", "4", "5", "6", "7", "8", "9", "10", "111", "12"])).toBe(true);
    // A line of figures is no numbering, however small its figures.
    expect(isColumnNumbers(["21.69", "0.00", "18.66", "0.00", "18.66", "3.03"])).toBe(false);
    expect(isColumnNumbers(["工", "2", "3", "111"])).toBe(false);
  });

  it("name their line (年未 for 年末), and a class line is still a class", () => {
    expect(matchLine(T1_EXPENSE_LINES, "年未结转和结余") ?? closeLine(T1_EXPENSE_LINES, "年未结转和结余")).toBe("carry_end");
    expect(closeLine(T4_EXPENSE_LINES, "年未财政拨款结转和结余")).toBe("carry_end");
    expect(closeLine(T1_EXPENSE_LINES, "一般公共服务支出")).toBeNull();
  });
});

describe("an OCR'd unit name", () => {
  it("is the name the pages give most often, not a cover's misread one", () => {
    // The Shanghai scan's cover, its contents page and its 第二部分 heading, as read.
    const pages = [
      { page: 1, text: "上海市旺陀区石泉路街道办罕处 2023 年度部门决算 2024年8月14日" },
      { page: 2, text: "目录 第一部分 上海市普陀区石泉路街道办事处概况 一、部门主要职能 第二部分 上海市普陀区石泉路街道办事处2023年度部门决算情况说明" },
      { page: 4, text: "第二部分 上海市普陀区石泉路街道办事处2023年度部门决算情况说明 一、收入支出决算总体情况说明" },
    ];
    expect(readUnit([], pages)).toBe("上海市普陀区石泉路街道办事处");
    // One mention is enough; a 部门： caption outranks the front pages.
    expect(readUnit([], pages.slice(0, 1))).toBe("上海市旺陀区石泉路街道办罕处");
    expect(readUnit(["武汉市洪山区社会管理网格化服务中心"], pages)).toBe("武汉市洪山区社会管理网格化服务中心");
  });
});

describe("a glyph read twice, in two lines", () => {
  // Recorded from the portrait unruled scan (42-zs-shenji-2023-scan200, 表1, pixels at 300 dpi).
  // The page pass read 二 of 二、外交支出 as a flat 一, a shade surer than the line read again whole;
  const flat = { text: "一", x0: 1257, y0: 636, x1: 1284, y1: 641, lineY0: 609, lineY1: 645, confidence: 91 };
  const label = { text: "二、外交支出", x0: 1254, y0: 631, x1: 1474.5, y1: 666, lineY0: 613.5, lineY1: 688.5, confidence: 89 };
  // and the top stroke of 三 (三、国防支出) as 三 on a line of its own, just above the 三 the next line read whole, inside that line.
  const top = { text: "三", x0: 1257, y0: 727.5, x1: 1285, y1: 732, lineY0: 702, lineY1: 738, confidence: 90 };
  const whole = { text: "三", x0: 1254, y0: 739.5, x1: 1302, y1: 757.5, lineY0: 706.5, lineY1: 786, confidence: 96 };

  it("is read once: a word within a longer word of another line goes, however sure", () => {
    expect(dropDoubleReadings([flat, label])).toEqual([label]);
  });

  it("is read once: a word that says the same as a surer one, within its line, goes", () => {
    expect(dropDoubleReadings([top, whole])).toEqual([whole]);
  });

  it("keeps words of one line, and a word beside the longer one", () => {
    expect(dropDoubleReadings([{ ...flat, lineY0: label.lineY0 }, label])).toHaveLength(2);
    const beside = { ...flat, x0: 1500, x1: 1527 };
    expect(dropDoubleReadings([beside, label])).toEqual([beside, label]);
  });

  it("keeps a word above the surer one that says something else, or lies outside its line", () => {
    const other = { ...top, text: "一" };
    expect(dropDoubleReadings([other, whole])).toEqual([other, whole]);
    const above = { ...top, y0: 680, y1: 690, lineY0: 675, lineY1: 695 };
    expect(dropDoubleReadings([above, whole])).toEqual([above, whole]);
  });
});

describe("a word a ruling runs through", () => {
  // Recorded from the 200 dpi scan of Calc's report 83 (表7, 决算数 line): "20.68" of 小计 ran left over
  // the empty 因公出国(境)费 cell, across its ruling (x 1298–1300). For contrast, the same ruling
  // between two figures read as one word, as the page pass reads neighbours set close.
  const line = { y0: 935, y1: 966, lineY0: 934.5, lineY1: 967.5, confidence: 78 };
  const walls = [1298, 1299, 1300].map((x) => ({ x, y0: 404, y1: 998 }));

  it("is one figure when a cut would leave a piece without its decimals", () => {
    const words = splitAtWalls([{ ...line, text: "20.68", x0: 1278, x1: 1392 }], walls);
    expect(words.map((w) => w.text)).toEqual(["20.68"]);
  });

  it("is cut into the figures of its cells otherwise", () => {
    const words = splitAtWalls([{ ...line, text: "3.0323.32", x0: 1200, x1: 1420 }], walls);
    expect(words.map((w) => w.text)).toEqual(["3.03", "23.32"]);
  });
});

describe("what is left of an erased ruling", () => {
  it("is trimmed off a word's ends, a bar, a quote or an underscore", () => {
    // Recorded: Calc's 200 dpi scan, 表4's 229 line, two cells read as one word, "0.00_“0.00", across
    // their ruling; cut at the white between them, each piece keeps a remnant of the ruling.
    const w = { text: "0.00_", x0: 2805, y0: 1198, x1: 2881, y1: 1225, lineY0: 1192.5, lineY1: 1230, confidence: 0 };
    expect(clean(w).text).toBe("0.00");
    expect(clean({ ...w, text: "“0.00", x0: 2881, x1: 3046.5 }).text).toBe("0.00");
    expect(clean({ ...w, text: "|147.49" }).text).toBe("147.49");
    expect(clean({ ...w, text: "_" }).text).toBe("");
  });
});
