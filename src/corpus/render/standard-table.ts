// One standard table on its own page(s): title, the caption line (部门 and
// 金额单位, or 单位 alone), the grid (split over pages when it must or the
// variant forces it), then its 注 lines, remarks and any "本单位本年度无…"
// statement. Pages are landscape, portrait or rotated as the variant says.
import type { ComposedTable } from "../compose/standard-table.js";
import { paginate } from "../layout/paginate.js";
import { placeTable, type GridMetrics } from "../layout/table-grid.js";
import { wrapText } from "../layout/text-wrap.js";
import type { SourceTable } from "../source/schema.js";
import type { Variant } from "../variant.js";
import { addTablePage, type PageFrame } from "./page-frame.js";
import { currentPage, type Doc } from "./pdf.js";
import { STYLE } from "./style.js";
import { drawBlocks, type DrawOptions } from "./table-draw.js";
import { drawRun, measure } from "./text.js";

export interface TablePlacement {
  /** 1-based pages the table (grid, notes, statement) is printed on. */
  readonly pages: number[];
  /** Page of each printed row key. */
  readonly rowPages: ReadonlyMap<string, number>;
}

export interface TablePageInput {
  readonly table: SourceTable;
  readonly composed: ComposedTable;
  /** The caption line: left (department) may be absent, right is the unit. */
  readonly caption: { readonly left?: string; readonly right: string };
  /** A heading above the title, printed once before the first table (Shanghai: "XX2024年度部门决算表"). */
  readonly heading?: string;
  readonly metrics: GridMetrics;
  readonly draw: DrawOptions;
  readonly variant: Pick<Variant, "orientation" | "rotated" | "split">;
}

const T = STYLE.table;

export function renderStandardTable(doc: Doc, input: TablePageInput): TablePlacement {
  const frame: PageFrame = addTablePage(doc, input.variant);
  const M = frame.margins;
  const pageW = frame.width;
  const bottom = frame.height - M.bottom;
  const placed = placeTable(input.composed.printed, input.metrics);
  const x = M.left + (pageW - M.left - M.right - placed.width) / 2;
  let y = M.top;
  const pages: number[] = [currentPage(doc)];
  const newPage = () => {
    addTablePage(doc, input.variant);
    y = M.top;
    pages.push(currentPage(doc));
  };

  if (input.heading) {
    const style = { size: T.headingSize, weight: "bold" as const };
    drawRun(doc, input.heading, (pageW - measure(doc, input.heading, style)) / 2, y, style);
    y += T.headingSize * STYLE.lineFactor + T.gapAfterTitle;
  }
  // A title wider than a portrait page prints smaller, as word processors' shrink-to-fit does.
  const titleRoom = pageW - M.left - M.right;
  const fullWidth = measure(doc, input.table.title, { size: T.titleSize, weight: "bold" });
  const title = { size: fullWidth > titleRoom ? (T.titleSize * titleRoom) / fullWidth : T.titleSize, weight: "bold" as const };
  drawRun(doc, input.table.title, (pageW - measure(doc, input.table.title, title)) / 2, y, title);
  y += T.titleSize * STYLE.lineFactor + T.gapAfterTitle;
  const cap = { size: T.captionSize };
  if (input.caption.left) drawRun(doc, input.caption.left, x, y, cap);
  drawRun(doc, input.caption.right, x + placed.width - measure(doc, input.caption.right, cap), y, cap);
  y += T.captionSize * STYLE.lineFactor + T.gapAfterCaption;

  const forced = input.variant.split !== "none";
  const slices = paginate({
    headerHeight: placed.header.height,
    rowHeights: placed.body.map((b) => b.height),
    firstAvailable: bottom - y,
    pageAvailable: bottom - M.top,
    // Unforced splits continue without a header, as the samples in variants.md §7 do.
    repeatHeader: input.variant.split === "repeat-header",
    ...(forced ? { maxRows: STYLE.splitRows } : {}),
  });
  const rowPages = new Map<string, number>();
  slices.forEach((s, k) => {
    if (s.newPage) {
      if (k === 0) pages.pop();
      newPage();
    }
    const page = currentPage(doc);
    const body = s.rows.map((i) => placed.body[i]!);
    for (const b of body) for (const key of b.keys) rowPages.set(key, page);
    y = drawBlocks(doc, [...(s.withHeader ? [placed.header] : []), ...body], x, y, input.draw);
  });

  y += T.gapBeforeNotes;
  const noteStyle = { size: T.noteSize };
  const lineH = T.noteLineHeight;
  const writeLine = (text: string, style: { size: number }, h: number) => {
    for (const ln of wrapText(text, pageW - x - M.right, (t) => measure(doc, t, style))) {
      if (y + h > bottom) newPage();
      drawRun(doc, ln, x, y, style);
      y += h;
    }
  };
  for (const note of [...input.table.print.notes, ...(input.table.print.remarks ?? [])]) writeLine(note, noteStyle, lineH);
  if (input.table.empty_statement) {
    y += lineH;
    writeLine(input.table.empty_statement, { size: T.captionSize + 0.5 }, lineH * 1.2);
  }
  return { pages: [...new Set(pages)], rowPages };
}
