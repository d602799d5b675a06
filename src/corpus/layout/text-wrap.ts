// Line breaking for CJK cell text: any two ideographs may part, a run of
// digits/Latin stays whole, closing punctuation never starts a line and
// opening punctuation never ends one (the usual 禁则).

export type Measure = (text: string) => number;

const NO_LINE_START = new Set([..."，。、；：？！）)」』”’》〉】…%,.;:!?·"]);
const NO_LINE_END = new Set([..."（(「『“‘《〈【"]);
const WORD = /[0-9A-Za-z.,%+\-/#&_]+|\s+|./gsu;

export function tokenize(text: string): string[] {
  const raw = text.match(WORD) ?? [];
  const out: string[] = [];
  let carry = "";
  for (const tok of raw) {
    if (NO_LINE_END.has(tok)) {
      carry += tok;
      continue;
    }
    const t = carry + tok;
    carry = "";
    const last = out.length - 1;
    if (last >= 0 && NO_LINE_START.has(tok) && !/\s$/.test(out[last] ?? "")) out[last] += t;
    else out.push(t);
  }
  if (carry) out.push(carry);
  return out;
}

/** Greedy wrap into lines no wider than width; an over-wide token gets a line of its own. */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let current = "";
    for (const tok of tokenize(para)) {
      const candidate = current + tok;
      if (current === "" || measure(candidate.trimEnd()) <= width) {
        current = current === "" ? tok.trimStart() : candidate;
      } else {
        lines.push(current.trimEnd());
        current = tok.trimStart();
      }
    }
    lines.push(current.trimEnd());
  }
  return lines;
}
