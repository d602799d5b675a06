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
import { extractClaims, narrativeFindings, type CellRef, type Claim } from "../src/validate/narrative/index.js";

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
  (c.kind === "pct" ? [c.num, c.den].flatMap((o) => ("refs" in o ? o.refs : [])) : c.kind === "sum" ? [] : c.refs).map(key).sort();
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
