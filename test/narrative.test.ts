// Narrative (情况说明 / 附件) ↔ tables: real PDFs in, findings out. The seed
// must give exactly the narrative findings of shared/spec/example-seed.json;
// the generated corpus is measured against its truth (claims and injected
// faults); the real published reports are pinned to what was checked by hand.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { Finding } from "../schemas/canonical.js";
import { writePlannedCorpus } from "../src/corpus/generate.js";
import { extractPdf, type Extraction } from "../src/extract/index.js";
import { extractClaims, narrativeFindings, type BoundClaim, type CellRef, type Claim, type NarrativePage, type SumClaim } from "../src/validate/narrative/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REAL = path.resolve(ROOT, "../shared/real/final");
const read = async (file: string): Promise<Extraction> => extractPdf(new Uint8Array(readFileSync(file)));

interface TruthClaim {
  kind: string; id: string; quote: string; stated: number;
  refs?: CellRef[]; num?: { refs?: CellRef[] }; den?: { refs?: CellRef[] };
}
interface TruthFault { table: string; kind: string; actual: number; expected: number; quote?: string; rule: string }
interface Truth { claims?: TruthClaim[]; faults?: TruthFault[] }

const key = (r: CellRef): string => `${r.table}.${r.row}.${r.col}`;
const refsOf = (c: Claim): string[] =>
  (c.kind === "pct" ? [c.num, c.den].flatMap((o) => ("refs" in o ? o.refs : [])) : c.kind === "sum" || c.kind === "bound" ? [] : c.refs).map(key).sort();
const truthRefs = (t: TruthClaim): string[] => (t.refs ?? [...(t.num?.refs ?? []), ...(t.den?.refs ?? [])]).map(key).sort();

describe("seed: hongshan-grid-2021", () => {
  let found: Finding[];
  beforeAll(async () => {
    const ex = await read(path.join(ROOT, "corpus/seed/hongshan-grid-2021.pdf"));
    found = narrativeFindings(ex.tables, ex.narrative);
  });

  it("reports the narrative findings of example-seed.json and nothing else, each a valid Finding", () => {
    for (const f of found) expect(() => Finding.parse(f)).not.toThrow();
    const brief = found.map((f) => [f.identity, f.severity, f.expected, f.actual, f.page]);
    expect(brief).toEqual([
      ["N4", "info", 6.15, 6.2, 15], // 财政拨款收、支总计 下降6.2%: 74.42 / 1210.60 = 6.147%
      ["N4", "info", 6.15, 6.2, 15], // the same rate repeated in 五（一）
      ["N14", "info", 636.96, 636.97, 16], // the four projects sum to 636.97
      ["N8", "info", 45.01, 45.02, 17], // 公用经费 45.02 vs 表6 45.01
      ["N14", "error", 100, 56.1, 18], // 636.96 is all of 项目支出, 56.1% is its share of total spending
      ["N15", "info", 499.22, 499.21, 27], // appendix 基本支出
      ["N15", "info", 636.96, 636.97, 27], // appendix 项目支出
    ]);
  });

  it("says where, both figures and how the expected one was computed", () => {
    const rate = found[0]!;
    expect(rate).toMatchObject({ rule: "narrative.change_pct", table: "narrative", row: "s4.total.change_pct", within_rounding: true });
    expect(rate.quote).toBe("与2020年度相比，财政拨款收、支总计各减少74.42万元，下降6.2%");
    expect(rate.detail).toContain("74.42 / (1136.18 + 74.42) = 6.147%");
    expect(rate.message).toContain("四、财政拨款收入支出决算总体情况说明");
    const share = found.find((f) => f.severity === "error")!;
    expect(share).toMatchObject({ rule: "narrative.pct", section: "十三、预算绩效情况说明", within_rounding: false });
    expect(share.refs).toContainEqual({ table: "T5", row: "total", col: "project" });
    expect(share.message).toMatch(/应为 100%，实为 56\.1%.*636\.96 \/ 1136\.18/);
  });
});

describe("generated corpus against its truth", () => {
  // corpus/generated when npm run corpus made it, else a fresh one in a temporary folder.
  const dirs = [path.join(ROOT, "corpus/generated"), path.join(ROOT, "corpus/libreoffice")];
  const stats = { claims: 0, bound: 0, faults: 0, faultsFound: 0, seams: 0, seamsInfo: 0, seamsSilent: 0, cleanReports: 0, falseAlarms: [] as string[] };

  beforeAll(async () => {
    if (!existsSync(dirs[0]!) || !readdirSync(dirs[0]!).some((f) => f.endsWith(".truth.json"))) {
      const tmp = mkdtempSync(path.join(os.tmpdir(), "juesuan-narrative-"));
      await writePlannedCorpus({ root: tmp, outDir: "corpus/generated" });
      dirs[0] = path.join(tmp, "corpus/generated");
    }
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".truth.json")).sort()) {
        const truth = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Truth;
        const ex = await read(path.join(dir, f.replace(/\.truth\.json$/, ".pdf")));
        const claims = extractClaims(ex.narrative, ex.tables);
        for (const t of truth.claims ?? []) {
          stats.claims++;
          const want = truthRefs(t).join();
          if (claims.some((c) => c.kind === t.kind && Math.abs(c.stated - t.stated) < 1e-6 && refsOf(c).join() === want)) stats.bound++;
        }
        const found = narrativeFindings(ex.tables, ex.narrative);
        const faults = (truth.faults ?? []).filter((x) => x.table === "narrative");
        const errors = faults.filter((x) => x.kind === "error");
        const at = (x: TruthFault): Finding | undefined =>
          found.find((y) => Math.abs((y.actual ?? NaN) - x.actual) < 1e-6 && (!x.quote || !y.quote || x.quote.includes(y.quote.slice(-8))));
        for (const x of errors) {
          stats.faults++;
          if (at(x)?.severity === "error") stats.faultsFound++;
        }
        for (const x of faults.filter((y) => y.kind === "rounding")) {
          stats.seams++;
          const y = at(x);
          if (y && y.within_rounding && y.severity === "info") stats.seamsInfo++;
          // A seam the narrative rounds away ("169.7" for 169.69) agrees at its printed precision: no finding.
          if (!y && found.every((z) => z.severity !== "error" || Math.abs((z.actual ?? NaN) - x.actual) > 1e-6)) stats.seamsSilent++;
        }
        if (errors.length === 0) stats.cleanReports++;
        for (const y of found.filter((z) => z.severity === "error")) {
          if (!errors.some((x) => Math.abs(x.actual - (y.actual ?? NaN)) < 1e-6)) stats.falseAlarms.push(`${f}: ${y.message}`);
        }
      }
    }
    console.log(`narrative: ${stats.bound}/${stats.claims} truth claims extracted and bound; faults ${stats.faultsFound}/${stats.faults}; ` +
      `seams as info ${stats.seamsInfo}/${stats.seams} (${stats.seamsSilent} agree at the printed precision); false alarms ${stats.falseAlarms.length}`);
  }, 300_000);

  it("extracts almost every claim the generator wrote, with its stated value and cells", () => {
    expect(stats.claims).toBeGreaterThan(1000);
    expect(stats.bound / stats.claims).toBeGreaterThanOrEqual(0.98);
  });

  it("turns every injected narrative error into an error finding", () => {
    expect(stats.faults).toBeGreaterThan(0);
    expect(stats.faultsFound).toBe(stats.faults);
  });

  it("reports rounding seams as within-rounding info, never as errors", () => {
    expect(stats.seams).toBeGreaterThan(0);
    // "169.7" for a table's 169.69 is a gap, within rounding: every seam shows as info.
    expect(stats.seamsInfo).toBe(stats.seams);
  });

  it("raises no error on what the truth does not call wrong", () => {
    expect(stats.cleanReports).toBeGreaterThan(10);
    expect(stats.falseAlarms).toEqual([]);
  });
});

describe("real published reports", () => {
  const errorsOf = async (file: string): Promise<Finding[]> => {
    const ex = await read(path.join(REAL, file));
    return narrativeFindings(ex.tables, ex.narrative).filter((f) => f.severity === "error");
  };
  const brief = (fs: Finding[]): (string | number | null | undefined)[][] => fs.map((f) => [f.row, f.expected, f.actual]);

  it.runIf(existsSync(REAL))("putuo-caizhengju-2024: only the two errors checked by hand", async () => {
    // 财政拨款收入支出总计 "0.3万元" (表4 2961.68, identities.md §6); 一般公共服务 2106.66 / 2940.05 = 71.65%, printed 71.73% (the shares sum to 100.07).
    expect(brief(await errorsOf("putuo-caizhengju-2024.pdf"))).toEqual([["s4.total", 2961.68, 0.3], ["s5.class.201.pct", 71.654, 71.73]]);
  });

  it.runIf(existsSync(REAL))("putuo-caizhengju-2024-altered: the changed total and the emptied 三公 table", async () => {
    expect(brief(await errorsOf("putuo-caizhengju-2024-altered.pdf"))).toEqual([
      ["s1.total", 2995.39, 0], ["s5.class.201.pct", 71.654, 71.73], ["s7.budget", 0, 0.95],
    ]);
  });

  it.runIf(existsSync(REAL))("putuo-guihua-ziranziyuan-2024: 六 quotes the all-funds 基本支出 (表3) as 一般公共预算", async () => {
    expect(brief(await errorsOf("putuo-guihua-ziranziyuan-2024.pdf"))).toEqual([["s6.basic", 5364.75, 5377.64], ["s6.personnel", 4884.09, 4896.98]]);
  });

  it.runIf(existsSync(REAL))("guojia-xinfangju-2024: one growth rate that its own figures cannot give", async () => {
    // 5834.37 / (22066.59 − 5834.37) = 35.94%, printed 35.74%.
    expect(brief(await errorsOf("guojia-xinfangju-2024.pdf"))).toEqual([["s1.total.change_pct", 35.943, 35.74]]);
  });

  it.runIf(existsSync(REAL))("the clean reports and the blank template give no narrative error", async () => {
    for (const f of ["putuo-shehuigongzuobu-2024.pdf", "xinan-daxue-2023.pdf", "shanghai-template-2024-blank.pdf"]) {
      expect(await errorsOf(f), f).toEqual([]);
    }
  });
});

describe("三公 breakdowns, 机关运行经费 and 政府采购 (N9, N11, N12) on real input", () => {
  const reports: Record<string, Extraction> = {};
  beforeAll(async () => {
    reports.seed = await read(path.join(ROOT, "corpus/seed/hongshan-grid-2021.pdf"));
    if (existsSync(REAL)) {
      reports.guojia = await read(path.join(REAL, "guojia-xinfangju-2024.pdf"));
      reports.caizheng = await read(path.join(REAL, "putuo-caizhengju-2024.pdf"));
    }
  }, 60_000);

  const cellValue = (ex: Extraction, r: CellRef): number | undefined =>
    ex.tables.find((t) => t.id === r.table)?.cells.find((c) => c.row === r.row && c.col === r.col)?.value ?? undefined;
  /** The narrative with one printed line changed (the change must land). */
  const alter = (pages: readonly NarrativePage[], from: string, to: string): NarrativePage[] => {
    let hits = 0;
    const out = pages.map((p) => ({ ...p, text: p.text.split("\n").map((l) => (l.includes(from) ? (hits++, l.replace(from, to)) : l)).join("\n") }));
    expect(hits, from).toBeGreaterThan(0);
    return out;
  };
  const sums = (cs: Claim[], identity: string): SumClaim[] => cs.filter((c): c is SumClaim => c.kind === "sum" && c.identity === identity);
  const bounds = (cs: Claim[], identity: string): BoundClaim[] => cs.filter((c): c is BoundClaim => c.kind === "bound" && c.identity === identity);
  const of = (fs: Finding[], identity: string): Finding[] => fs.filter((f) => f.identity === identity);

  it("N9: the seed's 燃料/维修/保险 breakdown sums to 表7 公务用车运行费; a changed part is flagged, item budgets bind", () => {
    const ex = reports.seed!;
    const [b, ...rest] = sums(extractClaims(ex.narrative, ex.tables), "N9");
    expect(rest).toEqual([]);
    expect(b!.parts.map((p) => p.value)).toEqual([0.5, 2.05, 0.27]);
    expect(b!.total).toEqual({ refs: [{ table: "T7", row: "total", col: "actual_vehicle_operation" }], fallback: [] });
    const item = cellValue(ex, { table: "T7", row: "total", col: "actual_vehicle_operation" });
    expect(item).toBeGreaterThan(0);
    expect(Math.abs(b!.stated - item!)).toBeLessThan(0.005);
    expect(of(narrativeFindings(ex.tables, ex.narrative), "N9")).toEqual([]);
    // 维修费 2.05 → 3.05: the parts exceed the item by 1.00 (a SOFT sum: a warning).
    const wrong = of(narrativeFindings(ex.tables, alter(ex.narrative, "维修", "维修费3.05万元；其他")), "N9");
    expect(wrong.map((f) => [f.rule, f.severity, f.within_rounding])).toEqual([["narrative.sum", "warning", false]]);
    expect(wrong[0]!.actual).toBeCloseTo(b!.stated + 3.05, 6);
    // An item's 年初预算 and a bare "决算为" after it bind to that item's 表7 预算数/决算数 cells.
    const cs = extractClaims(alter(ex.narrative, "(2) 公务用车运行费2.82万元", "(2) 公务用车运行费年初预算为0万元，决算为2.82万元"), ex.tables);
    const refs = (id: string) => cs.find((c) => c.id === id && c.kind === "amount");
    expect(refs("s7.operation_budget")).toMatchObject({ stated: 0, refs: [{ table: "T7", row: "total", col: "budget_vehicle_operation" }] });
    expect(refs("s7.operation")).toMatchObject({ stated: 2.82, refs: [{ table: "T7", row: "total", col: "actual_vehicle_operation" }] });
  });

  it("N11: 机关运行经费 ≤ 表6 公用经费合计 (seed 0; 国家信访局, and 上海 十一（一） inside 其他重要事项); over it is a warning", () => {
    const cases: [string, number][] = [["seed", 0], ["guojia", 2266.65], ["caizheng", 184.65]];
    for (const [name, stated] of cases) {
      const ex = reports[name];
      if (!ex) continue;
      const [b, ...rest] = bounds(extractClaims(ex.narrative, ex.tables), "N11");
      expect(rest, name).toEqual([]);
      expect(b, name).toMatchObject({ stated, max: { refs: [{ table: "T6", row: "public_total", col: "amount" }] } });
      const pub = cellValue(ex, { table: "T6", row: "public_total", col: "amount" });
      expect(pub, name).toBeGreaterThanOrEqual(stated);
      expect(of(narrativeFindings(ex.tables, ex.narrative), "N11"), name).toEqual([]);
    }
    const ex = reports.seed!;
    const over = of(narrativeFindings(ex.tables, alter(ex.narrative, "机关运行经费支出0万元", "机关运行经费支出99万元")), "N11");
    expect(over.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([
      ["narrative.bound", "warning", 99, cellValue(ex, { table: "T6", row: "public_total", col: "amount" })],
    ]);
    expect(over[0]!.detail).toContain("COND");
  });

  it("N12: 货物 + 工程 + 服务 = 政府采购总额 (an error beyond rounding), 中小企业 ≤ 总额, 小微 ≤ 中小 (warnings)", () => {
    const seed = reports.seed!;
    const cs = extractClaims(seed.narrative, seed.tables);
    const [sum] = sums(cs, "N12");
    expect(sum).toMatchObject({ strict: true, total: { value: 128.03 } });
    expect(sum!.parts.map((p) => p.value)).toEqual([53.61, 74.42]);
    expect(bounds(cs, "N12").map((b) => [b.id, b.stated, "value" in b.max ? b.max.value : null])).toEqual([
      ["s11.sme.bound", 128.03, 128.03], ["s11.micro.bound", 128.03, 128.03],
    ]);
    expect(of(narrativeFindings(seed.tables, seed.narrative), "N12")).toEqual([]);
    // 货物 53.61 → 63.61: the parts no longer add up (error); 小微 above 中小 (warning).
    const wrong = alter(alter(seed.narrative, "政府采购货物支出53.61万元", "政府采购货物支出63.61万元"), "同金额128.03万元，占授予中小", "同金额130.03万元，占授予中小");
    expect(of(narrativeFindings(seed.tables, wrong), "N12").map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([
      ["narrative.sum", "error", 138.03, 128.03], ["narrative.bound", "warning", 130.03, 128.03],
    ]);
    const guojia = reports.guojia;
    if (guojia) {
      // 171.7 + 3 + 1792.72 = 1967.42; 1820.69 ≤ 1967.42; 1015.5 ≤ 1820.69
      const gc = extractClaims(guojia.narrative, guojia.tables);
      expect(sums(gc, "N12").map((c) => [c.parts.map((p) => p.value), c.stated])).toEqual([[[171.7, 3, 1792.72], 1967.42]]);
      expect(bounds(gc, "N12").map((b) => b.stated)).toEqual([1820.69, 1015.5]);
      expect(of(narrativeFindings(guojia.tables, guojia.narrative), "N12")).toEqual([]);
    }
    const caizheng = reports.caizheng;
    if (caizheng) {
      // 上海 十一（二）: 4.79 + 0 + 246.47 = 251.26 against the stated 251.25: within the rounding of three printed figures.
      const f = of(narrativeFindings(caizheng.tables, caizheng.narrative), "N12");
      expect(f.map((x) => [x.severity, x.within_rounding, x.expected, x.actual])).toEqual([["info", true, 251.25, 251.26]]);
      expect(f[0]!.section).toBe("十一、其他重要事项的情况说明");
    }
  });
});
