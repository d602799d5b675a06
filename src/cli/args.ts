// The command line -> one typed command. parseArgs splits it; zod checks the
// values; every mistake becomes a one-line UsageError.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { EXPORT_FORMATS, type ExportFormat } from "../export/formats.js";
import { UsageError } from "./errors.js";
import { DEFAULT_DB, type HelpTopic } from "./help.js";
import type { CompareCommand } from "./compare-command.js";
import type { IngestCommand } from "./ingest-command.js";
import type { UnitsCommand } from "./units-command.js";

export type Command =
  | { readonly command: "help"; readonly topic: HelpTopic }
  | ({ readonly command: "ingest" } & IngestCommand)
  | { readonly command: "export"; readonly db: string; readonly format: ExportFormat; readonly out: string | null }
  | { readonly command: "check"; readonly db: string; readonly json: boolean; readonly rounding: boolean }
  | { readonly command: "review"; readonly db: string; readonly out: string }
  | { readonly command: "charts"; readonly db: string; readonly out: string }
  | ({ readonly command: "units" } & UnitsCommand)
  | ({ readonly command: "compare" } & CompareCommand);

const COMMANDS = ["ingest", "export", "check", "review", "charts", "units", "compare"] as const;
type CommandName = (typeof COMMANDS)[number];

const Db = z.string().min(1, { error: "Expected a path after --db, got an empty string" }).default(DEFAULT_DB);

const wholeNumber = (option: string) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, { error: (iss) => `Expected ${option} to be a whole number of at least 1, got '${String(iss.input)}'` })
    .transform(Number)
    .optional();

const IngestArgs = z.object({
  paths: z.array(z.string().min(1)).min(1, { error: "Expected at least one file or folder to ingest, got none" }),
  db: Db,
  jobs: wholeNumber("--jobs"),
  ocr: z.boolean().default(false),
  "no-ocr": z.boolean().default(false),
  force: z.boolean().default(false),
  stall: wholeNumber("--stall"),
  "max-pages": wholeNumber("--max-pages"),
});

const ExportArgs = z.object({
  db: Db,
  format: z.enum(EXPORT_FORMATS, {
    error: (iss) => `Expected --format ${EXPORT_FORMATS.join(" or ")}, got ${iss.input === undefined ? "none" : `'${String(iss.input)}'`}`,
  }),
  out: z.string().min(1, { error: "Expected a path after --out, got an empty string" }).optional(),
});

const CheckArgs = z.object({ db: Db, json: z.boolean().default(false), rounding: z.boolean().default(false) });

const ReviewArgs = z.object({
  db: Db,
  out: z.string({ error: "Expected --out FILE, the HTML page to write, got none" }).min(1, { error: "Expected a path after --out, got an empty string" }),
});

const ChartsArgs = z.object({
  db: Db,
  out: z.string({ error: "Expected --out FILE, the HTML page to write, got none" }).min(1, { error: "Expected a path after --out, got an empty string" }),
});

const UnitsArgs = z.object({ db: Db, csv: z.boolean().default(false) });

const CompareArgs = z.object({
  db: Db,
  csv: z.boolean().default(false),
  code: z
    .string({ error: "Expected --code, a function code (201, 20103, 2010350) or an economic one (301, 30101), got none" })
    .regex(/^(2\d{2}(\d{2}){0,2}|3\d{2}(\d{2})?)$/, {
      error: (iss) => `Expected --code to be a function code (201, 20103, 2010350) or an economic one (301, 30101), got '${String(iss.input)}'`,
    }),
  year: z
    .string()
    .regex(/^(19|20|21)\d{2}$/, { error: (iss) => `Expected --year to be a year such as 2021, got '${String(iss.input)}'` })
    .transform(Number)
    .optional(),
  region: z.string().min(1, { error: "Expected a place after --region (武汉市, 洪山区), got an empty string" }).optional(),
});

const OPTIONS = {
  ingest: {
    db: { type: "string" },
    jobs: { type: "string" },
    ocr: { type: "boolean" },
    "no-ocr": { type: "boolean" },
    force: { type: "boolean" },
    stall: { type: "string" },
    "max-pages": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  export: {
    db: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  check: {
    db: { type: "string" },
    json: { type: "boolean" },
    rounding: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  review: {
    db: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  charts: {
    db: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
  units: {
    db: { type: "string" },
    csv: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
  compare: {
    db: { type: "string" },
    code: { type: "string" },
    year: { type: "string" },
    region: { type: "string" },
    csv: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
} as const satisfies Record<CommandName, ParseArgsConfig["options"]>;

export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError(`Expected a command (${COMMANDS.join(", ")}), got none`);
  if (first === "-h" || first === "--help" || first === "help") return { command: "help", topic: "main" };
  if (!isCommand(first)) throw new UsageError(`Expected a command (${COMMANDS.join(", ")}), got '${first}'`);
  // --help wins over anything else on the line, as long as it comes before "--".
  const beforeDashes = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (beforeDashes.includes("-h") || beforeDashes.includes("--help")) return { command: "help", topic: first };

  const { values, positionals } = parse(first, rest);
  if (first === "check") {
    const check = CheckArgs.safeParse(values);
    if (!check.success) throw new UsageError(check.error.issues[0]?.message ?? check.error.message, first);
    return { command: "check", ...check.data };
  }
  if (first === "review") {
    const review = ReviewArgs.safeParse(values);
    if (!review.success) throw new UsageError(review.error.issues[0]?.message ?? review.error.message, first);
    return { command: "review", db: review.data.db, out: review.data.out };
  }
  if (first === "charts") {
    const charts = ChartsArgs.safeParse(values);
    if (!charts.success) throw new UsageError(charts.error.issues[0]?.message ?? charts.error.message, first);
    return { command: "charts", db: charts.data.db, out: charts.data.out };
  }
  if (first === "units") {
    const units = UnitsArgs.safeParse(values);
    if (!units.success) throw new UsageError(units.error.issues[0]?.message ?? units.error.message, first);
    return { command: "units", ...units.data };
  }
  if (first === "compare") {
    const compare = CompareArgs.safeParse(values);
    if (!compare.success) throw new UsageError(compare.error.issues[0]?.message ?? compare.error.message, first);
    const { db, csv, code, year, region } = compare.data;
    return { command: "compare", db, csv, code, year, region };
  }
  const fields = first === "ingest" ? { ...values, paths: positionals } : values;
  const checked = (first === "ingest" ? IngestArgs : ExportArgs).safeParse(fields);
  if (!checked.success) throw new UsageError(checked.error.issues[0]?.message ?? checked.error.message, first);
  const data = checked.data;
  if ("paths" in data) {
    const { paths, db, jobs, force, stall } = data;
    // OCR reads pages without a usable text layer unless --no-ocr; --ocr (once needed) is kept and means the default.
    if (data.ocr && data["no-ocr"]) throw new UsageError("Expected one of --ocr and --no-ocr, got both", first);
    return { command: "ingest", paths, db, jobs, ocr: !data["no-ocr"], force, stall, maxPages: data["max-pages"] };
  }
  return { command: "export", db: data.db, format: data.format, out: data.out ?? null };
}

function isCommand(s: string): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s);
}

function parse(command: CommandName, args: string[]): { values: Record<string, unknown>; positionals: string[] } {
  const options = OPTIONS[command];
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: command === "ingest" });
  } catch (err) {
    throw new UsageError(explainParseError(err, command, Object.keys(options)), command);
  }
}

function explainParseError(err: unknown, command: CommandName, known: readonly string[]): string {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return `Expected an option of juesuan ${command} (${known.map((k) => `--${k}`).join(", ")}), got ${quoted}`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `Expected no paths for juesuan ${command}, got '${quoted}'`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && message.includes("argument missing")) {
    return `Expected a value after ${quoted.split(" ")[0]}, got none`;
  }
  return message.split("\n")[0] ?? message;
}
