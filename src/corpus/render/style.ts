// Page geometry and type sizes: one place, named, so a variant changes a value
// rather than drawing code. Sizes in PDF points (A4 = 595.28 × 841.89).

export interface Margins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export const A4 = { short: 595.28, long: 841.89 } as const;

export const STYLE = {
  portrait: { top: 72, bottom: 72, left: 80, right: 80 } satisfies Margins,
  landscape: { top: 28, bottom: 34, left: 40, right: 40 } satisfies Margins,
  /** Table pages printed portrait (the Shanghai WPS template). */
  portraitTable: { top: 40, bottom: 44, left: 42, right: 42 } satisfies Margins,
  /** Portrait tables: fixed columns scaled down, name columns capped, so long names wrap over 2–3 lines. */
  portraitFit: { fixedScale: 0.62, maxFlex: 112 },
  /** Forced splits: at most this many body rows on a table page. */
  splitRows: 14,
  /** Page numbers sit this far above the bottom edge. */
  folioFromBottom: 24,
  folioSize: 9,
  /** The cover title box is as wide as the seed's title line ("…网格化服务" / "中心部门决算公开"). */
  cover: { titleSize: 22, titleTop: 250, width: 440, dateSize: 16, dateTop: 560 },
  toc: { titleSize: 18, partSize: 12.5, entrySize: 11, lineGap: 0 },
  // Noto's own line gap makes a line 1.5 × its size before lineGap is added.
  narrative: { partSize: 16, titleSize: 14, headingSize: 13, bodySize: 12, lineGap: 4, paragraphGap: 4, indent: 24 },
  figure: { height: 170, width: 300, captionSize: 10.5, labelSize: 9 },
  /** A ruled table inside the narrative (第四部分). */
  grid: { fontSize: 10.5, headerRowHeight: 22, bodyRowHeight: 20, padY: 3, lineFactor: 1.3 },
  table: {
    /** The once-per-book heading above the first table (Shanghai). */
    headingSize: 18,
    titleSize: 16,
    captionSize: 10,
    noteSize: 9,
    noteLineHeight: 12.2,
    gapAfterTitle: 8,
    gapAfterCaption: 4,
    gapBeforeNotes: 3,
    ruleWidth: 0.5,
    /** Cell text line height over font size, and vertical padding: Excel-tight. */
    lineFactor: 1.15,
    padY: 0.8,
  },
  cellPadX: 3,
  /** Line height over font size for single-line runs (titles, captions). */
  lineFactor: 1.2,
  minFontSize: 5,
} as const;
