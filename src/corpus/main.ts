// `npm run corpus`: regenerate every PDF and truth under corpus/ from
// corpus/sources/*.json. Run from the repo root (or pass --root).
import path from "node:path";
import { writeCorpus, writePlannedCorpus } from "./generate.js";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const root = path.resolve(arg("root") ?? process.cwd());
  const seed = arg("seed");
  const written = await writeCorpus({
    root,
    outRoot: arg("out") ? path.resolve(arg("out") ?? root) : undefined,
    options: seed !== undefined ? { seed: Number(seed) } : {},
  });
  for (const g of written) {
    const map = [...g.pageMap].map(([id, pages]) => `${id}:${pages.join(",")}`).join(" ");
    console.log(`${g.pdfPath} (${String(g.truth["page_count"])} pages) ${map}`);
  }
  // The planned corpus (plan.ts) under corpus/generated/, unless --no-planned.
  if (process.argv.includes("--no-planned")) return;
  const only = arg("only");
  const planned = await writePlannedCorpus({
    root,
    ...(only !== undefined ? { only: Number(only) } : {}),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
  });
  console.log(`planned corpus: ${planned.written.length} written under corpus/generated/, ${planned.skipped.length} skipped`);
  for (const s of planned.skipped) console.log(`  skipped ${s.id}: ${s.reason}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
