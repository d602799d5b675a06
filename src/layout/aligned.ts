// Tables with no ruling lines: a grid from text alignment alone, in the same
// shape as a ruled grid so recognition reads both one way. Columns come from
// the body lines (figures and labels line up under each other), empty columns
// from header words standing over no body text; rows are the body lines, a
// line holding text in one column only continues the row beside it.
import type { TextRun } from "../source/model.js";
import type { Grid, GridCell } from "./grid.js";
import { runsToLines, type TextLine } from "./lines.js";
import { charStart, isBlank, sliceRun } from "./run-chars.js";
import { fitToMarkers, fitToNumbers, isColumnMarker, isColumnNumbers, repeatedLeafLine } from "./column-numbers.js";

/** A word has the shape of a line: text, box, size and the runs it is made of. */
type Word = TextLine;

/** A gap wider than this share of the font size separates two words. */
const WORD_GAP = 0.25;
/** A gap wider than this share of the font size holds a space (pdf.js's text extraction writes one). */
const SPACE_GAP = 0.1;
/** Inner padding assumed between a cell's text and its (invisible) border. */
const PADDING = 3;

export function lineWords(line: TextLine): Word[] {
  return joinGlued(spacedWords(line), () => true);
}

/**
 * The words of a table's lines. A code and a name a narrow gap apart are one
 * glued word, unless names after codes of other lengths start at the same x:
 * then code and name are two narrow columns (a portrait T6), not one cell.
 */
export function tableLineWords(lines: readonly TextLine[]): Word[][] {
  const raw = lines.map(spacedWords);
  // Every code followed by a name, near or not (a class code's name stands further off).
  const pairs = raw.flatMap((ws) => ws.slice(1).map((w, i) => ({ code: ws[i]!, name: w })).filter((p) => CODE.test(p.code.text.trim()) && /^[^\x00-\x7f]/.test(p.name.text.trim())));
  const columnar = (code: Word, name: Word): boolean =>
    pairs.some((p) => p.code.text.trim().length !== code.text.trim().length && Math.abs(p.name.x0 - name.x0) <= 1);
  return raw.map((ws) => joinGlued(ws, (code, name) => !columnar(code, name)));
}

/** The words of a line with no code glued to its name. */
export function spacedWords(line: TextLine): Word[] {
  const words: Word[] = [];
  let cur: TextRun[] = [];
  const flush = (): void => {
    if (cur.length === 0) return;
    const l = runsToLines(cur)[0]!;
    words.push({ text: l.text, x0: l.x0, x1: l.x1, y0: l.y0, y1: l.y1, size: l.size, runs: cur });
    cur = [];
  };
  for (const r of line.runs.flatMap(splitAtSpaces)) {
    const prev = cur[cur.length - 1];
    // A figure flush against the next cell ends its word however narrow the gap (a space's
    // worth, as pdf.js would write one, parts it from another figure).
    const gap = prev ? r.x0 - prev.x1 : 0;
    if (prev && (gap > Math.min(r.size, prev.size) * WORD_GAP || endsFigure(prev.text, r.text, gap > Math.min(r.size, prev.size) * SPACE_GAP))) flush();
    cur.push(r);
  }
  flush();
  return joinSpaced(words);
}

/**
 * A code and its name printed in one cell ("2010350事业运行") may come as two
 * items a narrow space apart (a font change): they are one word.
 */
const CODE = /^\d{3}(\d{2}){0,2}$/;
const gluable = (code: Word, name: Word): boolean =>
  CODE.test(code.text.trim()) && /^[^\x00-\x7f]/.test(name.text.trim()) && name.x0 - code.x1 < Math.min(code.size, name.size);

function joinGlued(words: Word[], glued: (code: Word, name: Word) => boolean): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && gluable(prev, w) && glued(prev, w)) {
      out[out.length - 1] = mergeWords(prev, w);
    } else out.push(w);
  }
  return out;
}

/**
 * pdf.js may hand over two cells' text as one item with a space between ("类 款"):
 * cut it there, where the space is as wide as a gap between words. A narrower one
 * stays in the word's text ("201 一般公共服务支出") — unless it ends a figure (see
 * endsFigure). Where a figure touches a label with no space at all, the glyphs
 * changing from digits to a label's part them.
 */
function splitAtSpaces(run: TextRun): TextRun[] {
  const { text } = run;
  if (!/\S\s+\S|\d[\u3400-\u9fff]/.test(text)) return [run];
  const out: TextRun[] = [];
  let start = 0;
  const cut = (end: number, next: number): void => {
    const word = sliceRun(run, start, end);
    if (word) out.push(word);
    start = next;
  };
  for (let i = 0; i < text.length; i++) {
    if (!isBlank(text, i)) {
      if (i > start && endsFigure(text.slice(start, i), text.slice(i), false)) cut(i, i);
      continue;
    }
    let j = i + 1;
    while (j < text.length && isBlank(text, j)) j++;
    if (charStart(run, j) - charStart(run, i) > run.size * WORD_GAP || endsFigure(text.slice(start, i), text.slice(j), true)) cut(i, j);
    i = j - 1;
  }
  cut(text.length, text.length);
  return out;
}

/** A printed amount (2,525.16; 800.30; the dash printed for zero): not a code, a line number or a year. */
const AMOUNT = /^[-－]?(?:\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+\.\d+)$|^[-－—]$/;

/**
 * Whether a word ends with `before` when `after` follows. Spreadsheets print
 * columns as tight as their widest figure, right-aligned: a figure then stands
 * flush against the next column's left-aligned label ("2,525.16 一、一般公共服务支出")
 * or widest figure ("12,549,603.00 12,549,603.00"), and a right-aligned line
 * number or code against the figure after it ("1 2,525.16"), a gap narrower than
 * any between words apart. No cell holds an amount followed by a label or by
 * another figure, nor a number followed by an amount: an amount ends its word
 * before a label even when touching it, and parts from a figure where a space
 * (`spaced`) does (touching digits are one number).
 */
function endsFigure(before: string, after: string, spaced: boolean): boolean {
  // The token before the gap, and the one after it.
  const last = /\S*$/.exec(before.trimEnd())![0];
  const next = after.trimStart();
  if (AMOUNT.test(last)) return /^[\u3400-\u9fff]/.test(next) || (spaced && /^[-－\d]/.test(next));
  return spaced && /^\d+$/.test(last) && AMOUNT.test(/^[-－]?[\d,，.]+/.exec(next)?.[0] ?? "");
}

/** The 栏次 line: "栏次 1 2 3 …" — it places the columns, it is not a heading. */
function isNumbersLine(words: readonly Word[]): boolean {
  return isColumnNumbers(words.map((w) => w.text));
}

const isGlyph = (w: Word): boolean => [...w.text.replace(/\s+/g, "")].length === 1 && /[^\x00-\x7f]/.test(w.text);

/**
 * Headers space single characters out ("项 目", "收 入", "因 公 出 国"): a run of
 * single glyphs at equal gaps is one word. "收 入 支 出" over two blocks has
 * one wide gap in the middle, so it stays two words.
 */
function joinSpaced(words: Word[]): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i + 1;
    if (isGlyph(words[i]!) && j < words.length && isGlyph(words[j]!)) {
      const gap = words[j]!.x0 - words[i]!.x1;
      let k = j;
      while (k + 1 < words.length && isGlyph(words[k + 1]!) && Math.abs(words[k + 1]!.x0 - words[k]!.x1 - gap) <= Math.max(1, gap * 0.15)) k++;
      // Justified text inside one cell is spaced at most about a character apart;
      // wider-spaced glyphs (类 款 项 over their columns) are left to rejoinSpread.
      if (gap <= words[i]!.size) j = k + 1;
    }
    out.push(words.slice(i, j).reduce(mergeWords));
    i = j;
  }
  return out;
}

type Interval = [number, number];

function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv[0] <= last[1] + 1) last[1] = Math.max(last[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out;
}

const overlaps = (w: { x0: number; x1: number }, iv: Interval): boolean => w.x0 < iv[1] - 0.5 && w.x1 > iv[0] + 0.5;

interface Column {
  x0: number;
  x1: number;
  /** How the body text of the column is aligned, from its words' edges. */
  readonly align: "left" | "right" | "other";
}

const NUMERIC = /^[-－]?[\d,，.]+$/;
/** The label of a totals row. */
const TOTALS_LABEL = /^(合计|总计)$/;
/** A classification code leading a line: 310, 31001, 2010350 (alone or glued to its name). */
const CODE_LED = /^\d{3}(?:\d{2}){0,2}(?![\d.,，])/;

/**
 * Body columns by alignment, not by overlap (a long name may reach under the
 * next column's heading): figures share a right edge, names and codes a left
 * edge, line numbers a centre. Each edge shared by two or more rows anchors a
 * column; a word joins the anchor it lines up with.
 */
function bodyColumns(rows: readonly Word[][]): Column[] {
  type Anchor = { kind: "left" | "right" | "centre"; at: number; support: number; words: Word[] };
  const edge = (w: Word, kind: Anchor["kind"]): number => (kind === "left" ? w.x0 : kind === "right" ? w.x1 : (w.x0 + w.x1) / 2);
  const kindsOf = (w: Word): Anchor["kind"][] => (NUMERIC.test(w.text.replace(/\s+/g, "")) ? ["right", "centre", "left"] : ["left", "centre"]);
  const anchors: Anchor[] = [];
  const words = rows.flat();
  for (const kind of ["right", "left", "centre"] as const) {
    const candidates = words.filter((w) => kindsOf(w).includes(kind)).map((w) => ({ w, at: edge(w, kind) }));
    candidates.sort((a, b) => a.at - b.at);
    let group: { w: Word; at: number }[] = [];
    const close = (): void => {
      if (group.length >= 2) anchors.push({ kind, at: group.reduce((n, g) => n + g.at, 0) / group.length, support: group.length, words: [] });
      group = [];
    };
    for (const c of candidates) {
      if (group.length > 0 && c.at - group[group.length - 1]!.at > 1.5) close();
      group.push(c);
    }
    close();
  }
  // Each word to the anchor it lines up with that most words share (centred line numbers
  // of one and two digits share a centre, not an edge).
  const lonely: Word[] = [];
  for (const w of words) {
    const home = kindsOf(w)
      .flatMap((kind) => anchors.filter((a) => a.kind === kind && Math.abs(edge(w, kind) - a.at) <= 1.5))
      .sort((a, b) => b.support - a.support)[0];
    if (home) home.words.push(w);
    else lonely.push(w);
  }
  const used = anchors.filter((a) => a.words.length > 0);
  // A word in no anchored column: with the column it overlaps, else a column of its own.
  const columns: Column[] = used.map((a) => {
    const spread = (f: (w: Word) => number): number => Math.max(...a.words.map(f)) - Math.min(...a.words.map(f));
    // Words all of one width ("-", "0.00") line up on both edges: the alignment is unknown.
    const both = spread((w) => w.x0) <= 1.5 && spread((w) => w.x1) <= 1.5;
    return {
      x0: Math.min(...a.words.map((w) => w.x0)),
      x1: Math.max(...a.words.map((w) => w.x1)),
      align: a.kind === "centre" || both ? "other" : a.kind,
    };
  });
  for (const w of lonely) {
    const c = columns.find((k) => overlaps(w, [k.x0, k.x1]));
    if (c) {
      c.x0 = Math.min(c.x0, w.x0);
      c.x1 = Math.max(c.x1, w.x1);
    } else columns.push({ x0: w.x0, x1: w.x1, align: "other" });
  }
  return columns.sort((a, b) => a.x0 - b.x0);
}

/**
 * Column boundaries: body words give the columns; a header word over no body
 * text belongs to the column beside it only on that column's open side (left
 * of right-aligned figures, right of left-aligned names); otherwise it marks
 * an empty column.
 */
/** Distributed two-glyph headings ("项　　目", "栏　　次") with no body column between the glyphs are one word. */
function rejoinSpread(line: Word[], columns: readonly Column[], others: readonly Word[], around: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (const w of line) {
    const prev = out[out.length - 1];
    // Anything standing in the gap — a body column, another heading — keeps the glyphs apart.
    const home = (w: Word): number => columns.findIndex((c) => overlaps(w, [c.x0, c.x1]));
    const between = (a: Word, b: Word): boolean =>
      columns.some((c) => c.x0 >= a.x1 && c.x0 < b.x0) ||
      others.some((o) => o.x1 > a.x1 && o.x0 < b.x0) ||
      (home(a) >= 0 && home(b) >= 0 && home(a) !== home(b));
    // Two glyphs alone on their line are one heading spread over the block it names (项　　目
    // over 编码|名称) — unless they are parts of words written downwards (行 over 次, twice)
    // or the last glyphs of two headings wrapped in their columns (基本支 / 出, 项目支 / 出).
    const stacked = (g: Word): boolean =>
      around.some(
        (k) =>
          (isGlyph(k) || k.y1 <= g.y0 + 1) && Math.abs(k.x0 + k.x1 - g.x0 - g.x1) / 2 < g.size * 0.5 && Math.max(k.y0 - g.y1, g.y0 - k.y1) < g.size * 1.5,
      );
    const alone = line.length === 2 && line.every(isGlyph) && !line.some(stacked);
    if (prev && isGlyph(prev) && isGlyph(w) && (alone || (!between(prev, w) && !out.slice(0, -1).some((k) => k.y0 === prev.y0 && isGlyph(k))))) {
      out[out.length - 1] = mergeWords(prev, w);
    } else out.push(w);
  }
  return out;
}

/** Two words side by side as one. */
function mergeWords(a: Word, b: Word): Word {
  return { text: a.text + b.text, x0: a.x0, x1: b.x1, y0: Math.min(a.y0, b.y0), y1: Math.max(a.y1, b.y1), size: Math.max(a.size, b.size), runs: [...a.runs, ...b.runs] };
}

function columnBounds(columns: Column[], body: Word[][], header: Word[][]): number[] {
  const original = columns.map((c) => [c.x0, c.x1] as Interval);
  // A label over a whole block (收入 | 支出) stands alone on the top line; a top-line
  // heading with more heading text under it (上缴上级支 / 出) heads a column.
  // The 栏次 label stands in the label block, under its banner (项 目): it heads no column.
  const lower = header.slice(1).flatMap((ws) => (isNumbersLine(ws) ? ws.filter(isColumnMarker) : ws));
  const heads = [...(header[0] ?? []).filter((w) => header.length === 1 || lower.some((o) => overlaps(o, [w.x0, w.x1]))), ...lower];
  const lonely = heads.filter((w) => !original.some((iv) => overlaps(w, iv)));
  const numbers = header.filter(isNumbersLine).flat().filter(isColumnMarker);
  const added: Interval[] = [];
  for (const w of lonely) {
    // Headings over figures are centred, figures right-aligned: a heading standing
    // just left of right-aligned figures (or right of left-aligned names), with
    // nothing in between, heads that column; otherwise it heads an empty column.
    const reach = w.size * 6;
    const clear = (lo: number, hi: number): boolean =>
      !original.some((iv) => iv[0] > lo && iv[1] < hi) && !heads.some((o) => o !== w && o.x1 > lo + 0.5 && o.x0 < hi - 0.5 && !overlaps(o, [w.x0, w.x1]));
    // A column already headed on this line (事业收 over 事业收入's figures) takes no other heading;
    // one headed below it (项目支出 under 本年支出) has it for a block label over several columns.
    const headedHere = (iv: Interval): boolean =>
      heads.some((o) => o !== w && overlaps(o, iv) && (Math.abs((o.y0 + o.y1 - w.y0 - w.y1) / 2) < w.size * 0.5 || o.y0 >= w.y1 - 1));
    const candidates = columns
      .map((c, i) => {
        const [x0, x1] = original[i]!;
        if (overlaps(w, [x0, x1])) return { c, d: 0 };
        if (headedHere([x0, x1])) return null;
        // An "other" column (all dashes) is headed like figures: its heading stands to its left.
        if ((c.align === "right" || c.align === "other") && x0 >= w.x1 && x0 - w.x1 <= reach && clear(w.x1, x0)) return { c, d: x0 - w.x1 };
        if (c.align === "left" && x1 <= w.x0 && w.x0 - x1 <= reach && clear(x1, w.x0)) return { c, d: w.x0 - x1 };
        return null;
      })
      .filter((k): k is { c: Column; d: number } => k !== null)
      .sort((a, b) => a.d - b.d);
    // The tail of a wrapped heading sits under its head: it belongs where the head does.
    const head = heads.find(
      (h) =>
        h !== w &&
        h.x0 <= w.x0 + 1 &&
        h.x1 >= w.x1 - 1 &&
        Math.abs(h.x0 + h.x1 - w.x0 - w.x1) / 2 <= w.size * 0.5 &&
        w.y0 > h.y0 &&
        w.y0 - h.y1 < w.size * 1.6 &&
        original.filter((iv) => overlaps(h, iv)).length === 1,
    );
    const home = head ? columns[original.findIndex((iv) => overlaps(head, iv))] : candidates[0]?.c;
    // With a 栏次 line its numbers place the figure columns: a heading among them makes none.
    const isNumber = numbers.includes(w);
    if (!home && !isNumber && numbers.length >= 2 && w.x1 > Math.min(...numbers.map((n) => n.x0))) continue;
    if (home) {
      home.x0 = Math.min(home.x0, w.x0);
      home.x1 = Math.max(home.x1, w.x1);
    } else added.push([w.x0, w.x1]);
  }
  // Every column now, figures' and empty ones'; a heading over exactly one of
  // them widens it, so the boundary falls outside the heading. A heading
  // reaching over two (an empty column too) spans them: it widens neither.
  const spans: { x0: number; x1: number; at: Interval }[] = [
    ...columns.map((c, i) => ({ x0: c.x0, x1: c.x1, at: original[i]! })),
    ...mergeIntervals(added)
      .filter((iv) => !columns.some((c) => overlaps({ x0: iv[0], x1: iv[1] }, [c.x0, c.x1])))
      .map((iv) => ({ x0: iv[0], x1: iv[1], at: iv })),
  ];
  for (const w of heads) {
    const over = spans.filter((k) => overlaps(w, k.at));
    // Touching a neighbour's own text, it spans that column too.
    const touches = spans.some((k) => !over.includes(k) && k.at[1] >= w.x0 - 1 && k.at[0] <= w.x1 + 1);
    if (over.length === 1 && !touches) {
      over[0]!.x0 = Math.min(over[0]!.x0, w.x0);
      over[0]!.x1 = Math.max(over[0]!.x1, w.x1);
    }
  }
  const intervals = spans.map((k) => [k.x0, k.x1] as Interval).sort((a, b) => a[0] - b[0]);
  const all = [...body.flat(), ...header.flat()];
  const left = Math.min(...all.map((w) => w.x0)) - PADDING;
  const right = Math.max(...all.map((w) => w.x1)) + PADDING;
  const xs = [left];
  for (let i = 1; i < intervals.length; i++) {
    const prev = intervals[i - 1]!;
    const next = intervals[i]!;
    // Overlapping extents (a long name under the next heading): cut just before the next column's text.
    xs.push(prev[1] < next[0] ? (prev[1] + next[0]) / 2 : next[0] - 0.5);
  }
  xs.push(right);
  return xs;
}

/**
 * A column lying mostly inside another is part of it; so is a column of
 * centred labels (合计 under left-aligned names) beside a text column when no
 * row fills both.
 */
function mergeColumns(columns: Column[], rows: readonly Word[][]): Column[] {
  const merged = mergeNested(columns);
  const share = (w: Word, c: Column): number => Math.min(w.x1, c.x1) - Math.max(w.x0, c.x0);
  // A word fills the column it overlaps most.
  const filled = (c: Column, row: readonly Word[]): boolean =>
    row.some((w) => share(w, c) > 0 && merged.every((o) => o === c || share(w, o) <= share(w, c)));
  const text = (c: Column): boolean => rows.flat().some((w) => overlaps(w, [c.x0, c.x1]) && !NUMERIC.test(w.text.replace(/\s+/g, "")));
  for (let i = 0; i + 1 < merged.length; i++) {
    const a = merged[i]!;
    const b = merged[i + 1]!;
    const centred = (a.align === "other" && text(a)) || (b.align === "other" && text(b));
    if (centred && text(a) && text(b) && !rows.some((row) => filled(a, row) && filled(b, row))) {
      merged.splice(i, 2, { x0: Math.min(a.x0, b.x0), x1: Math.max(a.x1, b.x1), align: a.align === "other" ? b.align : a.align });
      i--;
    }
  }
  return merged;
}

function mergeNested(columns: Column[]): Column[] {
  const out: Column[] = [];
  for (const c of [...columns].sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0))) {
    const host = out.find((o) => Math.min(o.x1, c.x1) - Math.max(o.x0, c.x0) >= 0.5 * (c.x1 - c.x0));
    if (host) {
      host.x0 = Math.min(host.x0, c.x0);
      host.x1 = Math.max(host.x1, c.x1);
    } else out.push({ ...c });
  }
  return out.sort((a, b) => a.x0 - b.x0);
}

function columnOf(xs: readonly number[], x: number): number {
  for (let c = 0; c < xs.length - 1; c++) if (x < xs[c + 1]!) return c;
  return xs.length - 2;
}

/** Columns a word covers: those its extent reaches into by more than a little. */
function spanOf(xs: readonly number[], w: Word): [number, number] {
  // Reaching half a character past a boundary is still within the column (centred headers).
  const slack = Math.min(w.size * 0.5, (w.x1 - w.x0) / 2 - 0.1);
  const c0 = columnOf(xs, w.x0 + slack);
  const c1 = columnOf(xs, w.x1 - slack);
  return [c0, c1 + 1];
}

interface Band {
  readonly y0: number;
  readonly y1: number;
  readonly words: Word[];
}

/**
 * Body lines, with lines holding text in a single column folded into a body
 * line: a name wrapped round its row's figures into that row, anything else
 * into the nearest row.
 */
function bodyBands(lines: Word[][], isBody: boolean[], xs: readonly number[]): Band[] {
  const toBand = (ws: Word[]): Band => ({ y0: Math.min(...ws.map((w) => w.y0)), y1: Math.max(...ws.map((w) => w.y1)), words: [...ws] });
  const centre = (ws: Word[]): number => (Math.min(...ws.map((w) => w.y0)) + Math.max(...ws.map((w) => w.y1))) / 2;
  // Figures, not codes: a glued "20103政府办公厅（室）及" wrapped round its figures has digits too.
  // A dash is a zero printed as such ("-" for 0.00): a figure too.
  const figures = (ws: Word[]): boolean => ws.some((w) => NUMERIC.test(w.text.replace(/\s+/g, "")) || /^[-－—]$/.test(w.text.trim()));
  const totals = (ws: Word[]): boolean => ws.some((w) => /合计|总计/.test(w.text));
  const coded = (ws: Word[]): boolean => CODE_LED.test(([...ws].sort((a, b) => a.x0 - b.x0)[0]?.text ?? "").trim());
  // Row pitch: the least distance between two lines with figures (one such line per row).
  const figureCentres = lines.filter(figures).map(centre);
  const pitch = Math.min(...figureCentres.slice(1).map((c, k) => c - figureCentres[k]!));
  // Figures may be few (zeros left blank): then lines stand closer than figure lines do, and the
  // usual distance between two lines bounds the reach of a wrap too.
  const centres = lines.map(centre).sort((a, b) => a - b);
  const spacings = centres.slice(1).map((c, k) => c - centres[k]!).sort((a, b) => a - b);
  const usual = spacings.length > 0 ? spacings[Math.floor(spacings.length / 2)]! : Infinity;
  const colsOf = (ws: readonly Word[]): Set<number> => new Set(ws.map((w) => columnOf(xs, (w.x0 + w.x1) / 2)));
  // Line i is the head of a name wrapped round line i + 1: its tail (line i + 2) stands under it
  // in its columns, a line's height off, and line i + 1 holds nothing there.
  const wrapsRoundLine = (i: number): boolean => {
    const [head, row, tail] = [lines[i]!, lines[i + 1], lines[i + 2]];
    if (!row || !tail || figures(head) || figures(tail)) return false;
    const mine = colsOf(head);
    const size = Math.max(...head.map((w) => w.size));
    const gap = Math.min(...tail.map((w) => w.y0)) - Math.max(...head.map((w) => w.y1));
    return [...colsOf(tail)].every((c) => mine.has(c)) && ![...colsOf(row)].some((c) => mine.has(c)) && gap < 1.6 * size && tail.every((t) => head.some((h) => startsUnder(h, t)));
  };
  // Each line's band: its own (a row), or the row line it folds into.
  const own: (Word[] | null)[] = [];
  const hugged: (number | null)[] = [];
  lines.forEach((ws, i) => {
    const cols = new Set(ws.map((w) => columnOf(xs, (w.x0 + w.x1) / 2)));
    // A name wrapped round its row's figures: its lines sit closer to that row than rows sit
    // to each other (a line's own height apart, or half of it when the figures are centred).
    const reach = Math.max(0.8 * ws[0]!.size, Number.isFinite(pitch) ? Math.min(0.9 * pitch, 0.8 * usual) : 0);
    // A line led by a code is a row of its own beside another coded row or a totals line (rows
    // without figures between rows with figures make the pitch look twice what it is); it may
    // still be the head of a name wrapped round its figures, whose line then has no code — or
    // only another group's, holding nothing in the name's columns, its tail right under it.
    const near = [i - 1, i + 1]
      .filter((k) => lines[k] && figures(lines[k]!) && Math.abs(centre(lines[k]!) - centre(ws)) < reach && (!(coded(ws) && (coded(lines[k]!) || totals(lines[k]!))) || (k === i + 1 && wrapsRoundLine(i))))
      .sort((a, b) => Math.abs(centre(lines[a]!) - centre(ws)) - Math.abs(centre(lines[b]!) - centre(ws)));
    // Names of two groups may wrap at once (个人农业生产补 | 公务用车运行维 over their row): fragments, not a row of labels.
    const wrapped = (cols.size === 1 || !isBody[i]) && !figures(ws) && near.length > 0;
    // A line of figures alone is the row of a name wrapped round it (above and below), not a stray to fold away.
    own.push((isBody[i] || cols.size > 1 || figures(ws)) && !wrapped ? ws : null);
    hugged.push(wrapped ? near[0]! : null);
  });
  const rows = own.map((ws, i) => (ws ? i : -1)).filter((i) => i >= 0);
  const words = new Map<number, Word[]>(rows.map((i) => [i, [...lines[i]!]]));
  // A wrapped name's tail under a row line that is a name alone (a coded row without figures) continues that row,
  // though another column's row line may stand nearer, between the two halves of the name.
  const headAbove = (i: number): number | undefined => {
    const ws = lines[i]!;
    const tail = ws[0]!;
    // A line of the table's own (a label) is a row, not a tail.
    if (ws.length !== 1 || figures(ws) || isBody[i]) return undefined;
    const col = columnOf(xs, (tail.x0 + tail.x1) / 2);
    for (let k = i - 1; k >= 0; k--) {
      const head = own[k] ? lines[k]!.find((w) => columnOf(xs, (w.x0 + w.x1) / 2) === col) : undefined;
      if (!head) continue;
      const under = startsUnder(head, tail) && tail.y0 - head.y1 < 0.6 * Math.max(head.size, tail.size);
      // Only a row that is that name alone (no figure, no dash, nothing in another column) awaits a tail.
      const alone = lines[k]!.every((w) => columnOf(xs, (w.x0 + w.x1) / 2) === col);
      return under && alone && !figures(lines[k]!) ? k : undefined;
    }
    return undefined;
  };
  lines.forEach((ws, i) => {
    if (own[i]) return;
    const target =
      headAbove(i) ??
      (hugged[i] !== null && own[hugged[i]!] ? hugged[i]! : rows.sort((a, b) => Math.abs(centre(lines[a]!) - centre(ws)) - Math.abs(centre(lines[b]!) - centre(ws)))[0]);
    if (target !== undefined) words.get(target)!.push(...ws);
  });
  return [...words.values()].map(toBand).sort((a, b) => a.y0 - b.y0);
}

interface HeaderCell {
  row: number;
  readonly c0: number;
  readonly c1: number;
  readonly words: Word[];
}

/**
 * Header cells. Wrapped header text sits at different heights per column, so
 * header lines are not rows: a word within one column is that column's own
 * heading (all of them, top to bottom, are one cell); a word reaching across
 * columns heads them all (本年支出 over 小计|基本|项目), one level per height,
 * top first; a sparse top line of labels (收入|支出, 预算数|决算数) shares the
 * columns out by nearness. Own headings form the last header row.
 */
function headerCells(header: Word[][], xs: readonly number[]): { cells: HeaderCell[]; rows: number } {
  const nc = xs.length - 1;
  const words = header.flat();
  if (words.length === 0) return { cells: [], rows: 0 };
  const top = header[0]!;
  const restTop = Math.min(...header.slice(1).flat().map((w) => w.y0), Infinity);
  const sparseTop = header.length > 1 && Math.max(...top.map((w) => w.y1)) <= restTop + 1 && (top.length === 1 ? nc > 2 : top.length * 2 < nc);
  const spans = new Map<Word, [number, number]>();
  for (const w of words) spans.set(w, spanOf(xs, w));
  if (sparseTop) {
    const centres = top.map((w) => (w.x0 + w.x1) / 2);
    top.forEach((w, i) => {
      const mine = [...Array(nc).keys()].filter((c) => {
        const d = centres.map((x) => Math.abs(x - (xs[c]! + xs[c + 1]!) / 2));
        return d.indexOf(Math.min(...d)) === i;
      });
      if (mine.length > 0) spans.set(w, [Math.min(...mine), Math.max(...mine) + 1]);
    });
  }
  // A short heading with headings under it, over neighbours that have headings
  // only lower down, heads them too (本年支出 over 小计|基本支出|项目支出). A
  // heading that fills its column is the first line of wrapped text instead.
  const lineOf = new Map<Word, number>();
  header.forEach((ws, i) => ws.forEach((w) => lineOf.set(w, i)));
  const colWords = (c: number): Word[] => words.filter((k) => spans.get(k)![0] <= c && spans.get(k)![1] > c);
  // Higher headings first: a parent's reach is settled before its children look for theirs.
  for (const w of [...words].sort((a, b) => a.y0 - b.y0)) {
    const [c0, c1] = spans.get(w)!;
    const i = lineOf.get(w)!;
    if (sparseTop && top.includes(w)) continue;
    const under = (k: Word): boolean => lineOf.get(k)! > i && spans.get(k)![0] >= c0 && spans.get(k)![1] <= c1;
    const below = words.filter(under).sort((a, b) => a.y0 - b.y0)[0];
    if (!below) continue;
    // The tail of wrapped text is shorter and centred under its head: no sub-heading.
    const centred = Math.abs((below.x0 + below.x1 - w.x0 - w.x1) / 2) <= 0.5 * w.size;
    // Wrapped text fills every line but its last: a shorter line with more under it (基本支 / 出
    // under 本年支出) is a sub-heading's, not the tail of the heading above.
    const goesOn = words.some((k) => k !== below && k.y0 > below.y0 && k.y0 - below.y1 < w.size && Math.abs((k.x0 + k.x1 - below.x0 - below.x1) / 2) <= 0.5 * w.size);
    const tail = below.x1 - below.x0 <= w.x1 - w.x0 - 0.8 * w.size && centred && !goesOn;
    // A column too narrow for more than a glyph a line writes its heading downwards (事 / 业 / 收 / 入):
    // a glyph over a glyph a line apart is that heading going on, no parent of its neighbours.
    const downwards = isGlyph(w) && isGlyph(below) && centred && below.y0 - w.y1 < w.size;
    if (c1 - c0 === 1 && (tail || downwards)) continue;
    // Neighbours it heads have their own headings level with its sub-heading: cells of one row,
    // their lines centred alike (小计 beside 基本支 / 出), not a taller cell's beside the row. A
    // cell's level is the middle of its first heading's lines (those set a line apart, no more):
    // the leaf headings under every column (预算数 | 决算数) are no part of it.
    const level = (ws: readonly Word[]): number => {
      const sorted = [...ws].sort((a, b) => a.y0 - b.y0);
      let bottom = sorted[0]!.y1;
      for (const k of sorted.slice(1)) if (k.y0 - bottom < 0.6 * k.size) bottom = Math.max(bottom, k.y1);
      return (sorted[0]!.y0 + bottom) / 2;
    };
    const sub = level(words.filter(under));
    const free = (c: number): boolean => {
      // A heading over this column and the neighbour alike (a banner, or 公务用车购置及运行费
      // over 小计 and its neighbour) heads both: it does not count.
      const both = (k: Word): boolean => spans.get(k)![0] <= Math.min(c, c0) && spans.get(k)![1] > Math.max(c, c1 - 1);
      const ws = colWords(c).filter((k) => !((sparseTop && top.length === 1 && k === top[0]) || (lineOf.get(k)! > 0 && lineOf.get(k)! < i && both(k))));
      if (ws.length === 0 || !ws.every((k) => lineOf.get(k)! > i)) return false;
      return Math.abs(level(ws) - sub) <= 0.35 * w.size;
    };
    let lo = c0;
    let hi = c1;
    while (lo > 0 && free(lo - 1)) lo--;
    while (hi < nc && free(hi)) hi++;
    if (lo !== c0 || hi !== c1) spans.set(w, [lo, hi]);
  }
  // Spanning words: vertically adjacent pieces over the same columns are one (wrapped) label.
  const spanning: HeaderCell[] = [];
  for (const w of words.filter((k) => spans.get(k)![1] - spans.get(k)![0] > 1).sort((a, b) => a.y0 - b.y0)) {
    const [c0, c1] = spans.get(w)!;
    const prev = spanning.find((h) => h.c0 === c0 && h.c1 === c1 && w.y0 - Math.max(...h.words.map((k) => k.y1)) < w.size);
    if (prev) prev.words.push(w);
    else spanning.push({ row: 0, c0, c1, words: [w] });
  }
  const levels: number[] = [];
  for (const h of spanning) {
    const y = Math.min(...h.words.map((w) => w.y0));
    let level = levels.findIndex((l) => Math.abs(l - y) < h.words[0]!.size * 0.5);
    if (level < 0) {
      levels.push(y);
      level = levels.length - 1;
    }
    h.row = level;
  }
  // Levels in top-to-bottom order.
  const order = [...levels.keys()].sort((a, b) => levels[a]! - levels[b]!);
  for (const h of spanning) h.row = order.indexOf(h.row);
  const own = new Map<number, Word[]>();
  for (const w of words.filter((k) => spans.get(k)![1] - spans.get(k)![0] === 1)) {
    const c = spans.get(w)![0];
    own.set(c, [...(own.get(c) ?? []), w]);
  }
  const last = levels.length;
  const cells = [...spanning, ...[...own.entries()].map(([c, ws]) => ({ row: last, c0: c, c1: c + 1, words: ws }))];
  return { cells, rows: last + 1 };
}

/**
 * A line label wrapped onto the next line (国有资本经营预算财政拨 / 款, no
 * figures on either) is one line, when only the two together read as a body
 * line: apart, the head folds into the row above and the tail into the next.
 * The row's 行次 may stand on a line of their own between head and tail.
 */
function joinWrappedLabels(lines: Word[][], isBody: (words: readonly string[]) => boolean): Word[][] {
  const out: Word[][] = [];
  const text = (w: Word): string => w.text.replace(/\s+/g, "");
  const lineNumbers = (ws: Word[] | undefined): boolean => ws !== undefined && ws.every((w) => /^\d{1,2}$/.test(text(w)));
  for (let i = 0; i < lines.length; i++) {
    const ws = lines[i]!;
    const between = lineNumbers(lines[i + 1]) ? lines[i + 1]! : [];
    const tail = lines[i + 1 + (between.length > 0 ? 1 : 0)];
    const [a, b] = [ws[0], tail?.[0]];
    if (ws.length === 1 && tail?.length === 1 && a && b && !/\d/.test(a.text + b.text)) {
      const close = b.y0 - a.y1 < 0.6 * Math.max(a.size, b.size);
      // The tail starts where the head does, or stands within its width.
      const under = Math.abs(a.x0 - b.x0) <= 2 || (b.x0 >= a.x0 - 2 && b.x1 <= a.x1 + 2);
      const joined = { ...mergeWords(a, b), x1: Math.max(a.x1, b.x1), x0: Math.min(a.x0, b.x0) };
      if (close && under && !isBody([text(a)]) && isBody([text(joined), ...between.map(text)])) {
        out.push([joined, ...between]);
        i += between.length > 0 ? 2 : 1;
        continue;
      }
    }
    out.push(ws);
  }
  return out;
}

/**
 * A name wrapped round a body line (head above it, tail below, the line itself
 * holding nothing under them): its head, above the first body line, is no heading.
 */
function wrapsRound(lines: readonly Word[][], row: number): boolean {
  const [head, tail] = [lines[row - 1], lines[row + 1]];
  if (head?.length !== 1 || tail?.length !== 1 || /\d/.test(head[0]!.text + tail[0]!.text)) return false;
  const [h, t] = [head[0]!, tail[0]!];
  const size = Math.max(h.size, t.size);
  return startsUnder(h, t) && t.y0 - h.y1 < 1.6 * size && !lines[row]!.some((w) => w.x0 < h.x1 && w.x1 > h.x0);
}

/** A wrapped name's tail starts within its head's width (left-aligned, or indented under it). */
const startsUnder = (head: Word, tail: Word): boolean => tail.x0 >= head.x0 - 2 && tail.x0 <= head.x1;

/**
 * Builds a grid from the lines of one unruled table (caption lines already
 * removed). `isBody` tells a body line from a header line by its words.
 */
export function alignedGrid(
  page: number,
  lines: readonly TextLine[],
  isBody: (words: readonly string[]) => boolean,
  /** Column boundaries of the same table on the page before (a continuation keeps its columns). */
  xsHint?: readonly number[],
): Grid | null {
  const wordLines = joinWrappedLabels(
    tableLineWords(lines).filter((ws) => ws.length > 0),
    isBody,
  );
  const body = wordLines.map((ws) => isBody(ws.map((w) => w.text.replace(/\s+/g, ""))));
  // A table printing no figure at all (an empty T7 with zeros left blank) is all
  // heading: its one row is the blank line under it.
  // The body starts at a body line that is not alone: a lone 合计 in the heading
  // (centred over its column, between wrapped headings) is no line of the table.
  const starts = body.findIndex((b, i) => b && (body[i + 1] === true || i + 1 === body.length || wordLines[i]!.some((w) => /\d/.test(w.text))));
  const blank = starts < 0;
  if (blank && (xsHint || wordLines.length < 2)) return null;
  const first = blank ? wordLines.length : starts - (wrapsRound(wordLines, starts) ? 1 : 0);
  const rest = wordLines.slice(first);
  const bodyWords = rest.filter((_, i) => body[first + i]);
  // An empty table's body is its 合计 row alone, the label centred over the label block
  // (编码|名称 alike): it shows no column, the headings show them all.
  const onlyTotals = bodyWords.flat().every((w) => TOTALS_LABEL.test(w.text.replace(/\s+/g, "")));
  const columns = onlyTotals ? [] : mergeColumns(bodyColumns(bodyWords), bodyWords);
  const headLines = wordLines.slice(0, first);
  // Block labels on the top line (收入 | 支出) stand over gaps by design: they keep nothing apart.
  // Only headings above a line can stand between its glyphs (a heading below, 科目名称
  // under 项 目, sits inside the span it names).
  const header = headLines.map((line, i) => rejoinSpread(line, columns, headLines.filter((_, k) => k < i && k > 0).flat(), headLines.filter((_, k) => k !== i).flat()));
  const numbersLine = header.filter(isNumbersLine).flat();
  const leaves = numbersLine.length > 0 ? null : repeatedLeafLine(header);
  const bounds = (): number[] => columnBounds(columns, bodyWords, header);
  const xs = xsHint
    ? [...xsHint]
    : leaves
      ? fitToMarkers(bounds(), leaves, leaves, bodyWords.flat(), header.flat())
      : fitToNumbers(bounds(), numbersLine, bodyWords.flat(), header.flat());
  const nc = xs.length - 1;
  if (nc < 2) return null;
  const headBottom = Math.max(...wordLines.flat().map((w) => w.y1));
  const bands = blank ? [{ y0: headBottom + 1, y1: headBottom + 13, words: [] }] : bodyBands(rest, body.slice(first), xs);

  const { cells: hCells, rows: headerRows } = headerCells(header.filter((ws) => !isNumbersLine(ws)), xs);
  // Header rows get heights of their own between the header's top and the first body line.
  const hTop = header.length > 0 ? Math.min(...header.flat().map((w) => w.y0)) : bands[0]!.y0 - 1;
  const hBottom = bands[0]!.y0;
  const headerYs = [...Array(headerRows).keys()].map((r) => hTop + ((hBottom - hTop) * r) / headerRows);
  const ys = [...headerYs, ...bands.map((b) => b.y0), Math.max(...bands.map((b) => b.y1)) + 1];
  const nr = ys.length - 1;
  const cells: GridCell[] = [];
  const cellAt: number[][] = Array.from({ length: nr }, () => new Array<number>(nc).fill(-1));
  const addCell = (r0: number, r1: number, c0: number, c1: number, words: Word[]): void => {
    const lns = runsToLines(words.flatMap((w) => w.runs));
    const idx = cells.length;
    cells.push({ r0, r1, c0, c1, x0: xs[c0]!, x1: xs[c1]!, y0: ys[r0]!, y1: ys[r1]!, lines: lns, text: lns.map((l) => l.text).join("") });
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) if (cellAt[r]![c] === -1) cellAt[r]![c] = idx;
  };
  for (const h of hCells) addCell(h.row, h.row + 1, h.c0, h.c1, h.words);
  // Where each column's figures start (the left edge of the widest), for columns holding figures only.
  const figuresFrom = xs.slice(0, -1).map((_, c) => {
    const inCol = bodyWords.flat().filter((w) => columnOf(xs, (w.x0 + w.x1) / 2) === c);
    const numeric = inCol.length > 0 && inCol.every((w) => NUMERIC.test(w.text.replace(/\s+/g, "")));
    return numeric ? Math.min(...inCol.map((w) => w.x0)) : undefined;
  });
  bands.forEach((b, i) => {
    const r = headerRows + i;
    // Words by the column they start in; a label reaching across columns (合计 over 编码|名称) spans them.
    // A figure spans none: one reaching into the column on its left (a column narrower than
    // its widest figure) is its centre's column's.
    const groups = new Map<number, { c1: number; words: Word[] }>();
    for (const w of b.words) {
      const figure = NUMERIC.test(w.text.replace(/\s+/g, ""));
      const home = columnOf(xs, (w.x0 + w.x1) / 2);
      const [c0, reach] = figure ? [home, home + 1] : spanOf(xs, w);
      // A name running on into a figure column short of its figures (wrapped text in a narrow
      // name column) stays in its own column.
      let c1 = reach;
      while (c1 - c0 > 1 && w.x1 < (figuresFrom[c1 - 1] ?? -Infinity)) c1--;
      const c = c1 - c0 > 1 ? c0 : columnOf(xs, (w.x0 + w.x1) / 2);
      const g = groups.get(c) ?? { c1: c + 1, words: [] };
      g.c1 = Math.max(g.c1, c1 - c0 > 1 ? c1 : c + 1);
      g.words.push(w);
      groups.set(c, g);
    }
    for (const [c, g] of [...groups.entries()].sort((x, y) => x[0] - y[0])) if (cellAt[r]![c] === -1) addCell(r, r + 1, c, g.c1, g.words);
  });
  for (let r = 0; r < nr; r++) for (let c = 0; c < nc; c++) if (cellAt[r]![c] === -1) addCell(r, r + 1, c, c + 1, []);
  return { page, xs, ys, cells, cellAt, x0: xs[0]!, x1: xs[nc]!, y0: ys[0]!, y1: ys[nr]! };
}
