// Validation on real input: the seed PDF, the committed LibreOffice corpus
// (injected faults and rounding seams listed in each truth) and the real
// published reports of ../shared/real/final.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Finding } from "../schemas/canonical.js";
import { TruthFile } from "../src/eval/truth.js";
import { extractPdf } from "../src/extract/index.js";
import { validateReport } from "../src/validate/index.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const realFinal = path.resolve(repo, "../shared/real/final");

async function findingsOf(file: string): Promise<Finding[]> {
  const x = await extractPdf(new Uint8Array(readFileSync(path.resolve(repo, file))));
  return validateReport({ tables: x.tables, year: x.year, printed_unit: x.printed_unit, narrative: x.narrative });
}

const tableFindings = (fs: readonly Finding[]) => fs.filter((f) => f.table !== "narrative");

describe("validation of the seed report", () => {
  it("reports the T6/T5 seam as within rounding, with both figures, and no other table finding", async () => {
    const fs = tableFindings(await findingsOf("corpus/seed/hongshan-grid-2021.pdf"));
    expect(fs.map((f) => `${f.rule} ${f.table}/${f.row}/${f.col}`)).toEqual(["X.T6.personnel_total+public_total=T5.basic T6/public_total/amount"]);
    const seam = fs[0]!;
    expect(seam).toMatchObject({ identity: "X17", severity: "info", within_rounding: true, expected: 45.02, actual: 45.01, page: 10 });
    expect(seam.refs).toEqual(expect.arrayContaining([{ table: "T5", row: "total", col: "basic" }, { table: "T6", row: "personnel_total", col: "amount" }]));
    expect(seam.message).toContain("公用经费合计");
    expect(seam.detail).toContain("499.21");
  });
});

describe("validation of the LibreOffice corpus (faults injected on purpose)", () => {
  const dir = path.join(repo, "corpus/libreoffice");
  const truths = readdirSync(dir)
    .filter((f) => f.endsWith(".truth.json"))
    .map((f) => TruthFile.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))));
  const at = (f: Finding, e: { table: string; row: string | null }) => f.table === e.table && f.row === e.row;

  it.each(truths.map((t) => [path.basename(t.file), t] as const))("%s: every injected table error found, every seam within rounding, no alarm on a clean report", async (_name, truth) => {
    const fs = await findingsOf(truth.file);
    const faults = (truth.faults ?? []).filter((f) => f.table !== "narrative");
    for (const e of faults.filter((f) => f.kind === "error")) expect(fs.some((f) => f.severity === "error" && at(f, e)), `${e.rule} ${e.table}/${e.row}`).toBe(true);
    for (const e of faults.filter((f) => f.kind === "rounding")) {
      expect(fs.some((f) => f.within_rounding && f.severity === "info" && at(f, e)), `seam ${e.rule} ${e.table}/${e.row}`).toBe(true);
      expect(fs.some((f) => f.severity === "error" && at(f, e)), `seam ${e.rule} as error`).toBe(false);
    }
    if (!(truth.faults ?? []).some((f) => f.kind === "error")) expect(fs.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
  });
});

describe.skipIf(!existsSync(realFinal))("validation of the real published reports", () => {
  it.each(["guojia-xinfangju-2024.pdf", "putuo-caizhengju-2024.pdf", "putuo-guihua-ziranziyuan-2024.pdf", "putuo-shehuigongzuobu-2024.pdf", "xinan-daxue-2023.pdf"])(
    "%s: no table error (its 0.01 gaps are rounding)",
    async (name) => {
      const fs = tableFindings(await findingsOf(path.join(realFinal, name)));
      expect(fs.filter((f) => f.severity !== "info").map((f) => f.message)).toEqual([]);
      for (const f of fs) expect(Math.abs((f.expected ?? 0) - (f.actual ?? 0))).toBeLessThanOrEqual(0.02 + 1e-9);
    },
  );

  it("putuo-caizhengju-2024-altered.pdf: the missing T3 is an error", async () => {
    const fs = await findingsOf(path.join(realFinal, "putuo-caizhengju-2024-altered.pdf"));
    expect(fs).toContainEqual(expect.objectContaining({ rule: "table.missing", table: "T3", severity: "error" }));
  });
});
