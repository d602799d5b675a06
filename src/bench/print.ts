// The bench as text: per page, each engine's wall and CPU seconds, its ratio
// to tesseract.js and how far their readings agree; then what they mean.
import type { BatchBench } from "./batch/result.js";
import type { BenchResult, OcrBench, OcrRouteBench } from "./result.js";

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
    `  neither is in the per-page figures. Pages are read as the OCR route reads them (psm 6, preserve_interword_spaces, oem 1, words as TSV).`,
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
    ...(r.batch ? ["", formatBatch(r.batch)] : []),
    ...(r.ocr ? ["", formatOcr(r.ocr)] : []),
    ...(r.ocrRoute ? ["", formatOcrRoute(r.ocrRoute)] : []),
  ].join("\n");
}

/** The OCR route's cost per page and its memory, against the issue's targets and native tesseract's. */
export function formatOcrRoute(o: OcrRouteBench): string {
  const ok = (pass: boolean): string => (pass ? "met" : "NOT met");
  return [
    `OCR route: juesuan ingest of ${o.reports} scanned reports (${o.ocrPages} pages at ${o.scanDpi} dpi, ${o.readers} readers) beside native tesseract on the same page images`,
    table(
      ["", "s", "cpu s", "cpu s / page", "peak MB"],
      [
        ["juesuan (whole route)", s(o.juesuan.seconds), s(o.juesuan.cpuSeconds), s(o.cpuPerOcrPage), o.juesuan.peakRssMb.toFixed(0)],
        [`native tesseract (${o.native.pages} processes)`, "", "", s(o.native.cpuPerPage), o.native.peakRssMb.toFixed(0)],
      ],
    ),
    `CPU s per OCR page ${s(o.cpuPerOcrPage)}: ${ok(o.cpuPerOcrPage <= 3)} (target ≤ 3), ${s(o.cpuPerOcrPage / o.native.cpuPerPage)} × native's one pass; peak RSS ${o.juesuan.peakRssMb.toFixed(0)} MB: ${ok(o.juesuan.peakRssMb <= 1500)} (target ≤ 1500), ${s(o.juesuan.peakRssMb / o.native.peakRssMb)} × native's.`,
  ].join("\n");
}

const cells = (c: { truth: number; exact: number }): string => `${c.exact}/${c.truth}`;

export function formatBatch(b: BatchBench): string {
  const r = b.runs;
  const row = (label: string, x: { pages: number; seconds: number; cpuSeconds: number; peakRssMb: number }, floor: number): string[] => [
    label,
    s(x.seconds),
    s(x.cpuSeconds),
    (x.pages / x.seconds).toFixed(1),
    s(x.seconds / floor),
    x.peakRssMb.toFixed(0),
  ];
  const f1 = r.floorOne.seconds;
  const all = `${b.cores}`;
  const verdict = (x: number, ok: boolean): string => `${s(x)} (${ok ? "within" : "outside"} target)`;
  const ratios = b.ratios;
  return [
    `Batch: ${b.subset.reports} generated reports (${b.subset.pages} pages) of a corpus of ${b.corpus.reports} (${b.corpus.dir}${b.corpus.made ? `, made in ${b.corpus.seconds.toFixed(0)} s` : ", reused"}), fastest of ${b.rounds} interleaved rounds`,
    "",
    table(
      ["run", "s", "cpu s", "pages/s", "× floor(1)", "peak MB"],
      [
        row("pdf.js text extraction (the floor), 1 thread", r.floorOne, f1),
        row(`pdf.js text extraction, ${all} threads`, r.floorAll, f1),
        row("juesuan ingest, 1 reader", r.juesuanOne, f1),
        row(`juesuan ingest, ${all} readers`, r.juesuanAll, f1),
        row("juesuan ingest, 1 reader, node --single-threaded", r.juesuanOneSingleThreaded, f1),
        row(`juesuan ingest, ${all} readers, node --single-threaded`, r.juesuanAllSingleThreaded, f1),
        row(`peer: ${b.peer.package} ${b.peer.version} getTable()`, b.peer.run, f1),
      ],
    ),
    "",
    table(
      ["cells of the final reports, exact", "generated", "share", "LibreOffice", "share"],
      [
        ["juesuan", cells(b.accuracy.generated.juesuan), pct(b.accuracy.generated.juesuan.share), cells(b.accuracy.libreoffice.juesuan), pct(b.accuracy.libreoffice.juesuan.share)],
        [b.peer.package, cells(b.accuracy.generated.peer), pct(b.accuracy.generated.peer.share), cells(b.accuracy.libreoffice.peer), pct(b.accuracy.libreoffice.peer.share)],
      ],
    ),
    `  generated: the ${b.accuracy.generated.reports} final reports of the subset (pdfkit); LibreOffice: the ${b.accuracy.libreoffice.reports} committed ones (corpus/libreoffice),`,
    `  read by juesuan (1 reader) in ${s(b.accuracy.libreoffice.juesuanRun.seconds)} s and by the peer in ${s(b.accuracy.libreoffice.peerRun.seconds)} s. The peer's rows are found for it`,
    `  (by code, also over 类|款|项 cells, or by name, on the true table's pages) and its figures taken in column order in the printed unit.`,
    "",
    `juesuan / floor, same files, one thread each: ${verdict(ratios.juesuanOverFloor, ratios.juesuanOverFloor <= 2)} (target ≤ 2); ${all} each: ${s(ratios.juesuanOverFloorAllWorkers)}.`,
    `${all} readers / 1 reader, pages per second: ${verdict(ratios.allWorkersSpeedup, ratios.allWorkersSpeedup >= 1.8)} (target ≥ 1.8); with V8's helper threads off (one reader then keeps one core busy, not more): ${s(ratios.allWorkersSpeedupSingleThreaded)}.`,
    `  The machine itself: pure JavaScript work on ${all} threads / 1: ${s(ratios.machineSpeedup)} (${s(r.computeOne.seconds)} s against ${s(r.computeAll.seconds)} s); pdf.js alone: ${s(r.floorOne.seconds / r.floorAll.seconds)}.`,
    `peer / floor: ${s(ratios.peerOverFloor)}.`,
    `Peak RSS (the whole process, ${all} readers): ${b.memory.small.reports} reports ${b.memory.small.run.peakRssMb.toFixed(0)} MB, ${b.memory.large.reports} reports ${b.memory.large.run.peakRssMb.toFixed(0)} MB: ${verdict(ratios.peakRssLargeOverSmall, ratios.peakRssLargeOverSmall <= 1.2)} (target ≤ 1.2).`,
  ].join("\n");
}
