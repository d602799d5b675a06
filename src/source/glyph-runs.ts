// Text runs from the glyphs of the operator list. The text state (PDF 9.3) is
// followed as pdf.js's canvas follows it, so each glyph lands where it is
// painted; glyphs are then joined into runs by position, with the spacing rules
// pdf.js's text extraction uses (a gap over a tenth of the font size is a space,
// over 0.6 of it a new run). Reading text this way spares a second parse of the
// page's content stream: the operator list, needed for the rulings, has it all.
import { normalizeUnicode } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Matrix } from "./pdf.js";
import { multiply } from "./pdf.js";
import type { TextRun } from "./model.js";
import { normalizeText } from "./normalize-text.js";

/** What a run needs to know of a font (pdf.js's exported font data). */
export interface FontInfo {
  /** The font's name: a new font of another name starts a new run. */
  readonly name: string;
  readonly fontMatrix: readonly number[];
  readonly vertical: boolean;
  readonly defaultVMetrics: readonly number[] | null;
}

const DEFAULT_FONT: FontInfo = { name: "", fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: false, defaultVMetrics: null };

/** The text state parameters and matrices (PDF 9.3), as pdf.js's canvas keeps them. */
export interface TextState {
  font: string | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  /** Tz / 100. */
  hScale: number;
  /** The T* step: minus the leading. */
  lineStep: number;
  rise: number;
  matrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

export const newTextState = (): TextState => ({
  font: null,
  size: 0,
  charSpacing: 0,
  wordSpacing: 0,
  hScale: 1,
  lineStep: 0,
  rise: 0,
  matrix: [1, 0, 0, 1, 0, 0],
  x: 0,
  y: 0,
  lineX: 0,
  lineY: 0,
});

export const copyTextState = (s: TextState): TextState => ({ ...s });

/** A glyph of the operator list (pdf.js's Glyph, cloned), or a TJ adjustment. */
interface OpGlyph {
  readonly unicode?: string;
  readonly width?: number;
  readonly isSpace?: boolean;
  readonly vmetric?: readonly number[] | null;
}

// Which characters are not drawn as text (pdf.js's categories, on its own terms).
const WHITESPACE = /^\s/u;
const INVISIBLE = /\p{Cf}$/u;
const DIACRITIC = /\p{Mn}/u;

/** Gaps, in font sizes, that pdf.js's text extraction reads as no space, a space, or a new item. */
const NOT_A_SPACE = 0.03;
const TRACKING_SPACE = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const NEGATIVE_SPACE_MAX = -0.2;
/** A glyph further off the run's baseline than this share of the size starts a new run. */
const BASELINE_SHIFT = 0.25;

interface Run {
  text: string;
  font: string;
  size: number;
  /** Unit vector of the text direction, display space. */
  ux: number;
  uy: number;
  ox: number;
  oy: number;
  ex: number;
  ey: number;
  spaceSeen: boolean;
  /** Display x where each UTF-16 unit of text starts (TextRun.charX without its end). */
  xs: number[];
}

/** Collects the glyphs of a page into runs, in display space. */
export class RunBuilder {
  private readonly runs: TextRun[] = [];
  private run: Run | null = null;

  constructor(
    private readonly viewport: Matrix,
    private readonly width: number,
    private readonly height: number,
    private readonly fontOf: (name: string) => FontInfo | null,
  ) {}

  /** Paints a showText operator's glyphs from the current text position, and advances it. */
  showText(glyphs: readonly (OpGlyph | number)[], state: TextState, ctm: Matrix): void {
    if (state.font === null || state.size === 0) return;
    const font = this.fontOf(state.font) ?? DEFAULT_FONT;
    const direction = state.size < 0 ? -1 : 1;
    const fontSize = Math.abs(state.size);
    const hs = state.hScale * direction;
    const advanceScale = fontSize * (font.fontMatrix[0] ?? 0.001);
    // Text space (after Tm) to display space.
    const m = multiply(this.viewport, multiply(ctm, state.matrix));
    const size = fontSize * Math.hypot(m[2], m[3]);
    const at = (tx: number, ty: number): [number, number] => [m[0] * tx + m[2] * ty + m[4], m[1] * tx + m[3] * ty + m[5]];
    // The direction the text advances in, display space.
    const [ax, ay] = font.vertical ? [-m[2], -m[3]] : [m[0] * hs, m[1] * hs];
    const alen = Math.hypot(ax, ay);
    if (alen === 0) return;
    const u: [number, number] = [ax / alen, ay / alen];
    const y = state.y + state.rise;
    // Another font, size or direction ends the run, even for glyphs that draw nothing (as in pdf.js's
    // text extraction): every glyph placed below then continues the run or starts one by position alone.
    const run = this.run;
    if (run && (run.font !== font.name || Math.abs(run.size - size) > size * 1e-3 || run.ux * u[0] + run.uy * u[1] <= 0.999)) this.endRun();
    let x = 0;
    for (const glyph of glyphs) {
      if (typeof glyph === "number") {
        x += ((font.vertical ? 1 : -1) * glyph * fontSize) / 1000;
        continue;
      }
      const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing;
      const unicode = glyph.unicode ?? "";
      if (font.vertical) {
        const vmetric = glyph.vmetric ?? font.defaultVMetrics;
        const w = (vmetric ? -(vmetric[0] ?? 0) : (glyph.width ?? 0)) * advanceScale;
        this.place(unicode, at(state.x, y - x), at(state.x, y - x - w), size, font.name, u);
        x += w - spacing * direction;
      } else {
        const w = (glyph.width ?? 0) * advanceScale;
        this.place(unicode, at(state.x + x * hs, y), at(state.x + (x + w) * hs, y), size, font.name, u);
        x += w + spacing * direction;
      }
    }
    if (font.vertical) state.y -= x;
    else state.x += x * hs;
  }

  private place(text: string, start: [number, number], end: [number, number], size: number, font: string, [ux, uy]: [number, number]): void {
    if (INVISIBLE.test(text) || size <= 0) return;
    // A glyph with no Unicode still takes its room in the run; a space only marks a gap.
    if (WHITESPACE.test(text)) {
      if (this.run) this.run.spaceSeen = true;
      return;
    }
    const [sx, sy] = start;
    const [ex, ey] = end;
    // Glyphs painted off the page are not part of it (pdf.js drops them too).
    if (Math.max(sx, ex) < 0 || Math.min(sx, ex) > this.width || Math.max(sy, ey) < 0 || Math.min(sy, ey) > this.height) return;
    // A diacritic sits on the glyph before it: it takes no room of its own.
    const diacritic = DIACRITIC.test(text);
    const run = this.run;
    if (run) {
      const dx = sx - run.ex;
      const dy = sy - run.ey;
      const along = (dx * run.ux + dy * run.uy) / size;
      const across = Math.abs(dy * run.ux - dx * run.uy) / size;
      // A space glyph drawn in a gap too narrow for a space parts two runs instead.
      const spaceSplit = run.spaceSeen && along > NOT_A_SPACE && along <= TRACKING_SPACE;
      if (across <= BASELINE_SHIFT && along >= NEGATIVE_SPACE_MAX && along <= SPACE_IN_FLOW_MAX && !spaceSplit) {
        if (along > TRACKING_SPACE) {
          run.text += " ";
          run.xs.push(run.ex);
        }
        run.text += text;
        pushStarts(run.xs, text, sx, ex);
        run.spaceSeen = false;
        if (!diacritic) {
          run.ex = ex;
          run.ey = ey;
        }
        return;
      }
    }
    this.endRun();
    const xs: number[] = [];
    pushStarts(xs, text, sx, ex);
    this.run = { text, font, size, ux, uy, ox: sx, oy: sy, ex: diacritic ? sx : ex, ey: diacritic ? sy : ey, spaceSeen: false, xs };
  }

  /** Ends the run being built: the next glyph starts a new one. */
  endRun(): void {
    const run = this.run;
    this.run = null;
    if (!run) return;
    // Compatibility characters (µ, ligatures, odd spaces) folded as pdf.js's text extraction folds them;
    // radicals and compatibility ideographs as the unified ideographs they stand for.
    const text = normalizeText(normalizeUnicode(run.text)).replace(/\s+/g, " ");
    if (text.trim() === "") return;
    // Where the characters lie, for left-to-right text whose normalizing kept one unit per unit drawn.
    let charX: number[] | undefined;
    if (run.ux > 0.999 && text.length === run.text.length) {
      charX = run.xs;
      charX.push(run.ex);
    }
    const { size } = run;
    if (Math.abs(run.uy) > Math.abs(run.ux)) {
      this.runs.push({
        text,
        x0: run.ox - size * 0.15,
        x1: run.ox + size * 0.85,
        y0: Math.min(run.oy, run.ey),
        y1: Math.max(run.oy, run.ey),
        size,
        vertical: true,
        charX: undefined,
      });
    } else {
      this.runs.push({
        text,
        x0: Math.min(run.ox, run.ex),
        x1: Math.max(run.ox, run.ex),
        // Display space grows downwards: the glyph box sits above the baseline.
        y0: run.oy - size * 0.88,
        y1: run.oy + size * 0.12,
        size,
        vertical: false,
        charX,
      });
    }
  }

  /** Ends the page: the runs in the order they were painted. */
  finish(): TextRun[] {
    this.endRun();
    return this.runs;
  }
}

/** The start of each UTF-16 unit of a glyph's text, the glyph's advance shared among them. */
function pushStarts(xs: number[], text: string, sx: number, ex: number): void {
  const n = text.length;
  if (n === 1) xs.push(sx);
  else for (let i = 0; i < n; i++) xs.push(sx + ((ex - sx) * i) / n);
}
