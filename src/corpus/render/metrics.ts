// How table text is measured and padded: one set of metrics for every
// producer, so pdfkit and LibreOffice wrap and size cells alike.
import type { GridMetrics } from "../layout/table-grid.js";
import type { Doc } from "./pdf.js";
import { STYLE } from "./style.js";
import { measure } from "./text.js";

export function metricsFor(doc: Doc): GridMetrics {
  return {
    measure: (text, size) => measure(doc, text, { size }),
    padX: STYLE.cellPadX,
    padY: STYLE.table.padY,
    lineFactor: STYLE.table.lineFactor,
    minFontSize: STYLE.minFontSize,
  };
}
