// Ruling segments -> merged horizontal and vertical edges. Publishers draw
// one rectangle per cell, lines in pieces, or thin filled bars, and their
// coordinates disagree by a point or so: snap, then join collinear pieces.
import type { Segment } from "../source/model.js";
import { clusterPositions, nearestIndex } from "./geometry.js";

export interface Edge {
  /** "h": y is fixed, spans [from, to] in x; "v": x is fixed, spans [from, to] in y. */
  readonly orient: "h" | "v";
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

export interface EdgeSettings {
  /** Positions closer than this are one line. */
  readonly snap: number;
  /** Collinear pieces with a gap up to this are one edge. */
  readonly join: number;
  /** Edges shorter than this are noise (ticks, glyph strokes). */
  readonly minLength: number;
}

export const DEFAULT_EDGE_SETTINGS: EdgeSettings = { snap: 2, join: 3, minLength: 3 };

export function segmentsToEdges(segments: readonly Segment[], s: EdgeSettings = DEFAULT_EDGE_SETTINGS): Edge[] {
  const h = segments.filter((g) => g.y0 === g.y1).map((g) => ({ at: g.y0, from: g.x0, to: g.x1 }));
  const v = segments.filter((g) => g.x0 === g.x1).map((g) => ({ at: g.x0, from: g.y0, to: g.y1 }));
  return [...mergeCollinear("h", h, s), ...mergeCollinear("v", v, s)];
}

function mergeCollinear(orient: "h" | "v", pieces: { at: number; from: number; to: number }[], s: EdgeSettings): Edge[] {
  const lines = clusterPositions(pieces.map((p) => p.at), s.snap);
  const byLine = new Map<number, { from: number; to: number }[]>();
  for (const p of pieces) {
    const i = nearestIndex(lines, p.at, s.snap * 2);
    if (i < 0) continue;
    const list = byLine.get(i) ?? [];
    list.push({ from: p.from, to: p.to });
    byLine.set(i, list);
  }
  const out: Edge[] = [];
  for (const [i, list] of byLine) {
    list.sort((a, b) => a.from - b.from);
    let cur = { ...list[0]! };
    for (const p of list.slice(1)) {
      if (p.from <= cur.to + s.join) cur.to = Math.max(cur.to, p.to);
      else {
        out.push({ orient, at: lines[i]!, ...cur });
        cur = { ...p };
      }
    }
    out.push({ orient, at: lines[i]!, ...cur });
  }
  return out.filter((e) => e.to - e.from >= s.minLength);
}
