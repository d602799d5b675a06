// The bench as text: per page, each engine's wall and CPU seconds, its ratio
// to tesseract.js and how far their readings agree; then what they mean.
import type { BenchResult, OcrBench } from "./result.js";

const s = (x: number): string => x.toFixed(2);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function table(head: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

export function formatOcr(o: OcrBench): string {
  const js = o.tesseractJs;
  const models = o.native.models;
  const head = ["page", "tesseract.js s", "cpu", ...models.flatMap((m) => [`${m.label} s`, "cpu", "ratio", "cpu ratio", "agree"])];
  const perPage = o.pages.map((p) => [
    String(p.page),
    s(p.tesseractJs.seconds),
    s(p.tesseractJs.cpuSeconds),
    ...p.native.flatMap((n) => [
      s(n.recognize.seconds),
      s(n.recognize.cpuSeconds),
      s(p.tesseractJs.seconds / n.recognize.seconds),
      s(p.tesseractJs.cpuSeconds / n.recognize.cpuSeconds),
      pct(n.agreement),
    ]),
  ]);
  const mean = ["mean", s(js.perPage.seconds), s(js.perPage.cpuSeconds), ...models.flatMap((m) => [s(m.perPage.seconds), s(m.perPage.cpuSeconds), s(m.ratio.seconds), s(m.ratio.cpuSeconds), pct(m.agreement)])];
  const batch = ["one process", "", "", ...models.flatMap((m) => [s(m.batch.perPage.seconds), s(m.batch.perPage.cpuSeconds), s(m.batchRatio.seconds), s(m.batchRatio.cpuSeconds), ""])];
  const main = models[0]!;
  const verdict = (r: number): string => `${s(r)} (${r <= 1.5 ? "within" : "over"} target)`;
  const all = js.allWorkers;
  return [
    `OCR seconds per page, one worker / one thread each: ${o.pages.length} page${o.pages.length === 1 ? "" : "s"} of ${o.pdf} at ${o.dpi} dpi, rulings erased`,
    "",
    table(head, [...perPage, mean, batch]),
    "",
    `ratio = tesseract.js / ${main.label} per page, target ≤ 1.5: ${verdict(main.ratio.seconds)} by wall time, ${verdict(main.ratio.cpuSeconds)} by CPU time.`,
    `  s = wall-clock seconds, cpu = CPU seconds (on shared cores wall time also counts waiting for one).`,
    `tesseract.js ${js.version}: one worker, made in ${s(js.workerCreate.seconds)} s; its first read (page ${o.pages[0]!.page}, cold) took ${s(js.firstRead.seconds)} s;`,
    `  neither is in the per-page figures. Pages are read as the OCR route reads them (psm 6, preserve_interword_spaces, oem 1, blocks).`,
    `native (${o.native.version}, OMP_THREAD_LIMIT=1): each page read by its own process, less that process's start and model load`,
    `  (median of 3 runs on a blank image: ${models.map((m) => `${m.label} ${s(m.load.seconds)} s`).join(", ")}).`,
    `  "one process": every page in one process (a list file), (total − load) / pages; totals ${models.map((m) => `${m.label} ${s(m.batch.total.seconds)} s`).join(", ")}.`,
    `agree = character similarity to tesseract.js's reading of the page (1 − edit distance / length, whitespace ignored).`,
    `Models: tesseract.js ${js.model}; ${models.map((m) => `${m.label} ${m.model}`).join("; ")}.`,
    `For information, tesseract.js with ${all.workers} workers (one per core, each warmed by one read), all pages at once: ${s(all.total.seconds)} s,`,
    `  ${s(all.perPagePerWorkerSeconds)} s per page per worker, ${(o.pages.length / all.total.seconds).toFixed(2)} pages/s, ${s(all.cpuPerPageSeconds)} CPU s per page.`,
  ].join("\n");
}

export function formatBench(r: BenchResult): string {
  const load = (xs: readonly number[]): string => xs.map((x) => x.toFixed(2)).join(" ");
  const m = r.machine;
  return [
    `bench ${r.at}: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, load average ${load(m.loadAverage.start)} at the start, ${load(m.loadAverage.end)} at the end`,
    "",
    formatOcr(r.ocr),
  ].join("\n");
}
