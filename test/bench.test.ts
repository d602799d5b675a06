// The bench's agreement figure (src/bench/similarity.ts): what "agree" in
// `npm run bench` means. The timings themselves are not tested (no timed test).
import { describe, expect, it } from "vitest";
import { similarity } from "../src/bench/similarity.js";

describe("similarity", () => {
  it("ignores whitespace: engines space table columns differently", () => {
    expect(similarity("收入 合计  1,136.18\n", "收入合计 1,136.18")).toBe(1);
  });
  it("is one less the edit distance over the longer text, by character", () => {
    expect(similarity("一般公共", "一般公具")).toBe(0.75);
    expect(similarity("支出决算", "支出决算表")).toBe(0.8);
    expect(similarity("", "")).toBe(1);
    expect(similarity("abc", "")).toBe(0);
  });
});
