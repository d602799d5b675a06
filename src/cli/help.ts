import os from "node:os";
import { DEFAULT_LIMITS } from "../pipeline/limits.js";

export const DEFAULT_DB = "out/juesuan.sqlite";

export const HELP = {
  main: `juesuan: final-accounts disclosures (部门决算公开) as PDFs -> canonical tables in SQLite

Usage:
  juesuan ingest <file-or-folder>... [--db FILE] [--jobs N] [--no-ocr] [--force]
  juesuan export --format jsonl|csv [--db FILE] [--out FILE]
  juesuan check [--db FILE] [--json] [--rounding]
  juesuan review --out FILE [--db FILE]
  juesuan charts --out FILE [--db FILE]
  juesuan units [--db FILE] [--csv]
  juesuan compare --code CODE [--year YYYY] [--region PLACE] [--db FILE] [--csv]
  juesuan <command> --help

Commands:
  ingest   read PDFs into the database, one line per file and a summary
  export   write the database as JSONL (one report per line) or CSV (one row per cell)
  check    list the reports that do not reconcile, worst first, each finding in words
  review   write the findings as one HTML page, each with its PDF region outlined
  units    list the units (one across years and spellings) with their years and reports
  compare  one classification code across units, side by side by year
  charts   write each unit's totals and classes by year, and each class's units, as HTML charts

Exit status: 0 done, 1 failed, 2 bad arguments.
`,
  ingest: `Usage: juesuan ingest <file-or-folder>... [--db FILE] [--jobs N] [--no-ocr] [--force]
                      [--stall SECONDS] [--max-pages N]

Reads each PDF (folders are searched recursively for *.pdf, any case) and
stores its canonical report, each in one transaction. A file that cannot be
read as a final-accounts report is stored as failed, with the reason, and the
batch goes on. A file whose content is already stored under its path is
skipped, so a batch stopped at any moment finishes when run again; a file
whose content changed is read again and replaces its earlier report.

Options:
  --db FILE          SQLite database, created if missing (default ${DEFAULT_DB})
  --jobs N           files read at once, each by its own thread (default ${os.availableParallelism()}, the CPUs available)
  --no-ocr           do not read pages with no usable text layer (scans, garbled fonts) by OCR:
                     such reports fail with "needs OCR" (by default they are read by OCR:
                     tesseract.js, offline; figures keep their confidence, findings on them say so)
  --force            read files already stored again (after upgrading juesuan)
  --stall SECONDS    give up a file when no page of it is read for this long (default ${DEFAULT_LIMITS.stallSeconds})
  --max-pages N      give up a file with more pages than this (default ${DEFAULT_LIMITS.maxPages})
  -h, --help         show this help

One line per file on stdout, in the order files finish, then a summary. On a
terminal, a status line on stderr shows files and pages done, the rate, the
time left and the failures so far; elsewhere it is printed every 30 s.

Exits 0 when every file was processed, failed ones included; non-zero when
no PDF was found or the database cannot be written.
`,
  export: `Usage: juesuan export --format jsonl|csv [--db FILE] [--out FILE]

Writes every stored report out.
  jsonl  one report per line, the contract of the README's "Export format"
         (failed files included, with status "failed" and the error)
  csv    one row per cell: file, sha256, unit, year, table_id, table_title,
         row_key, row_name, col_key, value, page (UTF-8 with BOM, RFC 4180)

Options:
  --format F   jsonl or csv (required)
  --db FILE    SQLite database written by ingest (default ${DEFAULT_DB})
  --out FILE   write to FILE (atomically: all or nothing) instead of stdout
  -h, --help   show this help
`,
  check: `Usage: juesuan check [--db FILE] [--json] [--rounding]

Lists the reports that do not reconcile, worst first (most errors, then
warnings, then the largest gap): for each, its findings in plain words — the
table, row and column as printed, the expected and the actual figure, the gap,
the page and the rule (an id of identities.md). A gap that rounding to the
printed step explains is no error: it is counted, and listed with --rounding.
Ends with how many reports reconcile and how many files could not be read.

Options:
  --db FILE    SQLite database written by ingest (default ${DEFAULT_DB})
  --json       the same as JSON: {reports: [{file, unit, year, errors, warnings, rounding, findings}], clean, failed}
  --rounding   list the gaps within rounding too
  -h, --help   show this help
`,
  review: `Usage: juesuan review --out FILE [--db FILE]

Writes one self-contained HTML page (images embedded, no network) for a person
reviewing the findings: the reports with findings, worst first; for each
finding the rule and its message, expected and actual figures and the gap,
and an image of the PDF page region with the cells involved outlined (red:
the finding's cell, blue: the cells it was compared with). The page filters
by severity and unit (linkable: FILE#severity=error&unit=…).

The PDFs are read from the paths ingest stored (relative ones from the
current folder); a finding whose PDF moved or changed is still listed, with
"page image unavailable" and the reason.

Options:
  --out FILE   the HTML file to write (atomically), e.g. out/review.html
  --db FILE    SQLite database written by ingest (default ${DEFAULT_DB})
  -h, --help   show this help
`,
  charts: `Usage: juesuan charts --out FILE [--db FILE]

Writes one self-contained HTML page of charts (inline SVG: no script, no
network; prints) from the views report_totals and function_spending:
  - for each unit, by year: 收入, 支出, 基本支出, 项目支出; 三公经费 budget and
    actual; its main classes (功能分类 类) of the 支出决算表
  - for each class (类, e.g. 208 社会保障和就业支出), every unit that has it,
    side by side, year by year
Amounts in 万元; each bar's figure, report and file are in its tooltip. A
report whose unit is ambiguous or missing is grouped by the name it prints,
marked "(unmatched)"; when a unit has two reports for one year, the latest
one's figures are shown and the page says so. Link a section:
FILE#unit-3, FILE#class-208.

Options:
  --out FILE   the HTML file to write (atomically), e.g. out/charts.html
  --db FILE    SQLite database written by ingest (default ${DEFAULT_DB})
  -h, --help   show this help
`,
  units: `Usage: juesuan units [--db FILE] [--csv]

Lists the units the database holds: each is one department across years and
spellings (武汉市洪山区财政局 and 洪山区财政局 are one; 江汉区财政局 is
another), with the region printed in its names, its years and its number of
reports. Then the reports whose unit is ambiguous (普陀区生态环境局 when both
上海市普陀区 and 舟山市普陀区 have one): they are linked to none.

Options:
  --db FILE    SQLite database written by ingest (default ${DEFAULT_DB})
  --csv        the list as CSV (UTF-8 with BOM)
  -h, --help   show this help
`,
  compare: `Usage: juesuan compare --code CODE [--year YYYY] [--region PLACE] [--db FILE] [--csv]

One classification code across units, 万元: one row per unit, one column per
year. A function code (201 类, 20103 款, 2010350 项) is read from the
支出决算表 (all funds: total; with --year also basic and project); an
economic code (301, 30101) from the 基本支出 by economic class (T6).

Options:
  --code CODE     the code (required)
  --year YYYY     one year: columns total, basic, project
  --region PLACE  units in this province, city or district (武汉市, 洪山区)
  --db FILE       SQLite database written by ingest (default ${DEFAULT_DB})
  --csv           the table as CSV (UTF-8 with BOM)
  -h, --help      show this help
`,
} as const;

export type HelpTopic = keyof typeof HELP;
