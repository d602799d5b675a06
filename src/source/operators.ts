// One walk over a page's operator list gives everything the page model holds:
// text runs, ruling segments, image boxes. The graphics state (the transform,
// the fill colour) is tracked as pdf.js's canvas tracks it: save/restore,
// transform, form XObjects; the text state as its text extraction does.
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Matrix } from "./pdf.js";
import { multiply } from "./pdf.js";
import type { Box, FontText, Segment, TextRun } from "./model.js";
import { isWhite, pathSegments, unitSquare } from "./rulings.js";
import { asWritten, printedDecimals } from "./written-numbers.js";
import { copyMatrix, copyTextState, newTextState, RunBuilder, translate, type FontInfo, type GlyphHooks, type TextState } from "./glyph-runs.js";

export interface PageContent {
  readonly runs: TextRun[];
  readonly segments: Segment[];
  readonly images: Box[];
  /** What each font wrote, as decoded. */
  readonly fonts: FontText[];
}

interface State {
  ctm: Matrix;
  fillWhite: boolean;
  text: TextState;
}

// The operator codes as constants: a switch over property reads compares case by case.
const {
  beginAnnotation,
  beginMarkedContent,
  beginMarkedContentProps,
  beginText,
  constructPath,
  endAnnotation,
  endMarkedContent,
  moveText,
  nextLine,
  paintFormXObjectBegin,
  paintFormXObjectEnd,
  restore,
  save,
  setCharSpacing,
  setFillGray,
  setFillRGBColor,
  setFont,
  setGState,
  setHScale,
  setLeading,
  setLeadingMoveText,
  setTextMatrix,
  setTextRise,
  setWordSpacing,
  showText,
  transform,
} = OPS;

const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup]);
const XOBJECT_IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintImageXObjectRepeat]);
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
// Spelled out: Array.from over a Float32Array is slow, and there is one per text object.
const matrixOf = (m: ArrayLike<unknown>): Matrix => [num(m[0]), num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5])];

/** The fonts a page's operator list sets (pdf.js's loaded names). */
export function fontNames(fnArray: readonly number[], argsArray: readonly unknown[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== setFont) continue;
    const name = (argsArray[i] as unknown[] | null)?.[0];
    if (typeof name === "string") names.add(name);
  }
  return names;
}

export function readOperators(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  viewport: Matrix,
  view: readonly number[],
  fontOf: (name: string) => FontInfo | null,
  hooks: GlyphHooks = {},
): PageContent {
  const text = new RunBuilder(viewport, view, fontOf, hooks);
  // Looked for when a matrix first needs it: most pages' text matrices are whole numbers or short decimals.
  let decimals: number | null = null;
  let scanned = false;
  const writtenMatrixOf = (m: ArrayLike<unknown>): Matrix => {
    const f = matrixOf(m);
    if (f.every(Number.isInteger)) return f;
    if (!scanned) {
      decimals = printedDecimals(fnArray, argsArray);
      scanned = true;
    }
    return [asWritten(f[0], decimals), asWritten(f[1], decimals), asWritten(f[2], decimals), asWritten(f[3], decimals), asWritten(f[4], decimals), asWritten(f[5], decimals)];
  };
  const segments: Segment[] = [];
  const images: Box[] = [];
  let s: State = { ctm: [1, 0, 0, 1, 0, 0], fillWhite: false, text: newTextState() };
  const stack: State[] = [];
  const push = (): void => {
    stack.push(s);
    s = { ctm: s.ctm, fillWhite: s.fillWhite, text: copyTextState(s.text) };
  };
  const pop = (): void => {
    s = stack.pop() ?? s;
  };
  // Annotation appearances are drawn (their rulings count) but their text is not the page's (pdf.js's text extraction leaves it out too).
  let inAnnotation = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] as unknown[] | null) ?? [];
    const t = s.text;
    switch (fn) {
      case save:
        push();
        break;
      case restore:
        pop();
        break;
      case transform:
        s.ctm = multiply(s.ctm, matrixOf(args));
        break;
      case paintFormXObjectBegin: {
        text.beginForm(s.text);
        push();
        const m = args[0] as ArrayLike<number> | null;
        if (m && m.length === 6) s.ctm = multiply(s.ctm, writtenMatrixOf(m));
        break;
      }
      case paintFormXObjectEnd:
        text.endForm();
        pop();
        break;
      // Marked content (a tagged PDF's spans) bounds runs, as in pdf.js's text extraction.
      case beginMarkedContent:
      case beginMarkedContentProps:
      case endMarkedContent:
        text.endRun();
        break;
      case setGState:
        for (const entry of (args[0] as unknown[] | undefined) ?? []) {
          const [key, value] = Array.isArray(entry) ? entry : [];
          if (key !== "Font" || !Array.isArray(value)) continue;
          text.endRun();
          t.font = typeof value[0] === "string" ? value[0] : null;
          t.size = num(value[1]);
        }
        break;
      case beginAnnotation:
        inAnnotation++;
        break;
      case endAnnotation:
        inAnnotation = Math.max(0, inAnnotation - 1);
        break;
      case setFillRGBColor:
        s.fillWhite = isWhite(args);
        break;
      case setFillGray:
        s.fillWhite = num(args[0]) >= 0.99;
        break;
      case constructPath: {
        const paintOp = args[0] as number;
        const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
        if (data) segments.push(...pathSegments(data, multiply(viewport, s.ctm), { stroke: STROKE_OPS.has(paintOp), fill: FILL_OPS.has(paintOp) && !s.fillWhite }));
        break;
      }
      case beginText:
        t.matrix = [1, 0, 0, 1, 0, 0];
        t.lineMatrix = [1, 0, 0, 1, 0, 0];
        break;
      case setFont:
        t.font = typeof args[0] === "string" ? args[0] : null;
        t.size = num(args[1]);
        break;
      case setTextMatrix: {
        const m = args[0] as ArrayLike<number> | null;
        if (m && m.length === 6) {
          t.matrix = writtenMatrixOf(m);
          t.lineMatrix = copyMatrix(t.matrix);
        }
        text.setTextMatrix(t, s.ctm);
        break;
      }
      case setLeadingMoveText:
        t.leading = -num(args[1]);
        moveLine(t, num(args[0]), num(args[1]));
        break;
      case moveText:
        moveLine(t, num(args[0]), num(args[1]));
        break;
      case nextLine:
        moveLine(t, 0, -t.leading);
        break;
      case setLeading:
        t.leading = num(args[0]);
        break;
      case setCharSpacing:
        t.charSpacing = num(args[0]);
        break;
      case setWordSpacing:
        t.wordSpacing = num(args[0]);
        break;
      case setHScale:
        t.hScale = num(args[0]) / 100;
        break;
      case setTextRise:
        t.rise = num(args[0]);
        break;
      case showText: {
        const glyphs = args[0];
        if (Array.isArray(glyphs) && inAnnotation === 0) text.showText(glyphs, t, s.ctm);
        break;
      }
      default:
        if (fn === undefined || !IMAGE_OPS.has(fn)) break;
        images.push(unitSquare(multiply(viewport, s.ctm)));
        // An image XObject (Do) ends the text item, as in pdf.js's text extraction; an inline one does not.
        if (XOBJECT_IMAGE_OPS.has(fn)) text.endRun();
    }
  }
  return { runs: text.finish(), segments, images, fonts: text.fonts() };
}

/** Td and T*: the line matrix moves, and the text matrix starts there (pdf.js's translateTextLineMatrix). */
function moveLine(t: TextState, x: number, y: number): void {
  translate(t.lineMatrix, x, y);
  t.matrix = copyMatrix(t.lineMatrix);
}
