// The review page: one self-contained HTML file (images as data: URIs, inline
// CSS and JS, nothing fetched), so it can be mailed or opened from disk.
import { SCALE, type PageImage } from "./render.js";
import type { PageRegion } from "./region.js";
import { SEVERITIES, type ReviewCell, type ReviewFinding, type ReviewReport, type Target } from "./query.js";

export interface Figure {
  readonly region: PageRegion;
  readonly image: PageImage;
}

export interface RenderedFinding {
  readonly finding: ReviewFinding;
  readonly figures: readonly Figure[];
  /** Why the page image is missing (the PDF moved, a page out of range…); null when drawn or nothing to draw. */
  readonly unavailable: string | null;
}

export interface RenderedReport {
  readonly report: ReviewReport;
  readonly findings: readonly RenderedFinding[];
}

export interface ReviewPage {
  readonly db: string;
  readonly generatedAt: string;
  /** Reports in the database, with or without findings. */
  readonly reportCount: number;
  readonly reports: readonly RenderedReport[];
}

/** Cells listed per target under a finding; a whole-row ref can match dozens. */
const MAX_LISTED_CELLS = 12;
const NO_UNIT = "(unit unknown)";

export function* reviewHtml(page: ReviewPage): Generator<string> {
  const total = page.reports.reduce((n, r) => n + r.findings.length, 0);
  const count = (s: string) => page.reports.reduce((n, r) => n + r.findings.filter((f) => f.finding.severity === s).length, 0);
  yield `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>juesuan review: ${total} findings</title>
<style>${STYLE}</style>
</head>
<body data-findings="${total}">
<header class="top">
<h1>juesuan review</h1>
<p class="source">${esc(page.db)} · ${esc(page.generatedAt)} · ${page.reportCount} reports stored, ${page.reports.length} with findings</p>
`;
  if (total === 0) {
    yield `<p class="empty" id="no-findings">No findings: none of the ${page.reportCount} reports in this database has a finding, so there is nothing to review.</p>\n</header>\n</body>\n</html>\n`;
    return;
  }
  yield `<p class="summary">${total} findings: ${SEVERITIES.map((s) => `<span class="sev sev-${s}">${count(s)} ${s}</span>`).join(" ")}</p>
<form id="filters" onsubmit="return false">
<fieldset><legend>Severity</legend>
${SEVERITIES.map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`).join("\n")}
</fieldset>
<label>Unit <select name="unit"><option value="">all units</option>
${[...new Set(page.reports.map((r) => r.report.unit ?? NO_UNIT))].map((u) => `<option value="${esc(u)}">${esc(u)}</option>`).join("\n")}
</select></label>
<output id="shown">${total} of ${total} findings shown</output>
</form>
</header>
<main>
`;
  for (const r of page.reports) yield reportHtml(r);
  yield `</main>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}

function reportHtml({ report, findings }: RenderedReport): string {
  const counts = SEVERITIES.filter((s) => report.counts[s] > 0).map((s) => `<span class="sev sev-${s}">${report.counts[s]} ${s}</span>`);
  return `<section class="report" data-unit="${esc(report.unit ?? NO_UNIT)}" id="report-${report.id}">
<h2>${esc(report.unit ?? NO_UNIT)}${report.year === null ? "" : ` · ${report.year}`} ${counts.join(" ")}</h2>
<p class="file">${esc(report.file)}</p>
${findings.map(findingHtml).join("\n")}
</section>
`;
}

function findingHtml({ finding: f, figures, unavailable }: RenderedFinding): string {
  const own = f.targets.find((t) => t.role === "own");
  const where = [f.table, own ? describeTarget(own) : null, f.page === null ? null : `page ${f.page}`].filter((s) => s !== null);
  const parts = [
    `<header><span class="sev sev-${f.severity}">${f.severity}</span> <code class="rule">${esc(f.rule)}</code>${
      f.identity === null ? "" : ` <span class="identity">${esc(f.identity)}</span>`
    } <span class="where">${esc(where.join(" · "))}</span></header>`,
    `<p class="message">${esc(f.message)}</p>`,
    figuresHtml(f),
  ];
  if (f.detail !== null) parts.push(`<p class="detail">${esc(f.detail)}</p>`);
  if (f.section !== null) parts.push(`<p class="section">Section: ${esc(f.section)}</p>`);
  if (f.quote !== null) parts.push(`<blockquote class="quote">${esc(f.quote)}</blockquote>`);
  if (unavailable !== null) parts.push(`<p class="unavailable">page image unavailable: ${esc(unavailable)}</p>`);
  parts.push(...figures.map((fig) => figureHtml(fig)));
  if (f.targets.length > 0) parts.push(cellsHtml(f.targets));
  return `<article class="finding" id="finding-${f.id}" data-severity="${f.severity}" data-rule="${esc(f.rule)}">\n${parts.join("\n")}\n</article>`;
}

function figuresHtml(f: ReviewFinding): string {
  if (f.expected === null && f.actual === null) return "";
  const gap = f.expected !== null && f.actual !== null ? f.actual - f.expected : null;
  return `<dl class="figures">
<div><dt>expected</dt><dd class="expected">${amount(f.expected)}</dd></div>
<div><dt>actual</dt><dd class="actual">${amount(f.actual)}</dd></div>
<div><dt>gap (actual − expected)</dt><dd class="gap">${gap === null ? "—" : `${gap > 0 ? "+" : ""}${amount(round(gap))}`}</dd></div>
${f.withinRounding ? `<div><dt></dt><dd class="rounding">within rounding</dd></div>` : ""}
</dl>`;
}

function figureHtml({ region, image }: Figure): string {
  const [x0, y0, x1, y1] = image.rect;
  const w = x1 - x0;
  const h = y1 - y0;
  const pct = (v: number) => `${(Math.round(v * 10000) / 100).toString()}%`;
  const outlines = region.outlines.map((o) => {
    const [a, b, c, d] = o.box;
    const style = `left:${pct((a - x0) / w)};top:${pct((b - y0) / h)};width:${pct((c - a) / w)};height:${pct((d - b) / h)}`;
    return `<div class="outline ${o.role}" data-key="${esc(o.key)}" data-role="${o.role}" style="${style}" title="${esc(o.key)}"></div>`;
  });
  const legend = (["own", "ref"] as const).filter((r) => region.outlines.some((o) => o.role === r)).map((r) => LEGEND[r]);
  return `<figure class="region" data-page="${region.page}">
<div class="frame" style="max-width:${Math.round(image.widthPx / SCALE)}px"><img src="${image.dataUri}" width="${image.widthPx}" height="${image.heightPx}" alt="page ${region.page}, region around the cells involved">${outlines.join("")}</div>
<figcaption>${[`page ${region.page}`, ...legend].join(" · ")}</figcaption>
</figure>`;
}

const LEGEND = {
  own: `<span class="key-own">this finding's cell</span>`,
  ref: `<span class="key-ref">cells compared with</span>`,
} as const;

function cellsHtml(targets: readonly Target[]): string {
  const rows = targets.flatMap((t) => {
    if (t.cells.length === 0) return [`<tr class="${t.role}"><td>${esc(t.key)}</td><td colspan="5">no such cell stored</td></tr>`];
    const listed = t.cells.slice(0, MAX_LISTED_CELLS).map((c) => cellRow(t, c));
    if (t.cells.length > listed.length) listed.push(`<tr class="${t.role}"><td colspan="6">… and ${t.cells.length - listed.length} more cells</td></tr>`);
    return listed;
  });
  return `<table class="cells"><thead><tr><th>cell</th><th>row</th><th>column</th><th>printed</th><th>万元</th><th>page</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`;
}

function cellRow(t: Target, c: ReviewCell): string {
  return `<tr class="${t.role}"><td>${esc(`${c.table}/${c.row}/${c.col}`)}</td><td>${esc(c.rowName ?? "")}</td><td>${esc(c.colName ?? c.col)}</td><td>${esc(
    c.text ?? "",
  )}</td><td class="num">${amount(c.value)}</td><td>${c.page ?? "—"}</td></tr>`;
}

function describeTarget(t: Target): string {
  const cell = t.cells[0];
  const row = t.row === null ? "every row" : `${t.row}${cell?.rowName ? ` ${cell.rowName}` : ""}`;
  const col = t.col === null ? "every column" : (t.cells.find((c) => c.col === t.col)?.colName ?? t.col);
  return `${row} · ${col}`;
}

const NUMBER = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 });

function amount(v: number | null): string {
  return v === null ? "—" : NUMBER.format(v);
}

/** Differences of two-decimal figures carry float noise (0.010000000000218). */
function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `
body{font:14px/1.45 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1d1d1f;background:#f4f4f2}
header.top{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ccc;padding:.6em 1.2em}
h1{font-size:1.25em;margin:0 0 .2em} .source,.file{color:#666;font-size:.9em;margin:.1em 0}
form{display:flex;flex-wrap:wrap;gap:1em;align-items:center} fieldset{border:0;padding:0;margin:0;display:flex;gap:.8em}
legend{float:left;margin-right:.6em;font-weight:600} select{max-width:24em}
main{padding:1em 1.2em;max-width:1200px}
.report{margin-bottom:2em} .report h2{font-size:1.1em;margin:.4em 0 0}
.finding{background:#fff;border:1px solid #ddd;border-left:5px solid #888;border-radius:4px;padding:.6em .9em;margin:.8em 0}
.finding[data-severity=error]{border-left-color:#c62828} .finding[data-severity=warning]{border-left-color:#ef8f00} .finding[data-severity=info]{border-left-color:#1565c0}
.sev{display:inline-block;font-size:.8em;font-weight:600;padding:0 .5em;border-radius:3px;color:#fff;background:#888}
.sev-error{background:#c62828} .sev-warning{background:#ef8f00} .sev-info{background:#1565c0}
.rule{font-weight:600} .identity{color:#555;border:1px solid #bbb;border-radius:3px;padding:0 .3em;font-size:.85em} .where{color:#444}
.message{margin:.3em 0} .detail{font-family:ui-monospace,monospace;color:#333}
.figures{display:flex;gap:2em;margin:.3em 0} .figures div{margin:0} .figures dt{font-size:.8em;color:#666} .figures dd{margin:0;font:600 1.1em ui-monospace,monospace}
.gap{color:#c62828} .rounding{color:#1565c0;font-weight:400!important}
.quote{margin:.3em 0;padding:.3em .8em;border-left:3px solid #bbb;background:#fafafa}
.unavailable{color:#8a1c1c;background:#fdecea;padding:.3em .6em;border-radius:3px}
figure.region{margin:.5em 0} .frame{position:relative;border:1px solid #ccc;line-height:0}
.frame img{display:block;width:100%;height:auto}
.outline{position:absolute;box-sizing:border-box;pointer-events:auto}
.outline.own{border:2px solid #d50000;background:rgba(213,0,0,.10)} .outline.ref{border:2px solid #1e63d6;background:rgba(30,99,214,.08)}
figcaption{font-size:.8em;color:#666;margin-top:.2em}
.key-own{border-bottom:2px solid #d50000} .key-ref{border-bottom:2px solid #1e63d6}
table.cells{border-collapse:collapse;font-size:.85em;margin-top:.4em} .cells th,.cells td{border:1px solid #ddd;padding:.1em .5em;text-align:left}
.cells tr.own td:first-child{border-left:3px solid #d50000} .cells tr.ref td:first-child{border-left:3px solid #1e63d6} .num{text-align:right;font-family:ui-monospace,monospace}
.empty{font-size:1.1em;padding:1em 0}
[hidden]{display:none!important}
`;

/** Filters by severity and unit; the state lives in the URL hash (#severity=error,warning&unit=…) so a view can be linked. */
const SCRIPT = `
(function () {
  var form = document.getElementById("filters");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=severity]"));
  var unit = form.querySelector("select[name=unit]");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var reports = Array.prototype.slice.call(document.querySelectorAll(".report"));
  var shown = document.getElementById("shown");
  function readHash() {
    var p = new URLSearchParams(location.hash.slice(1));
    var sev = p.get("severity");
    var want = sev === null ? null : sev.split(",");
    boxes.forEach(function (b) { b.checked = want === null || want.indexOf(b.value) >= 0; });
    var u = p.get("unit");
    var known = Array.prototype.some.call(unit.options, function (o) { return o.value === u; });
    unit.value = u !== null && known ? u : "";
  }
  function apply(writeHash) {
    var sev = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var n = 0;
    findings.forEach(function (f) {
      var ok = sev.indexOf(f.dataset.severity) >= 0 && (unit.value === "" || f.closest(".report").dataset.unit === unit.value);
      f.hidden = !ok;
      if (ok) n++;
    });
    reports.forEach(function (r) { r.hidden = r.querySelector(".finding:not([hidden])") === null; });
    shown.textContent = n + " of " + findings.length + " findings shown";
    document.body.dataset.shown = String(n);
    if (writeHash) {
      var p = new URLSearchParams();
      if (sev.length < boxes.length) p.set("severity", sev.join(","));
      if (unit.value !== "") p.set("unit", unit.value);
      var hash = p.toString();
      history.replaceState(null, "", hash === "" ? location.pathname + location.search : "#" + hash);
    }
  }
  form.addEventListener("change", function () { apply(true); });
  window.addEventListener("hashchange", function () { readHash(); apply(false); });
  readHash();
  apply(false);
})();
`;
