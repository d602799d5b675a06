// Text runs from the glyphs of the operator list, built as pdf.js's text
// extraction (getTextContent) builds its items: the same text matrix
// arithmetic, glyph by glyph, and the same rules on the gap from the last
// glyph (a gap over a tenth of the font size is a space, over 0.6 of it or a
// step off the baseline a new item, a space glyph in a narrow gap parts two
// items). Its decisions fall on float sums (a TJ of -102 is a gap of exactly
// 0.102 em), so the sums are done in the same order on the same values.
// Reading text this way spares a second parse of the page's content stream:
// the operator list, needed for the rulings, has it all.
import { normalizeUnicode } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Matrix } from "./pdf.js";
import { FONT_TEXT_SAMPLE, type FontText, type TextRun } from "./model.js";
import { normalizeText } from "./normalize-text.js";

/** What a run needs to know of a font (pdf.js's exported font data). */
export interface FontInfo {
  /** The font's name: a font of another name (or size) starts a new run. */
  readonly name: string;
  readonly fontMatrix: readonly number[];
  /** Written top to bottom (an Identity-V CMap): glyphs advance down, upright. */
  readonly vertical: boolean;
}

const DEFAULT_FONT: FontInfo = { name: "", fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: false };

/** Which glyph is drawn where: a font's code at its origin (display space). */
export interface GlyphAt {
  /** The font's name, as FontText names it. */
  readonly font: string;
  /** The font object's own id (pdf.js's loaded name): a producer may give several subsets one name, each coded its own way. */
  readonly fontId: string;
  /** The code the content stream shows it by: the same glyph, the same code, throughout one font object. */
  readonly code: number;
  /** Its origin on the baseline. */
  readonly x: number;
  readonly y: number;
}

/** One glyph as drawn, for learning what a font without a usable ToUnicode map writes (extract/garbled-fonts.ts). */
export interface PlacedGlyph extends GlyphAt {
  /** What its font's ToUnicode map says it writes. */
  readonly text: string;
  /** Its box (the glyph box of a run: 0.88 of the size above the baseline, 0.12 below). */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * Hooks for a text layer read again: `decode` gives a glyph's text in place of
 * what the font's ToUnicode map says (undefined: as the map says), `onGlyph`
 * sees every upright glyph drawn, spaces and unmapped codes included.
 */
export interface GlyphHooks {
  readonly decode?: (glyph: GlyphAt) => string | undefined;
  readonly onGlyph?: (glyph: PlacedGlyph) => void;
}

/** The text state parameters and matrices (PDF 9.3), as pdf.js's text extraction keeps them. */
export interface TextState {
  font: string | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  /** Tz / 100. */
  hScale: number;
  /** TL. */
  leading: number;
  rise: number;
  /** Tm, moved along as glyphs are shown. */
  matrix: Matrix;
  /** Tlm: where the line started. */
  lineMatrix: Matrix;
}

export const newTextState = (): TextState => ({
  font: null,
  size: 0,
  charSpacing: 0,
  wordSpacing: 0,
  hScale: 1,
  leading: 0,
  rise: 0,
  matrix: [1, 0, 0, 1, 0, 0],
  lineMatrix: [1, 0, 0, 1, 0, 0],
});

export const copyMatrix = (m: Matrix): Matrix => [m[0], m[1], m[2], m[3], m[4], m[5]];

// Spelled out: a q before every text object is common, and a spread is slower.
export const copyTextState = (s: TextState): TextState => ({
  font: s.font,
  size: s.size,
  charSpacing: s.charSpacing,
  wordSpacing: s.wordSpacing,
  hScale: s.hScale,
  leading: s.leading,
  rise: s.rise,
  matrix: copyMatrix(s.matrix),
  lineMatrix: copyMatrix(s.lineMatrix),
});

/** Moves a text matrix by (x, y) in text space, in place (pdf.js's translateTextMatrix). */
export function translate(m: Matrix, x: number, y: number): void {
  m[4] = m[0] * x + m[2] * y + m[4];
  m[5] = m[1] * x + m[3] * y + m[5];
}

/** A glyph of the operator list (pdf.js's Glyph, cloned), or a TJ adjustment. */
interface OpGlyph {
  readonly unicode?: string;
  readonly width?: number;
  readonly originalCharCode?: number;
  readonly vmetric?: readonly number[] | null;
}

// How pdf.js's text extraction treats a glyph by its Unicode: one test, first match wins.
const NORMAL = 0;
const WHITESPACE = 1;
const DIACRITIC = 2;
const INVISIBLE = 3;
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const categories = new Map<string, number>();
function categoryOf(unicode: string): number {
  // Most glyphs: printable ASCII and the CJK unified ideographs.
  if (unicode.length === 1) {
    const code = unicode.charCodeAt(0);
    if ((code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) return NORMAL;
  }
  let c = categories.get(unicode);
  if (c === undefined) {
    const m = SPECIAL.exec(unicode);
    c = !m ? NORMAL : m[1] ? WHITESPACE : m[2] ? DIACRITIC : INVISIBLE;
    categories.set(unicode, c);
  }
  return c;
}

/** Gaps, in font sizes, that pdf.js's text extraction reads as no space, a space, or a new item. */
const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
/** A glyph further off the item's baseline than this share of its height starts a new item. */
const VERTICAL_SHIFT = 0.25;

/**
 * pdf.js's extraction state for one content stream (the page's, or a form
 * XObject's, which starts afresh): the item being built, and what outlives
 * it — where the last glyph ended, the last two characters, the font of the
 * last item.
 */
interface Extraction {
  initialized: boolean;
  text: string;
  /** Strings added to the text (a glyph without Unicode adds an empty one). */
  pieces: number;
  /** Along the item, in its own text space units; `total*` holds what came before a change of scale. */
  width: number;
  totalWidth: number;
  height: number;
  totalHeight: number;
  /** The item's font writes top to bottom. */
  vertical: boolean;
  advanceScale: number;
  trackingSpaceMin: number;
  notASpace: number;
  negativeSpaceMax: number;
  spaceInFlowMin: number;
  spaceInFlowMax: number;
  /** Where the last glyph ended (user space), and the glyph's matrix. */
  hasPrev: boolean;
  prevX: number;
  prevY: number;
  prevA: number;
  prevB: number;
  prevC: number;
  prevD: number;
  prevRise: number;
  /** The last two characters seen, spaces included (pdf.js's twoLastChars). */
  older: string;
  last: string;
  /** The font the last item was begun with. */
  fontSize: number;
  fontLoaded: string | null;
  fontName: string | null;
  fontVertical: boolean;
  /** The item in display space: where it starts, where its last glyph ends, its size and direction. */
  ox: number;
  oy: number;
  ex: number;
  ey: number;
  size: number;
  glyphWidth: number;
  rotated: boolean;
  /** Display x where each UTF-16 unit of text starts (TextRun.charX without its end). */
  xs: number[];
}

const newExtraction = (font: { size: number; loaded: string | null; name: string | null; vertical: boolean }): Extraction => ({
  initialized: false,
  text: "",
  pieces: 0,
  width: 0,
  totalWidth: 0,
  height: 0,
  totalHeight: 0,
  vertical: false,
  advanceScale: 0,
  trackingSpaceMin: Infinity,
  notASpace: -Infinity,
  negativeSpaceMax: -Infinity,
  spaceInFlowMin: 0,
  spaceInFlowMax: 0,
  hasPrev: false,
  prevX: 0,
  prevY: 0,
  prevA: 0,
  prevB: 0,
  prevC: 0,
  prevD: 0,
  prevRise: 0,
  older: " ",
  last: " ",
  fontSize: font.size,
  fontLoaded: font.loaded,
  fontName: font.name,
  fontVertical: font.vertical,
  ox: 0,
  oy: 0,
  ex: 0,
  ey: 0,
  size: 0,
  glyphWidth: 0,
  rotated: false,
  xs: [],
});

/** Collects the glyphs of a page into runs, in display space. */
export class RunBuilder {
  private readonly runs: TextRun[] = [];
  private x: Extraction = newExtraction({ size: 0, loaded: null, name: null, vertical: false });
  private readonly outer: Extraction[] = [];
  // The glyph being placed: its matrix (user space) and its font.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private posX = 0;
  private posY = 0;
  private rise = 0;
  private ctm: Matrix = [1, 0, 0, 1, 0, 0];
  private fontVertical = false;

  constructor(
    private readonly viewport: Matrix,
    /** The page's visible box (user space): glyphs outside it are not the page's. */
    private readonly view: readonly number[],
    private readonly fontOf: (name: string) => FontInfo | null,
    private readonly hooks: GlyphHooks = {},
  ) {}

  /** Shows a showText operator's glyphs from the current text matrix, and moves it on. */
  showText(glyphs: readonly (OpGlyph | number | null)[], state: TextState, ctm: Matrix): void {
    if (state.font === null || state.size === 0) return;
    const font = this.fontOf(state.font) ?? DEFAULT_FONT;
    const x = this.x;
    const fontSize = state.size;
    // Another size, or another font by name or writing direction, ends the item.
    if (x.fontSize !== fontSize || (x.fontLoaded !== state.font && (x.fontName !== font.name || x.fontVertical !== font.vertical))) {
      this.endRun();
      x.fontSize = fontSize;
      x.fontLoaded = state.font;
      x.fontName = font.name;
      x.fontVertical = font.vertical;
    }
    const vertical = font.vertical;
    const hs = state.hScale;
    const tm = state.matrix;
    // The glyph matrix, ctm × Tm × [size·Tz 0 0 size 0 rise], in pdf.js's order; its translation moves with tm.
    const fsh = fontSize * hs;
    const t0 = tm[0] * fsh + tm[2] * 0;
    const t1 = tm[1] * fsh + tm[3] * 0;
    const t2 = tm[0] * 0 + tm[2] * fontSize;
    const t3 = tm[1] * 0 + tm[3] * fontSize;
    this.a = ctm[0] * t0 + ctm[2] * t1;
    this.b = ctm[1] * t0 + ctm[3] * t1;
    this.c = ctm[0] * t2 + ctm[2] * t3;
    this.d = ctm[1] * t2 + ctm[3] * t3;
    this.rise = state.rise;
    this.ctm = ctm;
    this.fontVertical = vertical;
    const scale = (font.fontMatrix[0] ?? 0.001) * fontSize;
    const spaceFactor = ((vertical ? 1 : -1) * fontSize) / 1000;
    const baseCharSpacing = vertical ? -state.charSpacing : state.charSpacing;
    // Glyphs since the last TJ adjustment: an adjustment after one widens that glyph's spacing, one after none moves on its own.
    let chunk = false;
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i];
      if (typeof glyph === "number") {
        if (glyph === 0) continue;
        if (!chunk) {
          // pdf.js adds the character spacing to a lone adjustment too.
          const charSpacing = baseCharSpacing + glyph * spaceFactor;
          if (charSpacing) {
            if (!vertical) translate(tm, charSpacing * hs, 0);
            else translate(tm, 0, -charSpacing);
          }
        }
        chunk = false;
        continue;
      }
      chunk = true;
      const code = glyph?.originalCharCode;
      const decoded = code === undefined || !this.hooks.decode ? undefined : this.hooks.decode({ font: font.name, fontId: state.font, code, ...this.origin(tm) });
      const unicode = decoded ?? glyph?.unicode ?? "";
      if (this.hooks.onGlyph && code !== undefined && !vertical) this.place(font.name, state.font, code, glyph?.unicode ?? "", tm, (glyph?.width ?? 0) * scale * hs);
      const category = categoryOf(unicode);
      if (category === INVISIBLE) continue;
      let charSpacing = baseCharSpacing + this.adjustmentAfter(glyphs, i) * spaceFactor;
      let glyphWidth = glyph?.width ?? 0;
      if (vertical) glyphWidth = glyph?.vmetric ? (glyph.vmetric[0] ?? 0) : -glyphWidth;
      let scaledDim = glyphWidth * scale;
      if (glyph?.originalCharCode === 0x20) charSpacing += state.wordSpacing;
      if (category === WHITESPACE) {
        // A space takes its room and marks the gap; it is no glyph of the item.
        if (!vertical) {
          charSpacing += scaledDim;
          translate(tm, charSpacing * hs, 0);
        } else {
          charSpacing += -scaledDim;
          translate(tm, 0, -charSpacing);
        }
        this.saveLastChar(" ");
        continue;
      }
      this.position(tm);
      if (category !== DIACRITIC && !this.continues(scaledDim)) {
        // Off the page: it takes its room, nothing else (not even its spacing, as in pdf.js).
        if (!vertical) translate(tm, scaledDim * hs, 0);
        else translate(tm, 0, scaledDim);
        continue;
      }
      this.ensureItem(state, ctm);
      const v = this.viewport;
      const sx = v[0] * this.posX + v[2] * this.posY + v[4];
      const lastEnd = x.ex;
      // A diacritic sits on the glyph before it: it takes no room of its own.
      if (category === DIACRITIC) scaledDim = 0;
      if (!vertical) {
        scaledDim *= hs;
        translate(tm, scaledDim, 0);
        x.width += scaledDim;
      } else {
        translate(tm, 0, scaledDim);
        scaledDim = Math.abs(scaledDim);
        x.height += scaledDim;
      }
      if (scaledDim) {
        this.position(tm);
        x.hasPrev = true;
        x.prevX = this.posX;
        x.prevY = this.posY;
        x.prevA = this.a;
        x.prevB = this.b;
        x.prevC = this.c;
        x.prevD = this.d;
        x.prevRise = this.rise;
        x.ex = v[0] * this.posX + v[2] * this.posY + v[4];
        x.ey = v[1] * this.posX + v[3] * this.posY + v[5];
      }
      if (this.saveLastChar(unicode)) {
        x.text += " ";
        x.xs.push(lastEnd);
        x.pieces++;
      }
      x.text += unicode;
      pushStarts(x.xs, unicode, sx, scaledDim ? x.ex : sx);
      x.pieces++;
      if (charSpacing) {
        if (!vertical) translate(tm, charSpacing * hs, 0);
        else translate(tm, 0, -charSpacing);
      }
    }
  }

  /** A new Tm: the item's advances are measured in its scale from here on. */
  setTextMatrix(state: TextState, ctm: Matrix): void {
    const x = this.x;
    if (!x.initialized) return;
    const scale = Math.hypot(ctm[0], ctm[1]) * Math.hypot(state.lineMatrix[0], state.lineMatrix[1]);
    if (scale === x.advanceScale) return;
    if (!x.vertical) {
      x.totalWidth += x.width * x.advanceScale;
      x.width = 0;
    } else {
      x.totalHeight += x.height * x.advanceScale;
      x.height = 0;
    }
    x.advanceScale = scale;
  }

  /** A form XObject's content is extracted afresh (and the page's item ends before it). */
  beginForm(state: TextState): void {
    this.endRun();
    this.outer.push(this.x);
    const font = state.font === null ? null : (this.fontOf(state.font) ?? DEFAULT_FONT);
    this.x = newExtraction({ size: state.size, loaded: state.font, name: font?.name ?? null, vertical: font?.vertical ?? false });
  }

  endForm(): void {
    this.endRun();
    this.x = this.outer.pop() ?? this.x;
  }

  /** Ends the run being built: the next glyph starts a new one. */
  endRun(): void {
    const x = this.x;
    if (!x.initialized) return;
    if (!x.vertical) x.totalWidth += x.width * x.advanceScale;
    else x.totalHeight += x.height * x.advanceScale;
    x.initialized = false;
    // Compatibility characters (µ, ligatures, odd spaces) folded as pdf.js's text extraction folds them;
    // radicals and compatibility ideographs as the unified ideographs they stand for.
    const written = normalizeUnicode(x.text);
    this.tally(x.fontName ?? x.fontLoaded ?? "", written);
    const text = normalizeText(written).replace(/\s+/g, " ");
    // Where the characters lie, for left-to-right text whose normalizing kept one unit per unit drawn.
    const xs = x.xs;
    const charX = !x.vertical && !x.rotated && x.ex >= x.ox && text.length === x.text.length && xs.length === text.length ? xs : undefined;
    charX?.push(x.ex);
    x.xs = [];
    x.text = "";
    x.pieces = 0;
    const { size } = x;
    if (text.trim() === "" || !(size > 0)) return;
    if (x.rotated) {
      this.runs.push({ text, x0: x.ox - size * 0.15, x1: x.ox + size * 0.85, y0: Math.min(x.oy, x.ey), y1: Math.max(x.oy, x.ey), size, vertical: true, charX: undefined });
      return;
    }
    // Upright glyphs of a font written top to bottom: pdf.js's item is one glyph wide, where the first glyph stands.
    const [x0, x1] = x.vertical ? [x.ox, x.ox + x.glyphWidth] : [Math.min(x.ox, x.ex), Math.max(x.ox, x.ex)];
    // Display space grows downwards: the glyph box sits above the baseline.
    this.runs.push({ text, x0, x1, y0: x.oy - size * 0.88, y1: x.oy + size * 0.12, size, vertical: false, charX });
  }

  /** Ends the page: the runs in the order they were painted. */
  finish(): TextRun[] {
    this.endRun();
    return this.runs;
  }

  /** Each font's text as the PDF decoded it (for the text layer's health). */
  private readonly written = new Map<string, string>();

  private tally(font: string, text: string): void {
    const had = this.written.get(font) ?? "";
    if (had.length >= FONT_TEXT_SAMPLE || text.trim() === "") return;
    this.written.set(font, (had === "" ? text : `${had} ${text}`).slice(0, FONT_TEXT_SAMPLE));
  }

  /** What each font wrote on the page, in the order the fonts were first used. */
  fonts(): FontText[] {
    return [...this.written].map(([font, text]) => ({ font, text }));
  }

  /** Where the glyph about to be shown at `tm` has its origin, in display space. */
  private origin(tm: Matrix): { x: number; y: number } {
    const v = this.viewport;
    const m = this.ctm;
    const ux = m[0] * (tm[2] * this.rise + tm[4]) + m[2] * (tm[3] * this.rise + tm[5]) + m[4];
    const uy = m[1] * (tm[2] * this.rise + tm[4]) + m[3] * (tm[3] * this.rise + tm[5]) + m[5];
    return { x: v[0] * ux + v[2] * uy + v[4], y: v[1] * ux + v[3] * uy + v[5] };
  }

  /** Reports the glyph about to be shown at `tm`, `advance` wide (text space), to onGlyph: upright glyphs only. */
  private place(font: string, fontId: string, code: number, text: string, tm: Matrix, advance: number): void {
    const end = copyMatrix(tm);
    translate(end, advance, 0);
    const { x, y } = this.origin(tm);
    const { x: ex, y: ey } = this.origin(end);
    // Turned text (a rotated table) is left to OCR: its glyph boxes are not upright.
    if (Math.abs(ey - y) > Math.abs(ex - x) * 0.1) return;
    const v = this.viewport;
    const { c, d } = this;
    const size = Math.hypot(v[0] * c + v[2] * d, v[1] * c + v[3] * d);
    this.hooks.onGlyph!({ font, fontId, code, x, y, text, x0: Math.min(x, ex), x1: Math.max(x, ex), y0: y - size * 0.88, y1: y + size * 0.12 });
  }

  /** The TJ adjustment right after glyph i (zeros are none), 0 when a glyph comes first. */
  private adjustmentAfter(glyphs: readonly (OpGlyph | number | null)[], i: number): number {
    for (let j = i + 1; j < glyphs.length; j++) {
      const g = glyphs[j];
      if (typeof g !== "number") return 0;
      if (g !== 0) return g;
    }
    return 0;
  }

  /** The glyph's origin in user space, from the text matrix (pdf.js's getCurrentTextTransform). */
  private position(tm: Matrix): void {
    const t4 = tm[0] * 0 + tm[2] * this.rise + tm[4];
    const t5 = tm[1] * 0 + tm[3] * this.rise + tm[5];
    const m = this.ctm;
    this.posX = m[0] * t4 + m[2] * t5 + m[4];
    this.posY = m[1] * t4 + m[3] * t5 + m[5];
  }

  /** Begins an item at the glyph being placed, unless one is being built (pdf.js's ensureTextContentItem). */
  private ensureItem(state: TextState, ctm: Matrix): void {
    const x = this.x;
    if (x.initialized) return;
    const { a, b, c, d } = this;
    if (!this.fontVertical) {
      x.width = x.totalWidth = 0;
      x.height = x.totalHeight = Math.hypot(c, d);
      x.vertical = false;
    } else {
      x.width = x.totalWidth = Math.hypot(a, b);
      x.height = x.totalHeight = 0;
      x.vertical = true;
    }
    x.advanceScale = Math.hypot(ctm[0], ctm[1]) * Math.hypot(state.lineMatrix[0], state.lineMatrix[1]);
    const fontSize = state.size;
    x.trackingSpaceMin = fontSize * TRACKING_SPACE;
    x.notASpace = fontSize * NOT_A_SPACE;
    x.negativeSpaceMax = fontSize * NEGATIVE_SPACE;
    x.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN;
    x.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX;
    x.initialized = true;
    // Its place in display space.
    const v = this.viewport;
    x.ox = x.ex = v[0] * this.posX + v[2] * this.posY + v[4];
    x.oy = x.ey = v[1] * this.posX + v[3] * this.posY + v[5];
    const da = v[0] * a + v[2] * b;
    const db = v[1] * a + v[3] * b;
    x.size = Math.hypot(v[0] * c + v[2] * d, v[1] * c + v[3] * d);
    x.glyphWidth = Math.hypot(da, db);
    x.rotated = Math.abs(db) > Math.abs(da);
  }

  /**
   * Whether the glyph being placed is the page's, and how it follows the last
   * one: a space, a new item, a new line (pdf.js's compareWithLastPosition).
   */
  private continues(glyphWidth: number): boolean {
    const x = this.x;
    const vb = this.view;
    let posX = this.posX;
    let posY = this.posY;
    if (this.fontVertical) {
      if (posX < vb[0]! || posX > vb[2]! || posY + glyphWidth < vb[1]! || posY > vb[3]!) return false;
    } else if (posX + glyphWidth < vb[0]! || posX > vb[2]! || posY < vb[1]! || posY > vb[3]!) return false;
    if (!x.hasPrev) return true;
    let lastX = x.prevX;
    let lastY = x.prevY;
    if (lastX === posX && lastY === posY) return true;
    const { a, b, c, d } = this;
    if (a && b === 0 && c === 0) {
      if (a < 0) [posX, posY, lastX, lastY] = [-posX, -posY, -lastX, -lastY];
    } else if (b && a === 0 && d === 0) {
      if (b > 0) [posX, posY, lastX, lastY] = [posY, posX, lastY, lastX];
      else [posX, posY, lastX, lastY] = [-posY, -posX, -lastY, -lastX];
    } else {
      const s = Math.hypot(a, b);
      [posX, posY] = [(a * posX + b * posY) / s, (c * posX + d * posY) / s];
      const ps = Math.hypot(x.prevA, x.prevB);
      [lastX, lastY] = [(x.prevA * lastX + x.prevB * lastY) / ps, (x.prevC * lastX + x.prevD * lastY) / ps];
    }
    if (this.fontVertical) {
      const advanceY = (lastY - posY) / x.advanceScale;
      const advanceX = posX - lastX;
      const orientation = Math.sign(x.height || x.totalHeight);
      if (advanceY < orientation * x.negativeSpaceMax) {
        if (Math.abs(advanceX) > 0.5 * x.width) return this.endLine();
        this.resetLastChars();
        this.endRun();
        return true;
      }
      if (Math.abs(advanceX) > x.width) return this.endLine();
      if (advanceY <= orientation * x.notASpace) this.resetLastChars();
      if (advanceY <= orientation * x.trackingSpaceMin) {
        if (this.spaceBefore()) {
          this.resetLastChars();
          this.endRun();
        } else x.height += advanceY;
      } else if (!this.fakeSpace(advanceY, orientation)) {
        if (x.pieces === 0) this.resetLastChars();
        else x.height += advanceY;
      }
      if (Math.abs(advanceX) > x.width * VERTICAL_SHIFT) this.endRun();
      return true;
    }
    const advanceX = (posX - lastX) / x.advanceScale;
    const advanceY = posY - lastY;
    const orientation = Math.sign(x.width || x.totalWidth);
    if (advanceX < orientation * x.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * x.height) return this.endLine();
      this.resetLastChars();
      this.endRun();
      return true;
    }
    const riseDelta = this.rise - x.prevRise;
    const fontSize = x.fontSize;
    const advanceYCorrected = riseDelta === 0 ? advanceY : advanceY - (d / fontSize) * riseDelta;
    if (Math.abs(advanceYCorrected) > x.height) return this.endLine();
    if (advanceX <= orientation * x.notASpace) this.resetLastChars();
    if (advanceX <= orientation * x.trackingSpaceMin) {
      // A space glyph in a gap too narrow for a space parts two items.
      if (this.spaceBefore()) {
        this.resetLastChars();
        this.endRun();
      } else x.width += advanceX;
    } else if (!this.fakeSpace(advanceX, orientation)) {
      if (x.pieces === 0) this.resetLastChars();
      else x.width += advanceX;
    }
    // Off the baseline: the item ends (after the space the gap earned it).
    if (Math.abs(advanceY) > x.height * VERTICAL_SHIFT) this.endRun();
    return true;
  }

  /** A gap in the flow of the text is a space in the item; a wider one ends it (pdf.js's addFakeSpaces). */
  private fakeSpace(gap: number, orientation: number): boolean {
    const x = this.x;
    if (orientation * x.spaceInFlowMin <= gap && gap <= orientation * x.spaceInFlowMax) {
      if (x.initialized) {
        this.resetLastChars();
        x.text += " ";
        x.xs.push(x.ex);
        x.pieces++;
      }
      return false;
    }
    this.endRun();
    this.resetLastChars();
    return true;
  }

  private endLine(): true {
    this.resetLastChars();
    this.endRun();
    return true;
  }

  /** The character before last was no space and the last one was (pdf.js's shouldAddWhitepsace). */
  private spaceBefore(): boolean {
    return this.x.older !== " " && this.x.last === " ";
  }

  private saveLastChar(char: string): boolean {
    const x = this.x;
    const space = x.older !== " " && x.last === " ";
    x.older = x.last;
    x.last = char;
    return space;
  }

  private resetLastChars(): void {
    this.x.older = this.x.last = " ";
  }
}

/** The start of each UTF-16 unit of a glyph's text, the glyph's advance shared among them. */
function pushStarts(xs: number[], text: string, sx: number, ex: number): void {
  const n = text.length;
  if (n === 1) xs.push(sx);
  else for (let i = 0; i < n; i++) xs.push(sx + ((ex - sx) * i) / n);
}
