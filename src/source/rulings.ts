// Ruling lines from the operator list's paths. From pdf.js 5.1 on,
// `constructPath` carries (paintOp, [pathData], minMax) with rectangles as path
// commands, in user space; operators.ts tracks the transform and hands each
// path here with its matrix to display space.
import type { Matrix } from "./pdf.js";
import type { Box, Segment } from "./model.js";

// pdf.js DrawOPS, the path commands inside constructPath's data.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUAD_TO = 3;
const CLOSE = 4;

/** A filled rectangle thinner than this is a drawn line, not a shaded area. */
const THIN_FILL = 2.5;
/** Segments off the axis by more than this are not rulings. */
const AXIS_SLACK = 0.5;

type Point = readonly [number, number];

/** Segments of a path under `m` (user space to display space): its strokes, and its fills unless painted white. */
export function pathSegments(data: ArrayLike<number>, m: Matrix, paint: { stroke: boolean; fill: boolean }): Segment[] {
  const out: Segment[] = [];
  const subpaths = toSubpaths(data, m);
  if (paint.stroke) for (const sp of subpaths) out.push(...strokeSegments(sp));
  if (paint.fill) for (const sp of subpaths) out.push(...fillSegments(sp));
  return out;
}

/** An image is painted into the unit square of its transform. */
export function unitSquare(m: Matrix): Box {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export function isWhite(args: unknown[]): boolean {
  const a = args[0];
  if (typeof a === "string") return /^#?f{6}$/i.test(a);
  return args.length >= 3 && args.slice(0, 3).every((v) => Number(v) >= 250);
}

interface Subpath {
  points: Point[];
  closed: boolean;
}

function toSubpaths(data: ArrayLike<number>, m: Matrix): Subpath[] {
  const apply = (x: number, y: number): Point => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  const subpaths: Subpath[] = [];
  let cur: Subpath | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      cur = { points: [apply(data[i]!, data[i + 1]!)], closed: false };
      subpaths.push(cur);
      i += 2;
    } else if (op === LINE_TO) {
      const p = apply(data[i]!, data[i + 1]!);
      if (cur) cur.points.push(p);
      else subpaths.push((cur = { points: [p], closed: false }));
      i += 2;
    } else if (op === CURVE_TO) {
      // Curves are never rulings; break the subpath so no segment spans them.
      const p = apply(data[i + 4]!, data[i + 5]!);
      cur = { points: [p], closed: false };
      subpaths.push(cur);
      i += 6;
    } else if (op === QUAD_TO) {
      const p = apply(data[i + 2]!, data[i + 3]!);
      cur = { points: [p], closed: false };
      subpaths.push(cur);
      i += 4;
    } else if (op === CLOSE) {
      if (cur) cur.closed = true;
    } else {
      break; // unknown command: stop rather than misread coordinates
    }
  }
  return subpaths;
}

function axisSegment(a: Point, b: Point): Segment | null {
  if (Math.abs(a[1] - b[1]) <= AXIS_SLACK && Math.abs(a[0] - b[0]) > AXIS_SLACK) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), y0: y, x1: Math.max(a[0], b[0]), y1: y };
  }
  if (Math.abs(a[0] - b[0]) <= AXIS_SLACK && Math.abs(a[1] - b[1]) > AXIS_SLACK) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, y0: Math.min(a[1], b[1]), x1: x, y1: Math.max(a[1], b[1]) };
  }
  return null;
}

function strokeSegments(sp: Subpath): Segment[] {
  const pts = sp.closed && sp.points.length > 2 ? [...sp.points, sp.points[0]!] : sp.points;
  const segs: Segment[] = [];
  for (let i = 1; i < pts.length; i++) {
    const s = axisSegment(pts[i - 1]!, pts[i]!);
    if (s) segs.push(s);
  }
  return segs;
}

function fillSegments(sp: Subpath): Segment[] {
  const xs = sp.points.map((p) => p[0]);
  const ys = sp.points.map((p) => p[1]);
  if (sp.points.length < 3) return [];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // Only axis-aligned rectangles count: every corner on the box.
  const onBox = sp.points.every(
    ([x, y]) => (Math.abs(x - x0) <= AXIS_SLACK || Math.abs(x - x1) <= AXIS_SLACK) && (Math.abs(y - y0) <= AXIS_SLACK || Math.abs(y - y1) <= AXIS_SLACK),
  );
  if (!onBox) return [];
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN_FILL && w > h) return [{ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 }];
  if (w <= THIN_FILL && h > w) return [{ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 }];
  // A shaded cell: its borders are cell borders.
  return [
    { x0, y0, x1, y1: y0 },
    { x0, y0: y1, x1, y1 },
    { x0, y0, x1: x0, y1 },
    { x0: x1, y0, x1, y1 },
  ];
}
