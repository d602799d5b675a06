// One standard table on its own landscape page(s): title, the 部门/金额单位
// line, the ruled grid (split over pages when it must), then its 注 lines,
// remarks and any "本单位本年度无…" statement.
import type { ComposedTable } from "../compose/standard-table.js";
import { paginate } from "../layout/paginate.js";
import { placeTable, type GridMetrics } from "../layout/table-grid.js";
import { wrapText } from "../layout/text-wrap.js";
import type { SourceTable } from "../source/schema.js";
import { addPage, currentPage, type Doc } from "./pdf.js";
import { STYLE } from "./style.js";
import { drawBlocks, type DrawOptions } from "./table-draw.js";
import { drawRun, measure } from "./text.js";

export interface TablePlacement {
  /** 1-based pages the grid is printed on. */
  readonly pages: number[];
  /** Page of each printed row key. */
  readonly rowPages: ReadonlyMap<string, number>;
}

export interface TablePageInput {
  readonly table: SourceTable;
  readonly composed: ComposedTable;
  readonly caption: { readonly left: string; readonly right: string };
  readonly metrics: GridMetrics;
  readonly draw: DrawOptions;
  readonly repeatHeader: boolean;
}

const M = STYLE.landscape;
const T = STYLE.table;

export function renderStandardTable(doc: Doc, input: TablePageInput): TablePlacement {
  addPage(doc, "landscape", M);
  const pageW = doc.page.width;
  const bottom = doc.page.height - M.bottom;
  const placed = placeTable(input.composed.printed, input.metrics);
  const x = M.left + (pageW - M.left - M.right - placed.width) / 2;
  let y = M.top;

  const title = { size: T.titleSize, weight: "bold" as const };
  drawRun(doc, input.table.title, (pageW - measure(doc, input.table.title, title)) / 2, y, title);
  y += T.titleSize * STYLE.lineFactor + T.gapAfterTitle;
  const cap = { size: T.captionSize };
  drawRun(doc, input.caption.left, x, y, cap);
  drawRun(doc, input.caption.right, x + placed.width - measure(doc, input.caption.right, cap), y, cap);
  y += T.captionSize * STYLE.lineFactor + T.gapAfterCaption;

  const slices = paginate({
    headerHeight: placed.header.height,
    rowHeights: placed.body.map((b) => b.height),
    firstAvailable: bottom - y,
    pageAvailable: bottom - M.top,
    repeatHeader: input.repeatHeader,
  });
  const pages: number[] = [];
  const rowPages = new Map<string, number>();
  for (const s of slices) {
    if (s.newPage) {
      addPage(doc, "landscape", M);
      y = M.top;
    }
    const page = currentPage(doc);
    pages.push(page);
    const body = s.rows.map((i) => placed.body[i]!);
    for (const b of body) for (const k of b.keys) rowPages.set(k, page);
    y = drawBlocks(doc, [...(s.withHeader ? [placed.header] : []), ...body], x, y, input.draw);
  }

  y += T.gapBeforeNotes;
  const noteX = x;
  const noteStyle = { size: T.noteSize };
  const lineH = T.noteLineHeight;
  const writeLine = (text: string, style: { size: number }, h: number) => {
    for (const ln of wrapText(text, pageW - noteX - M.right, (t) => measure(doc, t, style))) {
      if (y + h > bottom) {
        addPage(doc, "landscape", M);
        y = M.top;
      }
      drawRun(doc, ln, noteX, y, style);
      y += h;
    }
  };
  for (const note of [...input.table.print.notes, ...(input.table.print.remarks ?? [])]) writeLine(note, noteStyle, lineH);
  if (input.table.empty_statement) {
    y += lineH;
    writeLine(input.table.empty_statement, { size: T.captionSize + 0.5 }, lineH * 1.2);
  }
  return { pages, rowPages };
}
