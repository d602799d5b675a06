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
   * Control characters in the text as the PDF wrote it, which normalizing made
   * spaces of: they tell a font without a usable ToUnicode map. Absent for none.
   */
  readonly controlChars?: number;
  /** Where images are painted (a scanned page is one image over the whole page). */
  readonly images: readonly Box[];
}
