// Page numbers, added once every page exists (pages are buffered), in each
// page's frame (a rotated table page numbers its landscape bottom edge).
import type { FolioStyle } from "../options.js";
import { frameOf } from "./page-frame.js";
import { pageCount, type Doc } from "./pdf.js";
import { STYLE } from "./style.js";
import { drawRun, measure } from "./text.js";

export function addFolios(doc: Doc, style: FolioStyle, skipFirst = 1): void {
  if (style === "none") return;
  const n = pageCount(doc);
  for (let i = skipFirst; i < n; i++) {
    doc.switchToPage(i);
    const frame = frameOf(doc, i + 1) ?? doc.page;
    const text = style === "dashed" ? `- ${i + 1} -` : String(i + 1);
    const s = { size: STYLE.folioSize };
    const x = (frame.width - measure(doc, text, s)) / 2;
    drawRun(doc, text, x, frame.height - STYLE.folioFromBottom, s);
  }
}
