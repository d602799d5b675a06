// The built command, run as a user runs it: node dist/src/cli/main.js.
// `npm test` compiles first; run `npx tsc -p tsconfig.json` before `npx vitest run` alone.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ExportLine } from "../schemas/canonical.js";
import { formatTableIds } from "../src/cli/format.js";
import { makePdf } from "./support/pdfs.js";
import { tempDir } from "./support/temp.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mainJs = path.join(repoRoot, "dist", "src", "cli", "main.js");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function juesuan(args: string[], cwd: string = repoRoot): Run {
  const r = spawnSync(process.execPath, [mainJs, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage failure: non-zero, nothing on stdout, one line on stderr that says `about`. */
function expectOneLineFailure(run: Run, about: RegExp): void {
  expect(run.status, run.stderr).not.toBe(0);
  expect(run.status).not.toBeNull();
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trimEnd().split("\n"), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(about);
}

beforeAll(() => {
  if (!fs.existsSync(mainJs)) throw new Error(`Expected the built CLI at ${mainJs}, got none: run npm test (it compiles first)`);
});

describe("help", () => {
  it.each([["--help"], ["-h"], ["help"]])("juesuan %s prints the commands", (flag) => {
    const run = juesuan([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage:/m);
    expect(run.stdout).toContain("juesuan ingest <file-or-folder>...");
    expect(run.stdout).toContain("juesuan export --format jsonl|csv");
    expect(run.stderr).toBe("");
  });

  it.each([
    ["ingest", "--help", /Usage: juesuan ingest .*--jobs N/],
    ["ingest", "-h", /--db FILE +SQLite database/],
    ["export", "--help", /Usage: juesuan export --format jsonl\|csv/],
    ["export", "-h", /--out FILE/],
  ])("juesuan %s %s prints that command's help", (command, flag, expected) => {
    const run = juesuan([command, flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(expected);
  });
}, 60_000);

describe("bad arguments end with one line on stderr", () => {
  it("an unknown option", () => expectOneLineFailure(juesuan(["ingest", "corpus", "--bogus"]), /Expected an option of juesuan ingest \(--db, --jobs, --ocr, --no-ocr, --force, --stall, --max-pages, --help\), got --bogus/));
  it("an unknown command", () => expectOneLineFailure(juesuan(["frobnicate"]), /Expected a command \(ingest, export, check, review, charts, units, compare\), got 'frobnicate'/));
  it("no command", () => expectOneLineFailure(juesuan([]), /Expected a command/));
  it("a bad --format", () => expectOneLineFailure(juesuan(["export", "--format", "xml"]), /Expected --format jsonl or csv, got 'xml'/));
  it("no --format", () => expectOneLineFailure(juesuan(["export"]), /Expected --format jsonl or csv, got none/));
  it("an option without its value", () => expectOneLineFailure(juesuan(["export", "--format"]), /Expected a value after --format, got none/));
  it("a bad --jobs", () => expectOneLineFailure(juesuan(["ingest", "corpus", "--jobs", "0"]), /Expected --jobs to be a whole number of at least 1, got '0'/));
  it("no path to ingest", () => expectOneLineFailure(juesuan(["ingest"]), /Expected at least one file or folder/));
  it("a path that does not exist", () => {
    expectOneLineFailure(juesuan(["ingest", path.join(tempDir(), "nowhere")]), /Expected a file or folder, got .*nowhere \(ENOENT\)/);
  });
  it("a folder without PDFs", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "readme.txt"), "no pdf here");
    const run = juesuan(["ingest", dir, "--db", path.join(dir, "j.sqlite")]);
    expectOneLineFailure(run, /Expected PDF files in .*, got none/);
    expect(fs.existsSync(path.join(dir, "j.sqlite"))).toBe(false);
  });
  it("a --db whose folder cannot be created", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "a.pdf"), await makePdf());
    fs.writeFileSync(path.join(dir, "plain-file"), "");
    const run = juesuan(["ingest", dir, "--db", path.join(dir, "plain-file", "sub", "j.sqlite")]);
    expectOneLineFailure(run, /Expected a folder for the database that can be created, got .*plain-file\/sub \(ENOTDIR\)/);
  });
  it("export from a database that does not exist", () => {
    const dir = tempDir();
    const db = path.join(dir, "none.sqlite");
    expectOneLineFailure(juesuan(["export", "--format", "jsonl", "--db", db]), /Expected a juesuan database at .*none\.sqlite, got no such file/);
    expect(fs.existsSync(db)).toBe(false);
  });
}, 60_000);

describe("ingest then export", () => {
  it("prints a line per file and a summary, exits 0 with failures, and exports what it stored", async () => {
    const dir = tempDir();
    const input = path.join(dir, "corpus");
    fs.mkdirSync(path.join(input, "2024"), { recursive: true });
    fs.writeFileSync(path.join(input, "2024", "report.PDF"), await makePdf({ pages: 3 }));
    fs.writeFileSync(path.join(input, "empty.pdf"), "");
    fs.writeFileSync(path.join(input, "notes.txt"), "ignored");

    // Relative paths, run from the temp folder: stored files are relative to it.
    const ingest = juesuan(["ingest", "corpus", "--db", "out/j.sqlite", "--jobs", "2"], dir);
    expect(ingest.status, ingest.stderr).toBe(0);
    expect(ingest.stderr).toBe("");
    // One line per file in the order they finish, then the summary.
    const lines = ingest.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    const byFile = (line: string): string => line.split(/ +/)[1] ?? "";
    expect(lines.slice(0, 2).sort((a, b) => byFile(a).localeCompare(byFile(b)))).toEqual([
      expect.stringMatching(/^(ok|failed) +corpus\/2024\/report\.PDF {2}/),
      expect.stringMatching(/^failed +corpus\/empty\.pdf {2}- {2}- {2}none {2}empty file/),
    ]);
    expect(lines[2]).toMatch(/^2 files: \d ok, \d failed, 0 duplicates, 0 skipped; \d+ tables, \d+ cells; 3 pages in [\d.]+ s \([\d.]+ pages\/s\) -> out\/j\.sqlite$/);

    const jsonl = juesuan(["export", "--format", "jsonl", "--db", "out/j.sqlite"], dir);
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const reports = jsonl.stdout.trimEnd().split("\n").map((line) => ExportLine.parse(JSON.parse(line)));
    expect(reports.map((r) => [r.file, r.page_count ?? null])).toEqual([
      ["corpus/2024/report.PDF", 3],
      ["corpus/empty.pdf", null],
    ]);
    expect(reports[1]).toMatchObject({ status: "failed", error: "empty file (0 bytes)" });

    const csv = juesuan(["export", "--format", "csv", "--db", "out/j.sqlite", "--out", "out/cells.csv"], dir);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toBe("");
    expect(csv.stderr).toMatch(/^wrote \d+ cells to out\/cells\.csv\n$/);
    const written = fs.readFileSync(path.join(dir, "out", "cells.csv"), "utf8");
    expect(written.startsWith("\uFEFFfile,sha256,unit,year,table_id,table_title,row_key,row_name,col_key,value,page,confidence\r\n")).toBe(true);
    expect(fs.readdirSync(path.join(dir, "out")).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    // Ingesting again skips what is stored and keeps one copy of each file; --force reads them again.
    const again = juesuan(["ingest", "corpus", "--db", "out/j.sqlite"], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^2 files: 0 ok, 0 failed, 0 duplicates, 2 skipped; .* 0 pages in/m);
    expect(again.stdout).toMatch(/^skipped +corpus\/empty\.pdf {2}- {2}- {2}none {2}already stored \(failed, \d{4}-/m);
    const forced = juesuan(["ingest", "corpus", "--db", "out/j.sqlite", "--force"], dir);
    expect(forced.stdout).toMatch(/^2 files: \d ok, \d failed, 0 duplicates, 0 skipped; .* 3 pages in/m);
    const jsonl2 = juesuan(["export", "--format", "jsonl", "--db", "out/j.sqlite"], dir);
    expect(jsonl2.stdout.trimEnd().split("\n")).toHaveLength(2);
  });
}, 60_000);

describe("formatTableIds", () => {
  it.each([
    [["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"], "T1-T9"],
    [["T3", "T1", "T2", "T5", "X2", "X1"], "T1-T3,T5,X1-X2"],
    [["T7"], "T7"],
    [[], "none"],
  ])("%j -> %s", (ids, expected) => expect(formatTableIds(ids)).toBe(expected));
});
