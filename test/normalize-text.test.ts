// Text enters the page model normalized: radicals, strokes, compatibility
// ideographs and full-width ASCII become what a reader sees (point 1 of the
// other-producers issue). The table is generated from Unicode's own data.
import { describe, expect, it } from "vitest";
import { normalizeText } from "../src/source/normalize-text.js";

describe("normalizeText", () => {
  it("maps Kangxi radicals (U+2F00–U+2FDF) to the unified ideographs", () => {
    expect(normalizeText("⼀、⼀般公共预算财政拨款收⼊")).toBe("一、一般公共预算财政拨款收入");
    expect(normalizeText("⾦额")).toBe("金额");
    expect(normalizeText("⾏次")).toBe("行次");
    expect(normalizeText("南京市⿎楼区")).toBe("南京市鼓楼区");
    expect(normalizeText("⽀出 ⽬")).toBe("支出 目");
    // Every Kangxi radical agrees with NFKC, which maps that block.
    for (let c = 0x2f00; c <= 0x2fd5; c++) expect(normalizeText(String.fromCodePoint(c))).toBe(String.fromCodePoint(c).normalize("NFKC"));
  });

  it("maps the CJK Radicals Supplement (U+2E80–U+2EFF), which NFKC leaves alone", () => {
    expect("部⻔".normalize("NFKC")).toBe("部⻔");
    expect(normalizeText("部⻔")).toBe("部门");
    expect(normalizeText("⻓沙市")).toBe("长沙市");
    expect(normalizeText("⻄安")).toBe("西安");
  });

  it("maps CJK Compatibility Ideographs to their canonical ideographs, and only those", () => {
    expect(normalizeText("\uF900\uF9A8\u{2F800}")).toBe("\u8C48\u4EE4\u4E3D");
    // U+FA0E is a unified ideograph that lives in the compatibility block: it stays.
    expect(normalizeText("\uFA0E")).toBe("\uFA0E");
  });

  it("maps full-width digits, letters and figure marks, but keeps Chinese punctuation", () => {
    expect(normalizeText("２０２１年度（表１）")).toBe("2021年度（表1）");
    expect(normalizeText("１，２３４．５６％")).toBe("1，234.56%");
    expect(normalizeText("其中：ＡＢｃ；")).toBe("其中：ABc；");
  });

  it("reads a control character as the space it was drawn for", () => {
    // Chromium with Noto Sans SC's OTF writes U+0001 for the space glyph.
    expect(normalizeText("合\u0001计")).toBe("合 计");
    expect(normalizeText("总\u0000计\u007F")).toBe("总 计 ");
  });

  it("leaves ordinary text as it is", () => {
    const s = "一、一般公共预算财政拨款收入 1,234.56 (万元)";
    expect(normalizeText(s)).toBe(s);
  });
});
