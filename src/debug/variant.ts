// Developer check of one variant combination on the seed report:
// `node dist/src/debug/variant.js '{"ruled":false,"orientation":"portrait"}'`
// renders the seed with that variant, reads it back and scores every cell,
// printing what went wrong. The planned corpus covers values, not all combinations.
import path from "node:path";
import { generate } from "../corpus/generate.js";
import { loadSource } from "../corpus/source/load.js";
import { SEED_VARIANT, Variant } from "../corpus/variant.js";
import { scoreReport } from "../eval/score.js";
import { TruthFile, type Truth } from "../eval/truth.js";
import { extractPdf } from "../extract/index.js";

const patch = Variant.partial().parse(JSON.parse(process.argv[2] ?? "{}"));
const variant = { ...SEED_VARIANT, ...patch };
const source = await loadSource(path.resolve("corpus/sources/hongshan-grid-2021.json"));
const g = await generate(source, { variant });
const report = TruthFile.parse(g.truth);
const truth: Truth = { path: g.truthPath, report, variant, expectedKind: "final", errors: [] };
const x = await extractPdf(g.pdf);
const got = { ...report, status: "ok" as const, unit: x.unit, year: x.year, printed_unit: x.printed_unit, kind: x.kind, tables: x.tables, findings: [] };
const score = scoreReport(truth, got);
console.log(`${JSON.stringify(patch)}: cells ${score.cells.exact}/${score.cells.truth}, spurious ${score.cells.spurious}, tables ${score.tables.correct}/${score.tables.truth}`);
for (const m of score.misses) console.log(`  ${m}`);
