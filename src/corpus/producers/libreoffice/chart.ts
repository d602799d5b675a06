// The 情况说明's small charts as an SVG picture embedded in the document, as
// a chart pasted into a word processor exports: bars or a pie with data
// labels, in Office's default colours (the geometry of render/chart.ts).
import type { ChartSpec } from "../../source/schema.js";
import { esc } from "./xml.js";

const COLOURS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5"] as const;
const colour = (i: number): string => COLOURS[i % COLOURS.length] ?? "#4472C4";
const label = (v: number): string => v.toFixed(2);
const r2 = (n: number): string => String(Math.round(n * 100) / 100);
const SIZE = 9;

function text(family: string, x: number, y: number, s: string, anchor: "middle" | "start"): string {
  return `<text x="${r2(x)}" y="${r2(y)}" font-family="${esc(family)}" font-size="${SIZE}" text-anchor="${anchor}" fill="#000000">${esc(s)}</text>`;
}

/** The chart in the document's font (default: fontconfig's name for the Noto Sans SC OTFs). */
export function chartSvg(chart: ChartSpec, w: number, h: number, family = "Noto Sans S Chinese"): string {
  const parts = chart.type === "bar" ? bars(chart, w, h, family) : pie(chart, w, h, family);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}pt" height="${h}pt" viewBox="0 0 ${w} ${h}">${parts.join("")}</svg>`;
}

function bars(chart: ChartSpec, w: number, h: number, family: string): string[] {
  const base = h - 16;
  const top = 14;
  const max = Math.max(...chart.series.map((s) => s.value)) * 1.1 || 1;
  const slot = w / chart.series.length;
  const barW = Math.min(60, slot * 0.45);
  const out = [`<line x1="0" y1="${r2(base)}" x2="${r2(w)}" y2="${r2(base)}" stroke="#BFBFBF" stroke-width="0.75"/>`];
  chart.series.forEach((s, i) => {
    const bh = ((base - top) * Math.max(0, s.value)) / max;
    const bx = slot * i + (slot - barW) / 2;
    out.push(`<rect x="${r2(bx)}" y="${r2(base - bh)}" width="${r2(barW)}" height="${r2(bh)}" fill="${colour(0)}"/>`);
    out.push(text(family, bx + barW / 2, base - bh - 3, label(s.value), "middle"));
    out.push(text(family, slot * i + slot / 2, base + 4 + SIZE, s.label, "middle"));
  });
  return out;
}

function pie(chart: ChartSpec, w: number, h: number, family: string): string[] {
  const r = Math.min(h / 2 - 6, w / 4);
  const cx = r + 10;
  const cy = h / 2;
  const total = chart.series.reduce((s, p) => s + p.value, 0) || 1;
  let angle = -Math.PI / 2;
  const out: string[] = [];
  chart.series.forEach((s, i) => {
    const sweep = (2 * Math.PI * s.value) / total;
    if (sweep >= 2 * Math.PI - 1e-9) out.push(`<circle cx="${r2(cx)}" cy="${r2(cy)}" r="${r2(r)}" fill="${colour(i)}"/>`);
    else if (sweep > 0) {
      const [x1, y1] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
      const [x2, y2] = [cx + r * Math.cos(angle + sweep), cy + r * Math.sin(angle + sweep)];
      const large = sweep > Math.PI ? 1 : 0;
      out.push(`<path d="M ${r2(cx)} ${r2(cy)} L ${r2(x1)} ${r2(y1)} A ${r2(r)} ${r2(r)} 0 ${large} 1 ${r2(x2)} ${r2(y2)} Z" fill="${colour(i)}"/>`);
    }
    angle += sweep;
    const ly = h / 2 - (chart.series.length * 16) / 2 + i * 16;
    out.push(`<rect x="${r2(cx + r + 24)}" y="${r2(ly + 1)}" width="8" height="8" fill="${colour(i)}"/>`);
    out.push(text(family, cx + r + 38, ly + SIZE, `${s.label} ${label(s.value)}万元 ${((100 * s.value) / total).toFixed(1)}%`, "start"));
  });
  return out;
}
