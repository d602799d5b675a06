// What every producer measures with and lays pages out on: text widths from
// the Noto Sans SC metrics pdfkit uses (CJK fonts share their 1 em
// ideographs; figures differ by a little), the table metrics, the page
// geometries of the narrative and the table pages, and a title's size.
import type { GridMetrics } from "../layout/table-grid.js";
import { metricsFor } from "../render/metrics.js";
import { createPdf, type Doc } from "../render/pdf.js";
import { A4, STYLE, type Margins } from "../render/style.js";
import { measure } from "../render/text.js";
import type { FontName } from "../variant.js";
import { fontOf } from "./fonts.js";

let measureDoc: Doc | undefined;
/** Widths measured with Noto Sans SC (pdfkit's metrics). */
export function measurer(): Doc {
  measureDoc ??= createPdf({ title: "", author: "", created: new Date(0) });
  return measureDoc;
}

export function metrics(): GridMetrics {
  return metricsFor(measurer());
}

export function textWidth(text: string, size: number, bold = false): number {
  return measure(measurer(), text, { size, weight: bold ? "bold" : "regular" });
}

const registered = new Set<string>();

/** Widths in the report's own font (regular face), for what must fit exactly: a figure in a tight column. */
export function fontWidth(font: FontName | undefined): (text: string, size: number) => number {
  const spec = fontOf(font);
  const file = spec.files()[0];
  if (font === undefined || font === "Noto Sans SC" || !file) return (text, size) => textWidth(text, size);
  const doc = measurer();
  const name = `face:${font}`;
  if (!registered.has(name)) {
    doc.registerFont(name, file, spec.face);
    registered.add(name);
  }
  return (text, size) => doc.font(name).fontSize(size).widthOfString(text);
}

export interface PageGeometry {
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
}

export const PORTRAIT: PageGeometry = { width: A4.short, height: A4.long, margins: STYLE.portrait };
export const TABLE_LANDSCAPE: PageGeometry = { width: A4.long, height: A4.short, margins: STYLE.landscape };
export const TABLE_PORTRAIT: PageGeometry = { width: A4.short, height: A4.long, margins: STYLE.portraitTable };

export const contentWidth = (g: PageGeometry): number => g.width - g.margins.left - g.margins.right;
export const contentHeight = (g: PageGeometry): number => g.height - g.margins.top - g.margins.bottom;

/** A title wider than the page prints smaller, as shrink-to-fit does (a little slack for the program's own spacing). */
export function titleSizeFor(title: string, room: number): number {
  const T = STYLE.table;
  const full = textWidth(title, T.titleSize, true);
  return full > room * 0.98 ? Math.floor(((T.titleSize * room * 0.98) / full) * 4) / 4 : T.titleSize;
}
