// Inline SVG charts, as strings: grouped vertical bars by year, and
// horizontal bars in blocks (a year's units side by side). No library, no
// script: each mark carries its figure in a <title> (the browser's tooltip)
// and in data-* attributes. Text is laid out from an estimate of its width
// (a CJK character is 1 em, a digit about 0.6 em), so labels are placed,
// thinned or shortened here rather than measured in a browser. Pure.

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface Bar {
  readonly series: string;
  /** 万元; null: not read (a mark on the baseline says so). */
  readonly value: number | null;
  /** Nothing to draw: the report has no such line (a class it does not spend on). */
  readonly absent?: boolean;
  readonly title: string;
  readonly data: Readonly<Record<string, string | number>>;
}

export interface Group {
  readonly label: string;
  /** One per series, in the order of the series. */
  readonly bars: readonly Bar[];
}

export interface GroupedBars {
  /** data-chart of the <svg>. */
  readonly chart: string;
  /** What the chart shows, for screen readers (aria-label). */
  readonly label: string;
  readonly series: readonly Series[];
  readonly groups: readonly Group[];
  /** The widest the chart may be; fewer groups make it narrower. */
  readonly width: number;
  readonly plotHeight?: number;
}

/** The widest bar; a chart of few groups is narrowed rather than its bars widened. */
const MAX_BAR = 48;

const FONT = 12;
const SMALL = 10;
const AXIS = "#555";
const GRID = "#e3e3e3";
const INK = "#222";

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const EXACT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A figure as a label: thousands grouped, at most 2 decimals. */
export function formatAmount(v: number): string {
  return NUMBER.format(v);
}

/** A figure as stored, for tooltips. */
export function formatExact(v: number): string {
  return EXACT.format(v);
}

/** Estimated advance of a string at a font size: wide (CJK, fullwidth) characters 1 em, others by class. */
export function textWidth(s: string, size: number): number {
  let em = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2e80) em += 1;
    else if (/[0-9]/.test(ch)) em += 0.64;
    else if (/[.,:;'|!il ]/.test(ch)) em += 0.33;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else em += 0.6;
  }
  return em * size;
}

/** Shortens a label to fit a width, ending it with "…". */
export function fitText(s: string, size: number, width: number): string {
  if (textWidth(s, size) <= width) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`, size) > width) chars.pop();
  return `${chars.join("")}…`;
}

export interface Scale {
  readonly ticks: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
}

/** Round ticks covering 0 and every value: about `target` of them, steps of 1, 2 or 5 × 10ⁿ. */
export function niceScale(values: readonly number[], target = 5): Scale {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (hi - lo === 0) return { ticks: [0, 1], min: 0, max: 1, decimals: 0 };
  const rough = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const norm = rough / mag;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(round(i * step));
  return { ticks, min: ticks[0]!, max: ticks[ticks.length - 1]!, decimals: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
}

function tickLabel(v: number, decimals: number): string {
  return new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
}

function round(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

function px(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function dataAttrs(data: Readonly<Record<string, string | number>>): string {
  return Object.entries(data)
    .map(([k, v]) => ` data-${k}="${esc(String(v))}"`)
    .join("");
}

interface LegendLayout {
  readonly svg: string;
  readonly height: number;
}

/** Swatches and names, left to right, wrapping at the width. */
function legend(series: readonly Series[], x0: number, width: number): LegendLayout {
  const line = FONT + 8;
  let x = x0;
  let y = 0;
  const items: string[] = [];
  for (const s of series) {
    const w = 14 + textWidth(s.label, FONT) + 16;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += line;
    }
    items.push(
      `<g class="legend-item" data-series="${esc(s.key)}"><rect x="${px(x)}" y="${px(y + 2)}" width="10" height="10" fill="${s.color}"/>` +
        `<text x="${px(x + 14)}" y="${px(y + 11)}">${esc(s.label)}</text></g>`,
    );
    x += w;
  }
  return { svg: `<g class="legend" font-size="${FONT}" fill="${INK}">${items.join("")}</g>`, height: y + line };
}

/** Vertical bars, one group per year (or other label), one bar per series, with a value axis in 万元. */
export function groupedBars(spec: GroupedBars): string {
  const { series, groups } = spec;
  const plotHeight = spec.plotHeight ?? 220;
  const values = groups.flatMap((g) => g.bars.map((b) => b.value)).filter((v): v is number => v !== null);
  const scale = niceScale(values);
  const tickText = scale.ticks.map((t) => tickLabel(t, scale.decimals));
  const left = Math.ceil(Math.max(...tickText.map((t) => textWidth(t, FONT)), textWidth("万元", FONT)) + 12);
  const right = 8;
  const legendLine = series.reduce((w, s) => w + 30 + textWidth(s.label, FONT), 0);
  const natural = (groups.length * Math.max(series.length * MAX_BAR, 40)) / 0.8;
  const plotWidth = Math.min(spec.width - left - right, Math.max(natural, legendLine, 240));
  const width = Math.ceil(left + plotWidth + right);
  const leg = legend(series, left, plotWidth);
  const top = leg.height + FONT + 18; // legend, then the axis title above the top tick's label
  const bottom = FONT + 14;
  const height = top + plotHeight + bottom;
  const y = (v: number) => top + ((scale.max - v) / (scale.max - scale.min)) * plotHeight;

  const parts: string[] = [];
  parts.push(leg.svg);
  parts.push(`<text class="axis-title" x="${px(left - 6)}" y="${px(top - 14)}" text-anchor="end" font-size="${FONT}" fill="${AXIS}">万元</text>`);
  const axis = scale.ticks.map(
    (t, i) =>
      `<line x1="${left}" x2="${px(left + plotWidth)}" y1="${px(y(t))}" y2="${px(y(t))}" stroke="${t === 0 ? AXIS : GRID}"/>` +
      `<text x="${left - 6}" y="${px(y(t) + FONT * 0.35)}" text-anchor="end">${tickText[i]}</text>`,
  );
  parts.push(`<g class="value-axis" font-size="${FONT}" fill="${AXIS}">${axis.join("")}</g>`);

  const groupWidth = plotWidth / Math.max(1, groups.length);
  const inner = groupWidth * 0.8;
  const barWidth = Math.min(MAX_BAR, inner / Math.max(1, series.length));
  const labels: string[] = [];
  // Group labels thinned when they would touch (many years on a narrow chart).
  const every = Math.max(1, Math.ceil((Math.max(0, ...groups.map((g) => textWidth(g.label, FONT))) + 8) / groupWidth));
  groups.forEach((g, gi) => {
    const cx = left + groupWidth * (gi + 0.5);
    const x0 = cx - (barWidth * g.bars.length) / 2;
    if (gi % every === 0) labels.push(`<text class="group-label" x="${px(cx)}" y="${px(top + plotHeight + FONT + 6)}" text-anchor="middle">${esc(g.label)}</text>`);
    const bars = g.bars.map((b, bi) => {
      const color = series.find((s) => s.key === b.series)?.color ?? "#888";
      const x = x0 + bi * barWidth;
      const attrs = `class="bar"${dataAttrs({ series: b.series, ...b.data, value: b.value === null ? "" : String(b.value) })}`;
      if (b.absent === true) return `<g ${attrs} data-absent="true"><title>${esc(b.title)}</title></g>`;
      if (b.value === null) {
        return `<g ${attrs}><title>${esc(b.title)}</title><text x="${px(x + barWidth / 2)}" y="${px(y(0) - 3)}" text-anchor="middle" font-size="${SMALL}" fill="${AXIS}">n/a</text></g>`;
      }
      const y0 = y(Math.max(0, b.value));
      const h = Math.max(Math.abs(y(b.value) - y(0)), b.value === 0 ? 0 : 0.5);
      return `<g ${attrs}><title>${esc(b.title)}</title><rect x="${px(x + 1)}" y="${px(y0)}" width="${px(Math.max(1, barWidth - 2))}" height="${px(h)}" fill="${color}"/>${valueLabel(b.value, x + barWidth / 2, y0, h, barWidth, color)}</g>`;
    });
    parts.push(`<g class="group" data-group="${esc(g.label)}">${bars.join("")}</g>`);
  });
  parts.push(`<g class="group-axis" font-size="${FONT}" fill="${INK}">${labels.join("")}</g>`);
  return svg(spec.chart, spec.label, width, height, parts);
}

/**
 * A bar's figure, upright above it when it fits the bar's width, else turned
 * to run along the bar: inside it (white) when the bar is long enough, above it otherwise.
 */
function valueLabel(value: number, cx: number, top: number, h: number, barWidth: number, color: string): string {
  const text = formatAmount(value);
  const w = textWidth(text, SMALL);
  if (value < 0) return "";
  if (w + 4 <= barWidth) {
    return `<text class="value" x="${px(cx)}" y="${px(top - 3)}" text-anchor="middle" font-size="${SMALL}" fill="${INK}">${text}</text>`;
  }
  if (barWidth < SMALL + 2) return "";
  const inside = h >= w + 8;
  const ty = inside ? top + 4 : top - 3;
  return `<text class="value" transform="translate(${px(cx + SMALL * 0.35)},${px(ty)}) rotate(-90)" text-anchor="${inside ? "end" : "start"}" font-size="${SMALL}" fill="${inside && !light(color) ? "#fff" : INK}">${text}</text>`;
}

/** A colour pale enough that white text on it is hard to read. */
function light(color: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (m === null) return false;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.55;
}

export interface HorizontalRow {
  readonly label: string;
  /** A link for the label (a unit's section). */
  readonly href?: string;
  readonly value: number | null;
  readonly title: string;
  readonly data: Readonly<Record<string, string | number>>;
}

export interface HorizontalBlock {
  /** The block's heading (a year). */
  readonly label: string;
  readonly rows: readonly HorizontalRow[];
}

export interface HorizontalBars {
  readonly chart: string;
  readonly label: string;
  readonly blocks: readonly HorizontalBlock[];
  readonly width: number;
  readonly color: string;
}

/** Horizontal bars in blocks (one per year), each row named on the left, its figure at the bar's end. */
export function horizontalBars(spec: HorizontalBars): string {
  const { width, blocks } = spec;
  const rows = blocks.flatMap((b) => b.rows);
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const scale = niceScale(values);
  const tickText = scale.ticks.map((t) => tickLabel(t, scale.decimals));
  const maxLabel = Math.min(Math.max(0, ...rows.map((r) => textWidth(r.label, FONT))), width * 0.36);
  const left = Math.ceil(maxLabel + 16);
  const valueRoom = Math.ceil(Math.max(textWidth(tickText[tickText.length - 1] ?? "", FONT) / 2, ...values.map((v) => textWidth(formatAmount(v), SMALL) + 6)) + 4);
  const plotWidth = width - left - valueRoom;
  const x = (v: number) => left + ((v - scale.min) / (scale.max - scale.min)) * plotWidth;
  const rowHeight = 20;
  const blockHead = 22;
  const top = FONT + 16; // the axis title and tick labels above the plot
  let cursor = top + 4;
  const body: string[] = [];
  for (const block of blocks) {
    body.push(`<text class="block-label" x="0" y="${px(cursor + FONT + 2)}" font-size="${FONT}" font-weight="600" fill="${INK}">${esc(block.label)}</text>`);
    cursor += blockHead;
    const bars = block.rows.map((r) => {
      const cy = cursor + rowHeight / 2;
      const shown = fitText(r.label, FONT, maxLabel);
      const name = `<text class="row-label" x="${left - 8}" y="${px(cy + FONT * 0.35)}" text-anchor="end" font-size="${FONT}" fill="${INK}">${shown !== r.label ? `<title>${esc(r.label)}</title>` : ""}${esc(shown)}</text>`;
      const label = r.href === undefined ? name : `<a href="${esc(r.href)}">${name}</a>`;
      const attrs = `class="bar"${dataAttrs({ ...r.data, value: r.value === null ? "" : String(r.value) })}`;
      cursor += rowHeight;
      if (r.value === null) {
        return `${label}<g ${attrs}><title>${esc(r.title)}</title><text x="${px(x(0) + 4)}" y="${px(cy + SMALL * 0.35)}" font-size="${SMALL}" fill="${AXIS}">n/a</text></g>`;
      }
      const x0 = x(Math.min(0, r.value));
      const w = Math.max(Math.abs(x(r.value) - x(0)), r.value === 0 ? 0 : 0.5);
      const end = x(Math.max(0, r.value));
      return `${label}<g ${attrs}><title>${esc(r.title)}</title><rect x="${px(x0)}" y="${px(cy - 6)}" width="${px(w)}" height="12" fill="${spec.color}"/><text class="value" x="${px(end + 4)}" y="${px(cy + SMALL * 0.35)}" font-size="${SMALL}" fill="${INK}">${formatAmount(r.value)}</text></g>`;
    });
    body.push(`<g class="block" data-block="${esc(block.label)}">${bars.join("")}</g>`);
    cursor += 4;
  }
  const bottom = cursor + 4;
  const axis = scale.ticks.map(
    (t, i) =>
      `<line x1="${px(x(t))}" x2="${px(x(t))}" y1="${top}" y2="${px(bottom)}" stroke="${t === 0 ? AXIS : GRID}"/>` +
      `<text x="${px(x(t))}" y="${top - 4}" text-anchor="middle">${tickText[i]}</text>`,
  );
  // Tick labels thinned when they would touch.
  const spacing = scale.ticks.length > 1 ? x(scale.ticks[1]!) - x(scale.ticks[0]!) : plotWidth;
  const every = Math.max(1, Math.ceil((Math.max(...tickText.map((t) => textWidth(t, FONT))) + 10) / spacing));
  const thinned = axis.map((a, i) => (i % every === 0 ? a : a.replace(/<text[^]*<\/text>$/, "")));
  const parts = [
    `<g class="value-axis" font-size="${FONT}" fill="${AXIS}">${thinned.join("")}</g>`,
    `<text class="axis-title" x="${left - 8}" y="${top - 4}" text-anchor="end" font-size="${FONT}" fill="${AXIS}">万元</text>`,
    ...body,
  ];
  return svg(spec.chart, spec.label, width, bottom + 2, parts);
}

function svg(chart: string, label: string, width: number, height: number, parts: readonly string[]): string {
  return `<svg class="chart" data-chart="${esc(chart)}" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${px(height)}" width="${width}" height="${px(height)}">${parts.join("")}</svg>`;
}
