// Developer check of one variant combination on the seed report:
// `node dist/src/debug/variant.js '{"ruled":false,"orientation":"portrait"}'`
// renders the seed with that variant, reads it back and scores every cell,
// printing what went wrong. The planned corpus covers values, not all combinations.
// `… variant.js --pairs '{"ruled":false}'` tries every pair of non-seed values on
// top of the given patch and prints the combinations that lose a cell.
import path from "node:path";
import { generate } from "../corpus/generate.js";
import { loadSource } from "../corpus/source/load.js";
import { SEED_VARIANT, Variant } from "../corpus/variant.js";
import { scoreReport } from "../eval/score.js";
import { TruthFile, type Truth } from "../eval/truth.js";
import { extractPdf } from "../extract/index.js";

const source = await loadSource(path.resolve("corpus/sources/hongshan-grid-2021.json"));

/** Renders the seed with `patch` over the seed variant and scores every cell of the read-back. */
async function check(patch: Partial<Variant>): Promise<{ line: string; misses: string[]; clean: boolean }> {
  const variant = { ...SEED_VARIANT, ...patch };
  const g = await generate(source, { variant });
  const report = TruthFile.parse(g.truth);
  const truth: Truth = { path: g.truthPath, report, variant, degradation: { scan: null, garbled: false }, expectedKind: "final", errors: [], seams: [] };
  const x = await extractPdf(g.pdf);
  const got = { ...report, status: "ok" as const, unit: x.unit, year: x.year, printed_unit: x.printed_unit, kind: x.kind, tables: x.tables, findings: [] };
  const score = scoreReport(truth, got);
  const clean = score.cells.exact === score.cells.truth && score.cells.spurious === 0 && score.tables.correct === score.tables.truth;
  return { line: `${JSON.stringify(patch)}: cells ${score.cells.exact}/${score.cells.truth}, spurious ${score.cells.spurious}, tables ${score.tables.correct}/${score.tables.truth}`, misses: score.misses, clean };
}

/** Every value of a Variant field other than the seed's. */
function otherValues(field: keyof Variant): unknown[] {
  const schema = Variant.shape[field] as unknown as { options?: readonly unknown[]; type?: string };
  const all = schema.type === "boolean" ? [true, false] : (schema.options ?? []).map((o) => (typeof o === "object" && o !== null && "value" in o ? (o as { value: unknown }).value : o));
  return all.filter((v) => v !== SEED_VARIANT[field]);
}

if (process.argv[2] === "--pairs") {
  const base = Variant.partial().parse(JSON.parse(process.argv[3] ?? "{}"));
  const fields = (Object.keys(SEED_VARIANT) as (keyof Variant)[]).filter((f) => !(f in base) && !["template", "table_set", "producer"].includes(f));
  let tried = 0;
  let failed = 0;
  for (let a = 0; a < fields.length; a++)
    for (let b = a + 1; b < fields.length; b++)
      for (const va of otherValues(fields[a]!))
        for (const vb of otherValues(fields[b]!)) {
          const r = await check({ ...base, [fields[a]!]: va, [fields[b]!]: vb });
          tried++;
          if (r.clean) continue;
          failed++;
          console.log(r.line);
          for (const m of r.misses.slice(0, 4)) console.log(`  ${m}`);
        }
  console.log(`${tried} combinations, ${failed} lose cells`);
} else {
  const r = await check(Variant.partial().parse(JSON.parse(process.argv[2] ?? "{}")));
  console.log(r.line);
  for (const m of r.misses) console.log(`  ${m}`);
}
