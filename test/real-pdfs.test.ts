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
  const expected: Record<string, { kind: string; unit: string; year: number; tables: string[] }> = {
    "putuo-caizhengju-2024.pdf": { kind: "final", unit: "上海市普陀区财政局", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
    "putuo-guihua-ziranziyuan-2024.pdf": { kind: "final", unit: "上海市普陀区规划和自然资源局", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
    "putuo-shehuigongzuobu-2024.pdf": { kind: "final", unit: "中共上海市普陀区委社会工作部", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
    // The altered copy has no T3: that absence is what a checker must report.
    "putuo-caizhengju-2024-altered.pdf": { kind: "final", unit: "上海市普陀区财政局", year: 2024, tables: ["T1", "T2", "T4", "T5", "T6", "T7", "T8", "T9"] },
    "guojia-xinfangju-2024.pdf": { kind: "final", unit: "国家信访局", year: 2024, tables: ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"] },
    "xinan-daxue-2023.pdf": { kind: "final", unit: "西南大学", year: 2023, tables: ["T1", "T2", "T3"] },
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
