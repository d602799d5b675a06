// Sections of the 情况说明 by their headings ("一、…", "（一）…"), in the
// national and Shanghai wordings, and the 附件 appendix. Only parts whose title
// says 情况说明 (or 附件) are read; 概况, 名词解释 and 重点工作 are not.
import { PART_HEADING, PART_KINDS, SECTION_HEADINGS, SUB_HEADING, SUB_SECTION_KEYS, TOP_HEADING, ITEM_START } from "./rules.js";
import type { CompactText } from "./text.js";
import type { SectionKey } from "./types.js";

export interface Section {
  readonly key: SectionKey;
  readonly heading: string;
  /** [start, end) offsets of the body in the compact text. */
  readonly start: number;
  readonly end: number;
}

export interface Layout {
  readonly sections: readonly Section[];
  /** Offsets where a printed line opens an enumerated item ("1.", "（一）", "（1）"), with the marker. */
  readonly items: readonly { readonly offset: number; readonly marker: string; readonly sub: boolean }[];
}

type Mode = "narrative" | "appendix" | "other";

function classify(heading: string): SectionKey | null {
  for (const h of SECTION_HEADINGS) if (h.match.test(heading)) return h.key;
  return null;
}

export function layoutOf(ct: CompactText): Layout {
  const sections: Section[] = [];
  const items: { offset: number; marker: string; sub: boolean }[] = [];
  // Without any part title the whole text is read as 情况说明.
  let mode: Mode = "narrative";
  let open: { key: SectionKey | null; heading: string; start: number } | null = null;
  /** Inside a top section no heading names, sub-headings may open s10/s11. */
  let container: string | null = null;
  const close = (end: number): void => {
    if (open?.key) sections.push({ key: open.key, heading: open.heading, start: open.start, end });
    open = null;
  };
  ct.lines.forEach((line, i) => {
    const next = (k: number): string => ct.lines[i + k]?.text ?? "";
    if (PART_HEADING.test(line.text)) {
      close(line.start);
      const title = line.text + next(1) + next(2);
      mode = PART_KINDS.find((p) => p.match.test(title))?.mode ?? "other";
      container = null;
      if (mode === "appendix") open = { key: "app", heading: line.text, start: line.end };
      return;
    }
    if (mode === "appendix") {
      // The appendix keeps one section; a report title names it.
      if (open && /绩效.*报告$/.test(line.text) && open.heading.length < 20) {
        open = { ...open, heading: `${open.heading}「${line.text}」` };
      }
    } else if (mode === "narrative") {
      const top = TOP_HEADING.exec(line.text);
      if (top) {
        close(line.start);
        open = { key: classify(line.text), heading: line.text, start: line.end };
        container = open.key === null ? line.text : null;
        return;
      }
      if (container !== null && SUB_HEADING.test(line.text)) {
        // The heading is the line up to its first 。 (the body may follow on the same line).
        const full = /^[（(][一二三四五六七八九十]{1,3}[)）]$/.test(line.text) ? line.text + next(1) : line.text;
        const heading = full.split(/[。：:]/)[0] ?? full;
        const key = classify(heading);
        close(line.start);
        // Named by the container's heading; the sub-heading shows as the claim's sub.
        open = { key: key && SUB_SECTION_KEYS.includes(key) ? key : null, heading: container, start: line.start };
      }
    }
    const item = ITEM_START.exec(line.text);
    if (item?.[0]) items.push({ offset: line.start, marker: item[0], sub: SUB_HEADING.test(line.text) });
  });
  close(ct.text.length);
  return { sections, items };
}
