// One report: what the pipeline produced against what its truth says.
// Cells match when the value agrees to 0.005 万元 (or both are null).
import type { Finding, Report, Table } from "../../schemas/canonical.js";
import type { Expected, Truth } from "./truth.js";

export interface ReportScore {
  readonly file: string;
  readonly kindOk: boolean;
  readonly tables: { truth: number; found: number; correct: number };
  readonly cells: { truth: number; exact: number; spurious: number };
  readonly names: { truth: number; exact: number };
  readonly meta: { unit: boolean; year: boolean; printedUnit: boolean };
  readonly faults: { expected: number; found: number };
  /** Rounding seams shown within rounding (and never as an error). */
  readonly seams: { expected: number; found: number };
  /** Tables outside the nine, by title: how many the truth lists, how many were kept as extra tables. */
  readonly extras: { expected: number; found: number };
  /** Findings beyond rounding on a report with no injected error. */
  readonly falseAlarms: number;
  /** Errors on a report with no injected error whose figures came from OCR, so marked (a possible misread, not a false alarm). */
  readonly ocrMarked: number;
  /** Where it went wrong, for the eval's detail output (first few). */
  readonly misses: string[];
}

const TOLERANCE = 0.005;
const MAX_MISSES = Number(process.env["JUESUAN_EVAL_MISSES"] ?? 12);

/**
 * A finding about the expected place: the same table and row; in the
 * narrative, the same printed figure (the generator's claim ids are its own).
 */
function at(f: Finding, e: Expected): boolean {
  if (e.accept) return e.accept.some((a) => f.table === a.table && (a.row === null || f.row === a.row));
  if (e.table !== "narrative") return f.table === e.table && f.row === e.row;
  return f.table === "narrative" && e.actual !== null && f.actual !== null && Math.abs(f.actual - e.actual) < 1e-6;
}

function sameValue(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < TOLERANCE + 1e-9;
}

function scoreTable(want: Table, got: Table | undefined, misses: string[]): { cells: ReportScore["cells"]; names: ReportScore["names"] } {
  const gotCells = new Map((got?.cells ?? []).map((c) => [`${c.row}|${c.col}`, c.value]));
  const wantKeys = new Set(want.cells.map((c) => `${c.row}|${c.col}`));
  let exact = 0;
  for (const c of want.cells) {
    const k = `${c.row}|${c.col}`;
    if (gotCells.has(k) && sameValue(gotCells.get(k)!, c.value)) exact++;
    else if (misses.length < MAX_MISSES) misses.push(`${want.id} ${k}: want ${c.value}, got ${gotCells.has(k) ? gotCells.get(k) : "nothing"}`);
  }
  const extra = [...gotCells.keys()].filter((k) => !wantKeys.has(k));
  for (const k of extra) if (misses.length < MAX_MISSES) misses.push(`${want.id} ${k}: not in the truth, got ${gotCells.get(k)}`);
  const spurious = extra.length;
  const gotNames = new Map((got?.rows ?? []).map((r) => [r.key, r.name]));
  const namesExact = want.rows.filter((r) => gotNames.get(r.key) === r.name).length;
  return { cells: { truth: want.cells.length, exact, spurious }, names: { truth: want.rows.length, exact: namesExact } };
}

export function scoreReport(truth: Truth, got: Report | undefined): ReportScore {
  const want = truth.report;
  const misses: string[] = [];
  const final = truth.expectedKind === "final";
  // Budgets and templates must come out failed, with their kind told apart.
  const kindOk = final ? got?.status === "ok" : got?.status === "failed" && got.kind === truth.expectedKind;
  if (!kindOk) misses.push(`kind: want ${truth.expectedKind}, got ${got ? `${got.status}/${got.kind ?? "?"}` : "no report"}`);
  const wantTables = final ? want.tables.filter((t) => t.kind !== "extra") : [];
  const gotTables = final && got ? got.tables.filter((t) => t.kind !== "extra") : [];
  let cells = { truth: 0, exact: 0, spurious: 0 };
  let names = { truth: 0, exact: 0 };
  for (const t of wantTables) {
    const s = scoreTable(t, gotTables.find((g) => g.id === t.id), misses);
    cells = { truth: cells.truth + s.cells.truth, exact: cells.exact + s.cells.exact, spurious: cells.spurious + s.cells.spurious };
    names = { truth: names.truth + s.names.truth, exact: names.exact + s.names.exact };
  }
  const correct = wantTables.filter((t) => gotTables.some((g) => g.id === t.id)).length;
  for (const t of wantTables) if (!gotTables.some((g) => g.id === t.id) && misses.length < MAX_MISSES) misses.push(`table ${t.id} not found`);
  for (const g of gotTables) if (!wantTables.some((t) => t.id === g.id)) misses.push(`table ${g.id} found but not in the truth`);
  const findings = got?.findings ?? [];
  const found = truth.errors.filter((e) => findings.some((f) => f.severity === "error" && at(f, e))).length;
  const seamsFound = truth.seams.filter((e) => findings.some((f) => f.within_rounding && at(f, e)) && !findings.some((f) => f.severity === "error" && at(f, e))).length;
  const clean = truth.errors.length === 0;
  const falseAlarms = clean ? findings.filter((f) => f.severity === "error" && f.ocr === undefined).length : 0;
  const ocrMarked = clean ? findings.filter((f) => f.severity === "error" && f.ocr !== undefined).length : 0;
  for (const e of truth.errors) if (!findings.some((f) => f.severity === "error" && at(f, e)) && misses.length < MAX_MISSES) misses.push(`error not found: ${e.table} ${e.row ?? ""} (${e.actual ?? ""})`);
  if (truth.errors.length === 0) for (const f of findings.filter((x) => x.severity === "error")) if (misses.length < MAX_MISSES) misses.push(`false alarm: ${f.rule} ${f.table ?? ""} ${f.row ?? ""} ${f.col ?? ""}`);
  const compactTitle = (t: string | null): string => (t ?? "").replace(/\s+/g, "");
  const extraTitles = new Set((got?.tables ?? []).filter((t) => t.kind === "extra").map((t) => compactTitle(t.title)));
  const wantExtras = final ? (want.extra_titles ?? []) : [];
  const extrasFound = wantExtras.filter((t) => extraTitles.has(compactTitle(t))).length;
  for (const t of wantExtras) if (!extraTitles.has(compactTitle(t)) && misses.length < MAX_MISSES) misses.push(`extra table "${t}" not found`);
  return {
    file: want.file,
    kindOk,
    extras: { expected: wantExtras.length, found: extrasFound },
    tables: { truth: wantTables.length, found: gotTables.length, correct },
    cells,
    names,
    meta: {
      unit: !final || got?.unit === want.unit,
      year: !final || got?.year === want.year,
      printedUnit: !final || got?.printed_unit === want.printed_unit,
    },
    faults: { expected: truth.errors.length, found },
    seams: { expected: truth.seams.length, found: seamsFound },
    falseAlarms,
    ocrMarked,
    misses,
  };
}
