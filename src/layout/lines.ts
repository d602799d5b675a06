// Text runs -> lines. Runs are grouped by their vertical centre (never by the
// order the PDF draws them: per-glyph exporters draw in any order), then read
// left to right.
import type { TextRun } from "../source/model.js";

export interface TextLine {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly size: number;
  readonly runs: readonly TextRun[];
}

/** Positions carry float noise (pdf.js sends text matrices as float32): a gap of exactly 0.3 em is not a space. */
const GAP_EPSILON = 0.01;

const centre = (r: { y0: number; y1: number }): number => (r.y0 + r.y1) / 2;

export function runsToLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = runs.filter((r) => !r.vertical).sort((a, b) => centre(a) - centre(b) || a.x0 - b.x0);
  const groups: TextRun[][] = [];
  for (const r of sorted) {
    const last = groups[groups.length - 1];
    if (last) {
      const c = centre(last[0]!);
      const size = Math.max(r.size, last[0]!.size);
      if (Math.abs(centre(r) - c) <= size * 0.45) {
        last.push(r);
        continue;
      }
    }
    groups.push([r]);
  }
  return groups.map(toLine);
}

function toLine(runs: TextRun[]): TextLine {
  const sorted = [...runs].sort((a, b) => a.x0 - b.x0);
  let text = "";
  let prev: TextRun | null = null;
  for (const r of sorted) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      // Drop a glyph drawn twice at the same place (fake bold).
      if (r.text === prev.text && Math.abs(r.x0 - prev.x0) < r.size * 0.2) continue;
      if (gap > Math.min(r.size, prev.size) * 0.3 + GAP_EPSILON && !text.endsWith(" ") && !r.text.startsWith(" ")) text += " ";
    }
    text += r.text;
    prev = r;
  }
  return {
    text: text.trim(),
    x0: Math.min(...sorted.map((r) => r.x0)),
    x1: Math.max(...sorted.map((r) => r.x1)),
    y0: Math.min(...sorted.map((r) => r.y0)),
    y1: Math.max(...sorted.map((r) => r.y1)),
    size: Math.max(...sorted.map((r) => r.size)),
    runs: sorted,
  };
}

/** Lines of one block joined top to bottom; wrapped CJK text joins without a space. */
export function joinLines(lines: readonly TextLine[]): string {
  let out = "";
  for (const l of lines) {
    if (out === "") out = l.text;
    else if (/[\u0000-\u007f]$/.test(out) && /^[\u0000-\u007f]/.test(l.text)) out += " " + l.text;
    else out += l.text;
  }
  return out;
}
