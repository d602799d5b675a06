// The real published PDFs of ../shared/real: which tables each report has
// (from its README), and one whole table per report pinned cell by cell in
// test/golden/*.json — each golden was checked by hand against the rendered page.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractPdf, type Extraction } from "../src/extract/index.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const real = path.resolve(repo, "../shared/real");
const hasReal = existsSync(real);

const cache = new Map<string, Promise<Extraction>>();
function extract(file: string): Promise<Extraction> {
  const abs = path.resolve(repo, file);
  if (!cache.has(abs)) cache.set(abs, extractPdf(new Uint8Array(readFileSync(abs))));
  return cache.get(abs)!;
}

interface Golden {
  pdf: string;
  table: string;
  pages: number[];
  columns: string[];
  rows: [string, string | null][];
  values: Record<string, (number | null | "absent")[]>;
}

const goldenDir = path.join(repo, "test/golden");
const goldens: Golden[] = readdirSync(goldenDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(path.join(goldenDir, f), "utf8")) as Golden);

describe.skipIf(!hasReal)("real final-accounts PDFs: tables found", () => {
  // extras: tables outside the nine, by title (the 目录 and narrative headings about tables are none).
  const expected: Record<string, { kind: string; unit: string; year: number; tables: string[]; extras?: string[] }> = {
    "putuo-caizhengju-2024.pdf": { kind: "final", unit: "上海市普陀区财政局", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
    "putuo-guihua-ziranziyuan-2024.pdf": { kind: "final", unit: "上海市普陀区规划和自然资源局", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
    "putuo-shehuigongzuobu-2024.pdf": { kind: "final", unit: "中共上海市普陀区委社会工作部", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
    // The altered copy has no T3: that absence is what a checker must report.
    "putuo-caizhengju-2024-altered.pdf": { kind: "final", unit: "上海市普陀区财政局", year: 2024, tables: ["T1", "T2", "T4", "T5", "T6", "T7", "T8", "T9"] },
    "guojia-xinfangju-2024.pdf": {
      kind: "final",
      unit: "国家信访局",
      year: 2024,
      tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"],
      extras: ["信访干部培训专项项目绩效自评表", "信访研究宣传立法专项项目绩效自评表", "资产运行维护项目绩效自评表", "信息化运行维护项目绩效自评表", "表1：项目年度绩效指标表", "表2：综合评价得分情况表"],
    },
    // The university set: its 表4 财政拨款支出决算表 is T5.
    "xinan-daxue-2023.pdf": { kind: "final", unit: "西南大学", year: 2023, tables: ["T1", "T2", "T3", "T5"] },
    "shanghai-template-2024-blank.pdf": { kind: "template", unit: "上海市XX局", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
  };
  for (const [file, want] of Object.entries(expected)) {
    it(file, async () => {
      const x = await extract(path.join(real, "final", file));
      expect(x.kind).toBe(want.kind);
      expect(x.unit).toBe(want.unit);
      expect(x.year).toBe(want.year);
      expect(x.printed_unit).toBe("万元");
      expect(x.tables.filter((t) => t.kind === "standard").map((t) => t.id)).toEqual(want.tables);
      expect(x.tables.filter((t) => t.kind === "extra").map((t) => t.title)).toEqual(want.extras ?? []);
      // Every standard table is read from a table page, never from the 目录 up front.
      for (const t of x.tables.filter((k) => k.kind === "standard")) {
        expect(t.cells.length, t.id).toBeGreaterThan(0);
        expect(Math.min(...t.pages), t.id).toBeGreaterThan(3);
      }
    });
  }

  it("the blank template prints no figure at all", async () => {
    const x = await extract(path.join(real, "final", "shanghai-template-2024-blank.pdf"));
    const cells = x.tables.flatMap((t) => t.cells);
    expect(cells.length).toBeGreaterThan(300);
    expect(cells.every((c) => c.value === null)).toBe(true);
  });

  it("tables the report declares empty are present and empty", async () => {
    const x = await extract(path.join(real, "final", "putuo-caizhengju-2024.pdf"));
    for (const id of ["T8", "T9"]) {
      const t = x.tables.find((k) => k.id === id)!;
      expect(t.empty).toBe(true);
      expect(t.empty_statement).toMatch(/故本表无数据/);
      expect(t.rows.map((r) => r.key)).toEqual(["total"]);
      expect(t.cells.every((c) => c.value === null)).toBe(true);
    }
  });
});

describe.skipIf(!hasReal)("real budget PDFs are told apart from final accounts", () => {
  const budgets = hasReal ? readdirSync(path.join(real, "budget")).filter((f) => f.endsWith(".pdf")) : [];
  it.each(budgets)("%s is a budget", async (file) => {
    const x = await extract(path.join(real, "budget", file));
    expect(x.kind).toBe("budget");
  });
});

describe.skipIf(!hasReal)("real PDFs: one whole table pinned per report", () => {
  it.each(goldens.map((g) => [`${path.basename(g.pdf)} ${g.table}`, g] as const))("%s", async (_name, g) => {
    const x = await extract(g.pdf);
    const t = x.tables.find((k) => k.id === g.table);
    expect(t, `${g.table} found`).toBeDefined();
    expect(t!.pages).toEqual(g.pages);
    expect(t!.columns!.map((c) => c.key)).toEqual(g.columns);
    expect(t!.rows.map((r) => [r.key, r.name])).toEqual(g.rows);
    const got = Object.fromEntries(
      t!.rows.map((r) => [r.key, g.columns.map((col) => {
        const cell = t!.cells.find((c) => c.row === r.key && c.col === col);
        return cell ? cell.value : "absent";
      })]),
    );
    expect(got).toEqual(g.values);
  });
});
