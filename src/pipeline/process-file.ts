// One file -> its canonical Report. Plain data in (paths), plain data out (a
// Report), no shared state: this is the unit that can move to a worker thread.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { ExportLine, type Report } from "../../schemas/canonical.js";
import { extractPdf, ExtractError, type ExtractOptions, type Extraction } from "../extract/index.js";
import { firstIssue } from "../store/zod-issue.js";
import { checkReport } from "../validate/index.js";
import { oneLine } from "./one-line.js";

/** The file could not be read at all (permissions, vanished): there are no bytes to hash, so no report. */
export class FileReadError extends Error {
  override readonly name = "FileReadError";
}

const NOT_FINAL: Record<Exclude<Extraction["kind"], "final">, string> = {
  budget: "budget",
  template: "template: no figures",
  government_final: "government final accounts, not a department's",
  unknown: "unknown",
};

/** A file's bytes and their sha256 (hex). Throws FileReadError when the file cannot be read. */
export async function readFileBytes(absPath: string): Promise<{ bytes: Uint8Array; sha256: string }> {
  const bytes = await fs.readFile(absPath).catch((err: NodeJS.ErrnoException) => {
    throw new FileReadError(`cannot read file (${err.code ?? oneLine(err)})`);
  });
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A report of a file that could not be read, knowing nothing of it but why. */
export function failedReport(file: string, sha256: string, error: string): Report {
  return { file, sha256, unit: null, year: null, printed_unit: null, status: "failed", error, tables: [], findings: [] };
}

export async function processFile(absPath: string, file: string, options: ExtractOptions = {}): Promise<Report> {
  const { bytes, sha256 } = await readFileBytes(absPath);
  return processBytes(bytes, sha256, file, options);
}

/** One PDF's bytes (and their hash) -> its Report: a file's failure is a failed report. */
export async function processBytes(bytes: Uint8Array, sha256: string, file: string, options: ExtractOptions = {}): Promise<Report> {
  let extraction: Extraction;
  try {
    extraction = await extractPdf(bytes, options);
  } catch (err) {
    // ExtractError messages are already the reason; anything else is a bug or an unforeseen file.
    const error = err instanceof ExtractError ? oneLine(err) : `extraction failed: ${oneLine(err)}`;
    return failedReport(file, sha256, error);
  }

  const known = {
    file,
    sha256,
    tables: [],
    findings: [],
    unit: extraction.unit,
    ...(extraction.unit_full !== null ? { unit_full: extraction.unit_full } : {}),
    year: extraction.year,
    printed_unit: extraction.printed_unit,
    kind: extraction.kind,
    page_count: extraction.page_count,
    producer: extraction.producer,
    pages: [...extraction.pages],
  };
  // A failed report keeps what was learnt (unit, year, kind…) unless that itself is invalid.
  const failed = (error: string): Report => {
    const withMeta: Report = { ...known, status: "failed", error };
    return ExportLine.safeParse(withMeta).success ? withMeta : failedReport(file, sha256, error);
  };
  // Pages only OCR can read (scans, fonts without a usable ToUnicode map): with OCR off (--no-ocr), say so.
  const ocr = extraction.pages.filter((p) => p.route === "ocr").length;
  if (!options.ocr && extraction.kind !== "final" && ocr > 0 && ocr * 2 >= extraction.page_count) {
    return failed(`needs OCR: ${ocr} of ${extraction.page_count} pages have no usable text layer (scanned, or fonts without a usable text map); ingest reads them by OCR unless --no-ocr is given`);
  }
  if (extraction.kind !== "final") return failed(`not a final-accounts report (${NOT_FINAL[extraction.kind]})`);
  const { findings, changes } = checkReport({
    tables: extraction.tables,
    year: extraction.year,
    printed_unit: extraction.printed_unit,
    narrative: extraction.narrative,
    ocrPages: new Set(extraction.ocr_pages),
  });
  const checked = ExportLine.safeParse({ ...known, status: "ok", tables: extraction.tables, findings, ...(changes.length > 0 ? { changes } : {}) });
  return checked.success ? checked.data : failed(`invalid extraction: ${firstIssue(checked.error)}`);
}
