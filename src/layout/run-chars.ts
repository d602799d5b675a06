// Where a run's characters lie, and the part of a run between two of them.
// A text layer's runs carry each character's start (TextRun.charX); runs
// without it (OCR words) share their width evenly among their characters.
import type { TextRun } from "../source/model.js";

/** The x at which UTF-16 unit i of the run's text starts; i = text.length gives the run's end. */
export function charStart(run: TextRun, i: number): number {
  const xs = run.charX;
  if (xs !== undefined) return xs[i] ?? run.x1;
  const n = run.text.length;
  return n === 0 ? run.x0 : run.x0 + ((run.x1 - run.x0) * i) / n;
}

/** The part of a run from unit `from` to unit `to` (end exclusive), spaces trimmed; null if blank. */
export function sliceRun(run: TextRun, from: number, to: number): TextRun | null {
  const { text } = run;
  let a = from;
  let b = to;
  while (a < b && isBlank(text, a)) a++;
  while (b > a && isBlank(text, b - 1)) b--;
  if (a === b) return null;
  if (a === 0 && b === text.length) return run;
  // A space starts where the glyph before it ends: the piece ends at its last glyph.
  return { ...run, text: text.slice(a, b), x0: charStart(run, a), x1: charStart(run, b), charX: run.charX?.slice(a, b + 1) };
}

const BLANK = /\s/;
/** Whether unit i of text is white space. */
export const isBlank = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code === 32 || ((code < 32 || code > 126) && BLANK.test(text[i]!));
};
