// The page model: the seam between reading a PDF and everything after it.
// Coordinates are PDF points in the page's displayed orientation (rotation
// applied), origin top-left, y growing downwards — as a reader sees the page.

/** A run of text as the PDF draws it (one glyph or many). */
export interface TextRun {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Top and bottom of the glyph box. */
  readonly y0: number;
  readonly y1: number;
  /** Font size in points (glyph box height). */
  readonly size: number;
  /** Text direction: horizontal runs only are laid out into tables. */
  readonly vertical: boolean;
  /** 0–1 for text recognised by OCR; absent for a text layer. */
  readonly confidence?: number;
  /**
   * Where the glyphs lie: the x at which each UTF-16 unit of text starts (a space
   * where the glyph before it ends), then the run's end: text.length + 1 values.
   * A ruling drawn through a run is placed by these; absent where unknown (OCR,
   * vertical or mirrored text).
   */
  readonly charX?: readonly number[];
}

/** The text one font wrote on a page. */
export interface FontText {
  /** The font's name (pdf.js's, or its loaded name). */
  readonly font: string;
  /** Its text as decoded, runs joined by spaces; only the first FONT_TEXT_SAMPLE characters. */
  readonly text: string;
}

/** How much of a font's text a page keeps: enough to judge it, bounded on a page of one long table. */
export const FONT_TEXT_SAMPLE = 4000;

/** A straight ruling segment, axis-aligned: horizontal (y0 === y1) or vertical (x0 === x1). */
export interface Segment {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** An axis-aligned box in display space. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface PageModel {
  /** 1-based page number. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  /** /Rotate of the page, degrees. */
  readonly rotation: number;
  readonly runs: readonly TextRun[];
  readonly segments: readonly Segment[];
  /**
   * What each font wrote, as the PDF decodes it (before normalizing: control
   * characters kept): a font without a usable ToUnicode map is told by its own
   * text, which a page's other, sound fonts would dilute. Absent for none.
   */
  readonly fonts?: readonly FontText[];
  /** Where images are painted (a scanned page is one image over the whole page). */
  readonly images: readonly Box[];
}
