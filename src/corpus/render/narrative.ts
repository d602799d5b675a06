// The portrait pages: cover, 目录 and the narrative parts. Paragraphs flow
// with pdfkit's own line breaking (UAX #14: ideographs part anywhere, figures
// such as "1136.18" stay whole) and continue onto new pages by themselves.
import { cell, resolveWidths, type GridRow, type PrintedTable } from "../layout/printed-table.js";
import { paginate } from "../layout/paginate.js";
import { placeTable, type GridMetrics } from "../layout/table-grid.js";
import type { Block } from "../source/schema.js";
import { drawChart } from "./chart.js";
import { addPage, currentPage, type Doc } from "./pdf.js";
import { STYLE } from "./style.js";
import { drawBlocks, type DrawOptions } from "./table-draw.js";
import { drawRun, measure, useFont } from "./text.js";

/**
 * A heading too long for one line breaks at a space, the one that gives the
 * most even pair of lines ("第二部分 …中心" / "2021年度部门决算表"), not mid-word;
 * a split leaving a stub ("2021" / "年度…报告") is no better than pdfkit's own wrap.
 */
function breakAtSpace(text: string, width: number, measureText: (t: string) => number): string {
  if (measureText(text) <= width) return text;
  let best: { at: number; longest: number } | undefined;
  for (const m of text.matchAll(/ /g)) {
    const at = m.index ?? 0;
    const [a, b] = [measureText(text.slice(0, at)), measureText(text.slice(at + 1))];
    const longest = Math.max(a, b);
    if (longest <= width && Math.min(a, b) >= longest / 3 && (!best || longest < best.longest)) best = { at, longest };
  }
  return best ? `${text.slice(0, best.at)}\n${text.slice(best.at + 1)}` : text;
}

/**
 * Where pdfkit's own wrapping will carry a paragraph onto the next page(s),
 * as character offsets. pdfkit breaks after a line once the next would pass
 * the bottom; greedy wrapping gives a prefix the same first lines as the
 * whole, so the offset is the longest prefix that keeps to the lines that fit.
 */
function pageBreaks(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions, top: number, bottom: number, pageTop: number): number[] | undefined {
  const lh = doc.currentLineHeight(true) + (options.lineGap ?? 0);
  // Only a paragraph's first line is indented; what continues on a new page is not.
  const lines = (s: string, first: boolean) =>
    Math.round(doc.heightOfString(s, first ? options : { ...options, indent: 0 }) / lh);
  const breaks: number[] = [];
  let y = top;
  let from = 0;
  const chars = [...text];
  let total = lines(text, true);
  while (total > 0) {
    let fit = 1;
    while (y + (fit + 1) * lh <= bottom) fit++;
    if (fit >= total) break;
    let lo = 0;
    let hi = chars.length - from;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (lines(chars.slice(from, from + mid).join(""), from === 0) <= fit) lo = mid;
      else hi = mid - 1;
    }
    from += lo;
    breaks.push(chars.slice(0, from).join("").length);
    total = lines(chars.slice(from).join(""), false);
    y = pageTop;
  }
  return breaks.length ? breaks : undefined;
}

export interface BlockPages {
  readonly first: number;
  readonly last: number;
  /** For a paragraph that runs onto later pages: the character offsets where each later page begins. */
  readonly breaks?: readonly number[];
}

const N = STYLE.narrative;
const M = STYLE.portrait;

export class NarrativeWriter {
  private open = false;
  /** First page the current block drew on. */
  private started: number | undefined;
  private breaks: number[] | undefined;

  constructor(
    private readonly doc: Doc,
    private readonly metrics: GridMetrics,
    private readonly draw: DrawOptions,
  ) {}

  private get left(): number {
    return M.left;
  }
  private get width(): number {
    return this.doc.page.width - M.left - M.right;
  }
  private get bottom(): number {
    return this.doc.page.height - M.bottom;
  }

  /** The next block starts on a new page (after landscape table pages). */
  close(): void {
    this.open = false;
  }

  private newPage(): void {
    addPage(this.doc, "portrait", M);
    this.doc.x = this.left;
    this.doc.y = M.top;
    this.open = true;
    this.started ??= currentPage(this.doc);
  }

  private ensure(height: number): void {
    if (!this.open || this.doc.y + height > this.bottom) this.newPage();
    this.started ??= currentPage(this.doc);
  }

  write(block: Exclude<Block, { type: "tables" }>): BlockPages {
    if (block.type === "cover" || block.type === "toc" || block.type === "part") this.open = false;
    this.started = undefined;
    this.breaks = undefined;
    switch (block.type) {
      case "cover":
        this.cover(block.title, block.date);
        break;
      case "toc":
        this.toc(block.title, block.entries);
        break;
      case "part":
        this.ensure(0);
        this.centered(block.text, N.partSize, "bold", 18);
        break;
      case "title":
        this.ensure(N.titleSize * 4);
        this.doc.y += 6;
        this.centered(block.text, N.titleSize, "bold", 12);
        break;
      case "heading":
        this.ensure(N.headingSize * STYLE.lineFactor + 2 * N.bodySize * 1.6);
        this.flow(block.text, N.headingSize, "bold", 4);
        break;
      case "paragraph":
        this.ensure(N.bodySize * 1.6);
        this.flow(block.text, N.bodySize, "regular", N.paragraphGap);
        break;
      case "figure":
        this.figure(block);
        break;
      case "grid":
        this.grid(block);
        break;
    }
    const last = currentPage(this.doc);
    return { first: this.started ?? last, last, ...(this.breaks ? { breaks: this.breaks } : {}) };
  }

  private centered(text: string, size: number, weight: "regular" | "bold", gapAfter: number): void {
    const broken = breakAtSpace(text, this.width, (t) => measure(this.doc, t, { size, weight }));
    useFont(this.doc, { size, weight }).text(broken, this.left, this.doc.y, { width: this.width, align: "center", lineGap: 4 });
    this.doc.y += gapAfter;
  }

  private flow(text: string, size: number, weight: "regular" | "bold", gapAfter: number): void {
    const options = { width: this.width, indent: N.indent, lineGap: N.lineGap, align: "left" as const };
    useFont(this.doc, { size, weight });
    this.breaks = pageBreaks(this.doc, text, options, this.doc.y, this.bottom, M.top);
    this.doc.text(text, this.left, this.doc.y, options);
    this.doc.y += gapAfter;
  }

  private cover(title: string, date: string): void {
    this.newPage();
    const c = STYLE.cover;
    this.doc.y = c.titleTop;
    useFont(this.doc, { size: c.titleSize, weight: "bold" }).text(title, (this.doc.page.width - c.width) / 2, c.titleTop, {
      width: c.width,
      align: "center",
      lineGap: 14,
    });
    const s = { size: c.dateSize };
    drawRun(this.doc, date, (this.doc.page.width - measure(this.doc, date, s)) / 2, c.dateTop, s);
    this.open = false;
  }

  private toc(title: string, entries: readonly { text: string; level: number }[]): void {
    this.newPage();
    const t = STYLE.toc;
    this.centered(title, t.titleSize, "bold", 16);
    for (const e of entries) {
      const size = e.level === 0 ? t.partSize : t.entrySize;
      this.ensure(size * 2);
      if (e.level === 0) this.doc.y += 4;
      useFont(this.doc, { size, weight: e.level === 0 ? "bold" : "regular" }).text(
        e.text,
        this.left + (e.level === 0 ? 0 : 2 * t.entrySize),
        this.doc.y,
        { width: this.width - 2 * t.entrySize, lineGap: t.lineGap },
      );
    }
    this.open = false;
  }

  private figure(block: Extract<Block, { type: "figure" }>): void {
    const f = STYLE.figure;
    const height = (block.chart ? f.height : 0) + f.captionSize * 3;
    this.ensure(height);
    if (block.chart) {
      const top = this.doc.y;
      drawChart(this.doc, block.chart, this.left + (this.width - f.width) / 2, top, f.width, f.height);
      this.doc.y = top + f.height + 6;
    }
    this.centered(block.caption, f.captionSize, "regular", 10);
  }

  private grid(block: Extract<Block, { type: "grid" }>): void {
    const g = STYLE.grid;
    const ncols = block.header.length;
    const widths = resolveWidths(
      (block.widths ?? block.header.map(() => 1)).map((flex) => ({ flex })),
      this.width,
    );
    const header: GridRow = {
      cells: block.header.map((text, i) => cell(text, i, "center")),
      minHeight: g.headerRowHeight,
      keys: [],
    };
    const body: GridRow[] = block.rows.map((r) => ({
      cells: Array.from({ length: ncols }, (_, i) => cell(r[i] ?? "", i, i === 0 || i === ncols - 1 ? "center" : "left")),
      minHeight: g.bodyRowHeight,
      keys: [],
    }));
    const printed: PrintedTable = { widths, fontSize: g.fontSize, header: [header], body };
    const placed = placeTable(printed, this.metrics);
    this.ensure(placed.header.height + (placed.body[0]?.height ?? 0));
    const slices = paginate({
      headerHeight: placed.header.height,
      rowHeights: placed.body.map((b) => b.height),
      firstAvailable: this.bottom - this.doc.y,
      pageAvailable: this.bottom - M.top,
      repeatHeader: false,
    });
    for (const s of slices) {
      if (s.newPage) this.newPage();
      const blocks = [...(s.withHeader ? [placed.header] : []), ...s.rows.map((i) => placed.body[i]!)];
      this.doc.y = drawBlocks(this.doc, blocks, this.left, this.doc.y, this.draw) + 10;
    }
  }
}
