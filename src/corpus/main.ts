// `npm run corpus`: regenerate every PDF and truth under corpus/ from
// corpus/sources/*.json. Run from the repo root (or pass --root).
import path from "node:path";
import { writeCorpus } from "./generate.js";

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
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
