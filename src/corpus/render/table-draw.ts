// Draws placed table blocks: the cell text and the ruling. Rules are merged
// into the longest runs along each grid line, one stroked segment per run.
import type { PlacedBlock, PlacedCell } from "../layout/table-grid.js";
import { STYLE } from "./style.js";
import type { Doc } from "./pdf.js";
import { drawRun, measure } from "./text.js";

export interface DrawOptions {
  readonly ruled: boolean;
  readonly ruleWidth: number;
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Draws blocks stacked from (x, y); returns the y below the last one. */
export function drawBlocks(doc: Doc, blocks: readonly PlacedBlock[], x: number, y: number, opts: DrawOptions): number {
  const rects: Rect[] = [];
  let top = y;
  for (const block of blocks) {
    for (const c of block.cells) {
      rects.push({ x: x + c.x, y: top + c.y, w: c.w, h: c.h });
      drawCellText(doc, c, x, top);
    }
    top += block.height;
  }
  if (opts.ruled) strokeRules(doc, rects, opts.ruleWidth);
  return top;
}

function drawCellText(doc: Doc, c: PlacedCell, x0: number, y0: number): void {
  const lineH = c.lineHeight;
  const blockH = c.lines.length * lineH;
  let ty = y0 + c.y + (c.h - blockH) / 2 + (lineH - c.fontSize) / 2;
  const left = x0 + c.x;
  const style = { size: c.fontSize };
  for (const line of c.lines) {
    if (c.align === "distribute" && [...line].length > 1) {
      drawDistributed(doc, line, left, c.w, ty, c.fontSize);
    } else {
      const w = measure(doc, line, style);
      const tx =
        c.align === "right" ? left + c.w - STYLE.cellPadX - w
        : c.align === "left" ? left + STYLE.cellPadX
        : left + (c.w - w) / 2;
      drawRun(doc, line, tx, ty, style);
    }
    ty += lineH;
  }
}

/** 分散对齐: characters spread over the cell, each drawn on its own. */
function drawDistributed(doc: Doc, text: string, left: number, width: number, y: number, size: number): void {
  const chars = [...text].filter((ch) => ch.trim() !== "");
  const widths = chars.map((ch) => measure(doc, ch, { size }));
  const inset = Math.max(STYLE.cellPadX, width / 6);
  const gap = (width - 2 * inset - widths.reduce((s, w) => s + w, 0)) / Math.max(1, chars.length - 1);
  let x = left + inset;
  chars.forEach((ch, i) => {
    drawRun(doc, ch, x, y, { size });
    x += (widths[i] ?? 0) + gap;
  });
}

type Run = [fixed: number, from: number, to: number];

function mergeRuns(runs: Run[]): Run[] {
  const key = (v: number) => Math.round(v * 100) / 100;
  const sorted = runs.map(([f, a, b]): Run => [key(f), key(a), key(b)]).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const out: Run[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] === r[0] && r[1] <= last[2] + 0.01) last[2] = Math.max(last[2], r[2]);
    else out.push([...r]);
  }
  return out;
}

function strokeRules(doc: Doc, rects: readonly Rect[], width: number): void {
  const hs = mergeRuns(rects.flatMap((r): Run[] => [[r.y, r.x, r.x + r.w], [r.y + r.h, r.x, r.x + r.w]]));
  const vs = mergeRuns(rects.flatMap((r): Run[] => [[r.x, r.y, r.y + r.h], [r.x + r.w, r.y, r.y + r.h]]));
  doc.save().lineWidth(width).strokeColor("#000000");
  for (const [y, x1, x2] of hs) doc.moveTo(x1, y).lineTo(x2, y);
  for (const [x, y1, y2] of vs) doc.moveTo(x, y1).lineTo(x, y2);
  doc.stroke().restore();
}
