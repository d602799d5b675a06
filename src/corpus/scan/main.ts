// `npm run corpus:scans`: the scanned and garbled-font corpus under
// corpus/scans/ (not committed: JPEG pages are large), from PDFs that have
// their truth beside them. Run `npm run corpus` first for corpus/generated/.
//   --add PDF        also scan PDF (repeatable), at every --dpi (default 200; e.g. --dpi 150,300)
//   --garble PDF     also garble PDF's fonts (repeatable)
//   --no-defaults    only what --add / --garble name
//   --seed N, --out DIR, --root DIR
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_SCANS, type ScanJob } from "./selection.js";
import { SCANS_DIR, writeScans } from "./write.js";

const Args = z.object({
  root: z.string().default("."),
  out: z.string().default(SCANS_DIR),
  seed: z.coerce.number().int().default(1),
  add: z.array(z.string()).default([]),
  garble: z.array(z.string()).default([]),
  dpi: z
    .string()
    .default("200")
    .transform((s) => s.split(",").map(Number))
    .pipe(z.array(z.number().int().min(50).max(1200)).min(1)),
  "no-defaults": z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      root: { type: "string" },
      out: { type: "string" },
      seed: { type: "string" },
      add: { type: "string", multiple: true },
      garble: { type: "string", multiple: true },
      dpi: { type: "string" },
      "no-defaults": { type: "boolean" },
    },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  const args = parsed.data;
  const root = path.resolve(args.root);
  // Paths given on the command line are taken from the current folder, stored relative to the root.
  const rel = (p: string): string => path.relative(root, path.resolve(p)).split(path.sep).join("/");
  const jobs: ScanJob[] = [
    ...(args["no-defaults"] ? [] : DEFAULT_SCANS),
    ...args.add.flatMap((p) => args.dpi.map((dpi): ScanJob => ({ kind: "scan", source: rel(p), dpi }))),
    ...args.garble.map((p): ScanJob => ({ kind: "garble", source: rel(p) })),
  ];
  const written = await writeScans({ root, jobs, outDir: args.out, seed: args.seed }, (line) => console.log(line));
  console.log(`scan corpus: ${written.length} reports, ${written.reduce((n, w) => n + w.pages, 0)} pages under ${args.out}/`);
}

main().catch((err: unknown) => {
  console.error(`corpus:scans: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
