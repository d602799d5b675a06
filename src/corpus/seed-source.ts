// Builds corpus/sources/hongshan-grid-2021.json from the two shared files
// (the seed's text and its canonical form), so the committed source can be
// traced to them. Run once, from the repo root:
//   node dist/src/corpus/seed-source.js [--shared ../shared]
// The generator itself reads only corpus/sources/*.json.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { Finding } from "../../schemas/canonical.js";
import { narrativeBlocks } from "./seed/narrative.js";
import { printedExtras } from "./seed/tables.js";
import { findingsInOrder } from "./source/key-order.js";
import { ReportSource, SourceTable, type Block, type ChartSpec } from "./source/schema.js";

const SEED_TEXT = "seeds/000_de597ec2fa6634b4.txt";
const EXAMPLE = "spec/example-seed.json";

const Example = z.object({
  unit: z.string(),
  year: z.number(),
  printed_unit: z.enum(["万元", "元", "亿元"]),
  // A source table before its print extras are added.
  tables: z.array(SourceTable.omit({ print: true })),
  findings: z.array(Finding.loose()),
});

/**
 * The seed text keeps only the captions of its four charts. Their figures
 * are the ones the surrounding sentences state (2020 totals = 2021 total plus
 * the stated decrease), so the charts say nothing the text does not.
 */
const CHARTS: Record<string, ChartSpec> = {
  图1: {
    type: "bar",
    series: [{ label: "2020年度", value: 1216.85 }, { label: "2021年度", value: 1136.18 }],
    derived_from: "一、收支总计 1136.18 万元，比 2020 年度减少 80.67 万元",
  },
  图2: {
    type: "pie",
    series: [{ label: "财政拨款收入", value: 1136.18 }],
    derived_from: "二、财政拨款收入 1136.18 万元，占本年收入 100%",
  },
  图3: {
    type: "pie",
    series: [{ label: "基本支出", value: 499.22 }, { label: "项目支出", value: 636.96 }],
    derived_from: "三、基本支出 499.22 万元 43.9%；项目支出 636.96 万元 56.1%",
  },
  图4: {
    type: "bar",
    series: [{ label: "2020年度", value: 1210.6 }, { label: "2021年度", value: 1136.18 }],
    derived_from: "四、财政拨款收、支总计 1136.18 万元，比 2020 年度减少 74.42 万元",
  },
};

function indexOf(lines: readonly string[], re: RegExp, from = 0): number {
  const i = lines.findIndex((l, k) => k >= from && re.test(l.trim()));
  if (i < 0) throw new Error(`Expected a line matching ${re} in the seed text`);
  return i;
}

function isoDate(line: string): string {
  const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(line);
  if (!m) throw new Error(`Expected a date line like "2022 年 9 月 29 日", got "${line}"`);
  return `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}`;
}

export function buildSeedSource(sharedDir: string): ReportSource {
  const lines = readFileSync(path.join(sharedDir, SEED_TEXT), "utf8").split(/\r?\n/);
  const rawExample: unknown = JSON.parse(readFileSync(path.join(sharedDir, EXAMPLE), "utf8"));
  const example = Example.parse(rawExample);
  const rawFindings = (rawExample as { findings?: unknown }).findings;

  const tocAt = indexOf(lines, /^目\s*录$/);
  const cover = lines.slice(0, tocAt).map((l) => l.trim()).filter((l) => l !== "");
  const dateLine = cover[cover.length - 1] ?? "";
  const part1 = indexOf(lines, /^第一部分/, indexOf(lines, /^第一部分/, tocAt) + 1);
  const part2 = indexOf(lines, /^第二部分/, part1);
  const part3 = indexOf(lines, /^第三部分/, part2);

  const toc: Block = {
    type: "toc",
    title: lines[tocAt]?.trim() ?? "目 录",
    entries: lines
      .slice(tocAt + 1, part1)
      .map((l) => l.trim().replace(/^- /, ""))
      .filter((l) => l !== "")
      .map((text) => ({ text, level: /^第.部分/.test(text) ? 0 : 1 })),
  };

  const region = lines.slice(part2 + 1, part3);
  const titleAt = region.map((l, i) => (/（表\d）$/.test(l.trim()) ? i : -1)).filter((i) => i >= 0);
  const chunkOf = (id: string): string[] => {
    const k = titleAt.findIndex((i) => region[i]?.trim().endsWith(`（表${id.slice(1)}）`));
    if (k < 0) throw new Error(`Expected the title of ${id} in the seed text`);
    return region.slice((titleAt[k] ?? 0) + 1, titleAt[k + 1] ?? region.length);
  };
  const captionLine = (re: RegExp): string => region.find((l) => re.test(l.trim()))?.trim() ?? "";

  const tables = example.tables.map((t) => {
    const chunk = chunkOf(t.id);
    const title = region[titleAt.find((i) => region[i]?.trim().endsWith(`（表${t.id.slice(1)}）`)) ?? 0]?.trim();
    if (title !== t.title) throw new Error(`${t.id}: seed title "${title}" differs from "${t.title}"`);
    return { ...t, print: printedExtras(t, chunk) };
  });

  const source: ReportSource = {
    id: "hongshan-grid-2021",
    out_dir: "seed",
    template: "national",
    unit: example.unit,
    year: example.year,
    printed_unit: example.printed_unit,
    kind: "final",
    issued: isoDate(dateLine),
    table_caption: { left: captionLine(/^部门：/), right: captionLine(/^金额单位：/) },
    provenance: {
      built_by: "src/corpus/seed-source.ts",
      inputs: [`shared/${SEED_TEXT}`, `shared/${EXAMPLE}`],
      notes: [
        "Tables (titles, rows, cells, empty flags) are example-seed.json's; every amount the seed text prints was checked against them.",
        "行次, filler lines, printed labels, 栏次 numbers, 注 lines and remarks are read from the seed text, verbatim (the truncated T4 note included).",
        "Paragraphs the seed text splits at page breaks are rejoined; spaces left by wrapped lines inside the 第四部分 table cells are removed.",
        "Chart figures are derived from the sentences around each 图 caption (the seed text has only the captions).",
        "Narrative wording is verbatim, slips included (TOC '部门名称', '分析 and 应用', '金額').",
      ],
    },
    document: [
      { type: "cover", title: cover.slice(0, -1).join(""), date: dateLine },
      toc,
      ...narrativeBlocks(lines.slice(part1, part2), CHARTS),
      { type: "part", text: lines[part2]?.trim() ?? "" },
      { type: "tables", ids: tables.map((t) => t.id) },
      ...narrativeBlocks(lines.slice(part3), CHARTS),
    ],
    tables,
    findings: example.findings,
  };
  const parsed = ReportSource.parse(source);
  return { ...parsed, findings: findingsInOrder(rawFindings, parsed.findings) };
}

function main(): void {
  const i = process.argv.indexOf("--shared");
  const shared = path.resolve(i >= 0 ? (process.argv[i + 1] ?? "") : path.join(process.cwd(), "..", "shared"));
  const out = path.join(process.cwd(), "corpus", "sources", "hongshan-grid-2021.json");
  const source = buildSeedSource(shared);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(source, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

main();
