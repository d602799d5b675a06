// The small charts that sit above 图 captions in the 情况说明: a bar chart
// (year against year) or a pie (structure), in Office's default colours,
// with data labels as a word processor draws them.
import type { ChartSpec } from "../source/schema.js";
import type { Doc } from "./pdf.js";
import { STYLE } from "./style.js";
import { drawRun, measure } from "./text.js";

const COLOURS = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5"] as const;
const colour = (i: number): string => COLOURS[i % COLOURS.length] ?? "#4472C4";
const label = (v: number): string => v.toFixed(2);

export function drawChart(doc: Doc, chart: ChartSpec, x: number, y: number, w: number, h: number): void {
  if (chart.type === "bar") drawBars(doc, chart, x, y, w, h);
  else drawPie(doc, chart, x, y, w, h);
  // pdfkit re-applies its last fill colour on pages it adds itself; text after a chart stays black.
  doc.fillColor("#000000");
}

function drawBars(doc: Doc, chart: ChartSpec, x: number, y: number, w: number, h: number): void {
  const size = STYLE.figure.labelSize;
  const base = y + h - 16;
  const top = y + 14;
  const max = Math.max(...chart.series.map((s) => s.value)) * 1.1;
  const slot = w / chart.series.length;
  const barW = Math.min(60, slot * 0.45);
  doc.save().lineWidth(0.75).strokeColor("#BFBFBF").moveTo(x, base).lineTo(x + w, base).stroke().restore();
  chart.series.forEach((s, i) => {
    const bh = ((base - top) * s.value) / max;
    const bx = x + slot * i + (slot - barW) / 2;
    doc.save().rect(bx, base - bh, barW, bh).fill(colour(0)).restore();
    const v = label(s.value);
    drawRun(doc, v, bx + (barW - measure(doc, v, { size })) / 2, base - bh - size - 3, { size });
    drawRun(doc, s.label, x + slot * i + (slot - measure(doc, s.label, { size })) / 2, base + 4, { size });
  });
}

function drawPie(doc: Doc, chart: ChartSpec, x: number, y: number, w: number, h: number): void {
  const size = STYLE.figure.labelSize;
  const r = Math.min(h / 2 - 6, w / 4);
  const cx = x + r + 10;
  const cy = y + h / 2;
  const total = chart.series.reduce((s, p) => s + p.value, 0);
  let angle = -Math.PI / 2;
  chart.series.forEach((s, i) => {
    const sweep = (2 * Math.PI * s.value) / total;
    if (sweep >= 2 * Math.PI - 1e-9) {
      doc.save().circle(cx, cy, r).fill(colour(i)).restore();
    } else {
      const [x1, y1] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
      const [x2, y2] = [cx + r * Math.cos(angle + sweep), cy + r * Math.sin(angle + sweep)];
      const large = sweep > Math.PI ? 1 : 0;
      doc.save().path(`M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${large} 1 ${x2} ${y2} Z`).fill(colour(i)).restore();
    }
    angle += sweep;
    const text = `${s.label} ${label(s.value)}万元 ${((100 * s.value) / total).toFixed(1)}%`;
    const ly = y + h / 2 - (chart.series.length * 16) / 2 + i * 16;
    doc.save().rect(cx + r + 24, ly + 1, 8, 8).fill(colour(i)).restore();
    drawRun(doc, text, cx + r + 38, ly, { size });
  });
}
