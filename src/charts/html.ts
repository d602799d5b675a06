// The charts page: one self-contained HTML file (inline CSS and SVG, no
// script, nothing fetched), so it can be mailed, opened from disk or printed.
// A table of contents of the units and the classes (功能分类 类), then a
// section per unit (its totals, 三公 and main classes by year) and a section
// per class (the units that spend on it, side by side, year by year).
import type { ChartModel, ClassComparison, TotalKey, UnitCharts, YearTotals } from "./model.js";
import { esc, formatAmount, formatExact, groupedBars, horizontalBars, type Series } from "./svg.js";

export interface ChartsPage {
  readonly db: string;
  readonly generatedAt: string;
  readonly model: ChartModel;
}

/** Classes charted per unit; the others are listed under the chart. */
export const MAX_UNIT_CLASSES = 8;

const TOTALS: readonly (Series & { readonly key: TotalKey })[] = [
  { key: "income", label: "收入", color: "#2f6db5" },
  { key: "expenditure", label: "支出", color: "#e07b22" },
  { key: "basic", label: "基本支出", color: "#3f9a4a" },
  { key: "project", label: "项目支出", color: "#8d63b8" },
];

const SANGONG: readonly (Series & { readonly key: TotalKey })[] = [
  { key: "sangongBudget", label: "三公经费 预算", color: "#9aa7b4" },
  { key: "sangongActual", label: "三公经费 决算", color: "#c0392b" },
];

/** One colour per class code, the same in every chart of the page. */
const PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
  "#ff9da7", "#9c755f", "#6b6ecf", "#2ca3a3", "#bcbd22", "#8c564b", "#7f7f7f",
];

const WIDE = 1080;

export function* chartsHtml(page: ChartsPage): Generator<string> {
  const { model } = page;
  const colors = new Map(model.classes.map((c, i) => [c.code, PALETTE[i % PALETTE.length]!]));
  yield `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>juesuan charts: ${model.units.length} units, ${model.classes.length} classes</title>
<style>${STYLE}</style>
</head>
<body data-units="${model.units.length}" data-classes="${model.classes.length}">
<header class="top">
<h1>juesuan charts</h1>
<p class="source">${esc(page.db)} · ${esc(page.generatedAt)} · ${model.reports} reports read, ${model.units.length} units, ${model.classes.length} classes (功能分类 类) · amounts in 万元</p>
</header>
`;
  if (model.units.length === 0) {
    yield `<p class="empty" id="no-reports">No report read: this database has no report with status ok, so there is nothing to chart.</p>\n</body>\n</html>\n`;
    return;
  }
  yield tocHtml(model);
  yield `<main>\n<h2 id="units">Units</h2>\n`;
  for (const unit of model.units) yield unitHtml(unit, colors);
  yield `<h2 id="classes">Classes (功能分类 类)</h2>\n`;
  for (const c of model.classes) yield classHtml(c, colors.get(c.code) ?? PALETTE[0]!);
  yield `</main>\n</body>\n</html>\n`;
}

function tocHtml(model: ChartModel): string {
  const units = model.units.map(
    (u) =>
      `<li><a href="#${u.anchor}">${esc(u.name)}</a>${u.matched ? "" : ` <span class="unmatched">(unmatched)</span>`} <span class="years">${u.years.join(", ")}</span></li>`,
  );
  const classes = model.classes.map(
    (c) => `<li><a href="#${c.anchor}">${c.code} ${esc(c.name)}</a> <span class="years">${c.units.length} ${c.units.length === 1 ? "unit" : "units"}</span></li>`,
  );
  return `<nav class="toc">
<div><h2><a href="#units">Units</a></h2><ol>
${units.join("\n")}
</ol></div>
<div><h2><a href="#classes">Classes (功能分类 类)</a></h2><ol>
${classes.join("\n")}
</ol></div>
</nav>
`;
}

function unitHtml(u: UnitCharts, colors: ReadonlyMap<string, string>): string {
  const meta = [
    u.region === null ? null : esc(u.region),
    u.printedNames.length > 0 ? `printed as ${u.printedNames.map(esc).join(", ")}` : null,
    `${u.years.length} ${u.years.length === 1 ? "year" : "years"}: ${u.years.join(", ")}`,
  ].filter((s) => s !== null);
  const parts = [
    `<section class="unit" id="${u.anchor}"${u.unitId === null ? "" : ` data-unit-id="${u.unitId}"`} data-matched="${u.matched}">`,
    `<h3>${esc(u.name)}${u.matched ? "" : ` <span class="unmatched">(unmatched)</span>`}</h3>`,
    `<p class="meta">${meta.join(" · ")}</p>`,
  ];
  if (!u.matched) parts.push(`<p class="note">(unmatched): these reports' unit is ambiguous or missing, so they are grouped by the name they print.</p>`);
  if (u.years.length > 0) {
    parts.push(`<div class="row">`);
    parts.push(
      figure(
        groupedBars({
          chart: "totals",
          label: `${u.name}: 收入, 支出, 基本支出, 项目支出 by year, 万元`,
          series: TOTALS,
          groups: u.totals.map((t) => ({ label: String(t.year), bars: TOTALS.map((s) => totalBar(u, t, s)) })),
          width: 660,
        }),
        "Totals by year: 收入 income, 支出 expenditure, 基本支出 basic, 项目支出 project",
      ),
    );
    parts.push(
      figure(
        groupedBars({
          chart: "sangong",
          label: `${u.name}: 三公经费 budget and actual by year, 万元`,
          series: SANGONG,
          groups: u.totals.map((t) => ({ label: String(t.year), bars: SANGONG.map((s) => totalBar(u, t, s)) })),
          width: 400,
        }),
        "三公经费: budget (预算) and actual (决算)",
      ),
    );
    parts.push(`</div>`);
    parts.push(classesFigure(u, colors));
  }
  for (const s of u.superseded) {
    parts.push(
      `<p class="note superseded" data-year="${s.year}">${s.year}: ${s.setAside.length + 1} reports; the latest (report ${s.shown.reportId}, ${esc(s.shown.file)}) is shown, not ${s.setAside
        .map((r) => `report ${r.reportId} (${esc(r.file)})`)
        .join(", ")}.</p>`,
    );
  }
  if (u.undated.length > 0) {
    parts.push(`<p class="note undated">Not charted, no year read: ${u.undated.map((r) => `report ${r.reportId} (${esc(r.file)})`).join(", ")}.</p>`);
  }
  if (u.years.length > 0) parts.push(figuresTable(u));
  parts.push(`</section>`);
  return `${parts.join("\n")}\n`;
}

function totalBar(u: UnitCharts, t: YearTotals, s: Series & { readonly key: TotalKey }) {
  const value = t[s.key];
  return {
    series: s.key,
    value,
    title: `${u.name} ${t.year} ${s.label}: ${value === null ? "not read" : `${formatExact(value)} 万元`} (report ${t.reportId}, ${t.file})`,
    data: { year: t.year, report: t.reportId },
  };
}

function classesFigure(u: UnitCharts, colors: ReadonlyMap<string, string>): string {
  if (u.classes.length === 0) return `<p class="note">No 类 read from the 支出决算表 (T3) of these reports.</p>`;
  const main = u.classes.slice(0, MAX_UNIT_CLASSES);
  const rest = u.classes.slice(MAX_UNIT_CLASSES);
  const series = main.map((c) => ({ key: c.code, label: `${c.code} ${c.name}`, color: colors.get(c.code) ?? "#888" }));
  const svg = groupedBars({
    chart: "classes",
    label: `${u.name}: spending by 类 by year, 万元`,
    series,
    groups: u.totals.map((t) => ({
      label: String(t.year),
      bars: main.map((c) => {
        const f = c.figures.find((g) => g.year === t.year);
        const value = f?.total ?? null;
        const split = f === undefined || f.basic === null || f.project === null ? "" : `; 基本 ${formatExact(f.basic)}, 项目 ${formatExact(f.project)}`;
        return {
          series: c.code,
          value,
          absent: f === undefined,
          title: `${u.name} ${t.year} ${c.code} ${c.name}: ${
            f === undefined ? "none in this year's report" : value === null ? "not read" : `${formatExact(value)} 万元${split}`
          }`,
          data: { year: t.year, report: t.reportId, code: c.code },
        };
      }),
    })),
    width: WIDE,
  });
  const caption =
    `Main classes (功能分类 类, 支出决算表 合计) by year` +
    (rest.length === 0 ? "" : `; also ${rest.map((c) => `<a href="#class-${c.code}">${c.code} ${esc(c.name)}</a> (${formatAmount(c.sum)})`).join(", ")}`);
  return figure(svg, caption);
}

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${caption}</figcaption></figure>`;
}

function figuresTable(u: UnitCharts): string {
  const cell = (v: number | null) => `<td class="num">${v === null ? "—" : formatExact(v)}</td>`;
  const rows = u.totals.map(
    (t) =>
      `<tr><td>${t.year}</td>${[...TOTALS, ...SANGONG].map((s) => cell(t[s.key])).join("")}<td class="file">${esc(t.file)}</td></tr>`,
  );
  return `<details class="figures"><summary>Figures (万元) and files</summary><table>
<thead><tr><th>year</th>${[...TOTALS, ...SANGONG].map((s) => `<th>${esc(s.label)}</th>`).join("")}<th>file</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></details>`;
}

function classHtml(c: ClassComparison, color: string): string {
  const blocks = c.years.map((year) => {
    const rows = c.units
      .map((u) => ({ u, f: u.figures.find((f) => f.year === year) }))
      .filter((r) => r.f !== undefined)
      .sort((a, b) => (b.f!.total ?? -Infinity) - (a.f!.total ?? -Infinity));
    return {
      label: String(year),
      rows: rows.map(({ u, f }) => ({
        label: u.matched ? u.name : `${u.name} (unmatched)`,
        href: `#${u.anchor}`,
        value: f!.total,
        title: `${u.name} ${year} ${c.code} ${c.name}: ${f!.total === null ? "not read" : `${formatExact(f!.total)} 万元`} (report ${f!.reportId})`,
        data: { unit: u.anchor, year, report: f!.reportId },
      })),
    };
  });
  const svg = horizontalBars({ chart: "class", label: `${c.code} ${c.name}: spending of each unit by year, 万元`, blocks, width: WIDE, color });
  return `<section class="class" id="${c.anchor}" data-code="${c.code}">
<h3>${c.code} ${esc(c.name)}</h3>
<p class="meta">${c.units.length} ${c.units.length === 1 ? "unit" : "units"} · ${c.years.join(", ")}</p>
${figure(svg, `Spending on ${c.code} ${esc(c.name)} (支出决算表 合计) of each unit, by year`)}
</section>
`;
}

const STYLE = `
body{font:14px/1.45 system-ui,"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d1d1f;background:#f4f4f2}
header.top{background:#fff;border-bottom:1px solid #ccc;padding:.6em 1.2em}
h1{font-size:1.25em;margin:0 0 .2em} .source{color:#666;font-size:.9em;margin:.1em 0}
nav.toc{display:flex;flex-wrap:wrap;gap:1em 3em;padding:.6em 1.2em;background:#fff;border-bottom:1px solid #ddd}
nav.toc h2{font-size:1em;margin:.3em 0} nav.toc ol{margin:0;padding-left:1.6em;columns:2 18em;column-gap:2em} nav.toc li{break-inside:avoid}
.years{color:#777;font-size:.85em} .unmatched{color:#a15c00;font-weight:400;font-size:.85em}
main{padding:.5em 1.2em;max-width:1120px}
main>h2{font-size:1.2em;margin:1.2em 0 .4em;border-bottom:2px solid #bbb}
section{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.6em .9em;margin:0 0 1em}
section h3{font-size:1.1em;margin:.1em 0} .meta{color:#555;margin:.1em 0 .4em;font-size:.9em}
.row{display:flex;flex-wrap:wrap;gap:.5em 1.5em;align-items:flex-start}
figure{margin:.4em 0;width:fit-content;max-width:100%} figcaption{font-size:.8em;color:#666;width:0;min-width:100%} figcaption a{color:inherit}
svg.chart{display:block;max-width:100%;height:auto;font-family:inherit;overflow:visible}
svg.chart a text{fill:#1a4f8b}
.note{font-size:.85em;color:#444;background:#fbf7e9;border-left:3px solid #e0c060;padding:.2em .6em;margin:.3em 0}
details.figures{font-size:.85em;margin-top:.4em} details.figures table{border-collapse:collapse;margin-top:.3em}
.figures th,.figures td{border:1px solid #ddd;padding:.1em .5em;text-align:left} .num{text-align:right;font-family:ui-monospace,monospace} .file{color:#666}
@media print{
  @page{size:A4;margin:12mm}
  body{background:#fff;font-size:11px}
  header.top,nav.toc{border:0}
  nav.toc{break-after:page}
  a{color:inherit;text-decoration:none}
  main{max-width:none;padding:0}
  section{border:0;border-top:1px solid #999;border-radius:0;padding:.4em 0;break-inside:avoid}
  svg.chart{max-width:100%}
  details.figures{display:none}
}
`;
