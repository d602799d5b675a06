// Table pages in the variant's geometry. A page's frame is the coordinate
// space its content is drawn in: landscape, portrait, or landscape drawn on
// portrait media that carries /Rotate 90 (viewers show it landscape). The
// frame of every page is kept so later passes (page numbers) draw in it too.
import type { Variant } from "../variant.js";
import { addPage, currentPage, type Doc } from "./pdf.js";
import { A4, STYLE, type Margins } from "./style.js";

export interface PageFrame {
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
}

const frames = new WeakMap<Doc, Map<number, PageFrame>>();

function remember(doc: Doc, frame: PageFrame): PageFrame {
  const map = frames.get(doc) ?? new Map<number, PageFrame>();
  map.set(currentPage(doc), frame);
  frames.set(doc, map);
  return frame;
}

/** The frame of 1-based page n; pages added without one are drawn in their media box. */
export function frameOf(doc: Doc, n: number): PageFrame | undefined {
  return frames.get(doc)?.get(n);
}

export type TablePageVariant = Pick<Variant, "orientation" | "rotated">;

export function addTablePage(doc: Doc, v: TablePageVariant): PageFrame {
  if (v.orientation === "portrait") {
    const m = STYLE.portraitTable;
    addPage(doc, "portrait", m);
    return remember(doc, { width: A4.short, height: A4.long, margins: m });
  }
  const m = STYLE.landscape;
  if (!v.rotated) {
    addPage(doc, "landscape", m);
    return remember(doc, { width: A4.long, height: A4.short, margins: m });
  }
  addPage(doc, "portrait", m);
  Object.assign(doc.page.dictionary.data, { Rotate: 90 });
  // Landscape (x, y) lands on the portrait media at (y, H - x): turned back a
  // quarter clockwise by /Rotate 90, the page reads as landscape.
  doc.transform(0, -1, 1, 0, 0, A4.long);
  return remember(doc, { width: A4.long, height: A4.short, margins: m });
}
