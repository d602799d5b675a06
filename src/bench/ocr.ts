// The OCR measurement: tesseract.js against native tesseract on the same page
// images, in one run. Each page is read by every engine in turn (not all pages
// by one engine, then by the other), so a load on the shared cores that comes
// and goes weighs on both alike.
import { createRequire } from "node:module";
import path from "node:path";
import { OCR_DPI } from "../ocr/page.js";
import { langPath, PAGE } from "../ocr/pool.js";
import { DEBIAN_MODEL, modelFile, NATIVE_ARGS, nativeBatch, nativeLoad, nativePage, nativeVersion, tesseractJsModel, type NativeModel } from "./native-tesseract.js";
import { writePageImages } from "./pages.js";
import type { OcrBench } from "./result.js";
import { similarity } from "./similarity.js";
import { allWorkers, oneWorker } from "./tesseract-js.js";
import { mean, timeOf, type Time } from "./time.js";

const less = (a: Time, b: Time): Time => ({ seconds: Math.max(0, a.seconds - b.seconds), cpuSeconds: Math.max(0, a.cpuSeconds - b.cpuSeconds) });
const meanOf = (ts: readonly Time[]): Time => ({ seconds: mean(ts.map((t) => t.seconds)), cpuSeconds: mean(ts.map((t) => t.cpuSeconds)) });
const ratio = (a: Time, b: Time): Time => ({ seconds: a.seconds / b.seconds, cpuSeconds: a.cpuSeconds / b.cpuSeconds });
const s = (x: number): string => x.toFixed(2);

export interface OcrOptions {
  readonly pdf: string;
  /** The first page read (then the pages after it). */
  readonly from: number;
  readonly pages: number;
  /** Where the page images go. */
  readonly dir: string;
  readonly log: (line: string) => void;
}

export async function measureOcr({ pdf, from, pages: pageCount, dir, log }: OcrOptions): Promise<OcrBench> {
  const version = await nativeVersion().catch(() => {
    throw new Error("native tesseract is not installed: run `npm run bench` (scripts/bench.sh installs it)");
  });
  const { images, blank } = await writePageImages(pdf, from, pageCount, dir);
  log(`${images.length} pages of ${pdf} at ${OCR_DPI} dpi, rulings erased, in ${dir}`);
  const models: NativeModel[] = [DEBIAN_MODEL, tesseractJsModel(dir)];
  const loads: Time[] = [];
  for (const m of models) loads.push(await nativeLoad(blank, m));

  const worker = await oneWorker();
  const pages: OcrBench["pages"] = [];
  let firstRead: Time = { seconds: 0, cpuSeconds: 0 };
  try {
    // A new worker's first page is slower (its wasm still being optimised): timed apart, read again below.
    firstRead = timeOf(await worker.read(images[0]!.image));
    log(`tesseract.js: worker made in ${s(worker.create.seconds)} s, first page read in ${s(firstRead.seconds)} s`);
    for (const image of images) {
      const js = await worker.read(image.image);
      const native = [];
      for (const [i, m] of models.entries()) {
        const n = await nativePage(image.file, m);
        native.push({ label: m.label, ...timeOf(n), recognize: less(n, loads[i]!), text: n.value, agreement: similarity(js.value, n.value) });
      }
      pages.push({ page: image.page, width: image.width, height: image.height, tesseractJs: { ...timeOf(js), text: js.value }, native });
      log(`page ${image.page}: tesseract.js ${s(js.seconds)} s, ${native.map((n) => `${n.label} ${s(n.seconds)} s`).join(", ")}`);
    }
  } finally {
    await worker.close();
  }

  const jsPerPage = meanOf(pages.map((p) => p.tesseractJs));
  const summaries: OcrBench["native"]["models"] = [];
  for (const [i, m] of models.entries()) {
    const batch = await nativeBatch(images.map((x) => x.file), path.join(dir, "pages.txt"), m);
    const perPage = meanOf(pages.map((p) => p.native[i]!.recognize));
    const rest = less(batch, loads[i]!);
    const batchPerPage = { seconds: rest.seconds / images.length, cpuSeconds: rest.cpuSeconds / images.length };
    summaries.push({
      label: m.label,
      model: await modelFile(m),
      load: loads[i]!,
      perPage,
      batch: { total: timeOf(batch), perPage: batchPerPage },
      ratio: ratio(jsPerPage, perPage),
      batchRatio: ratio(jsPerPage, batchPerPage),
      agreement: mean(pages.map((p) => p.native[i]!.agreement)),
    });
    log(`${m.label}: ${images.length} pages in one process, ${s(batch.seconds)} s`);
  }

  const all = await allWorkers(images.map((x) => x.image), images[0]!.image);
  log(`tesseract.js, ${all.workers} workers: ${images.length} pages in ${s(all.total.seconds)} s`);
  return {
    pdf,
    dpi: OCR_DPI,
    pages,
    tesseractJs: {
      version: packageVersion("tesseract.js"),
      coreVersion: packageVersion("tesseract.js-core"),
      model: path.join(langPath(), "chi_sim.traineddata.gz"),
      parameters: { oem: "1", ...PAGE },
      workerCreate: worker.create,
      firstRead,
      perPage: jsPerPage,
      allWorkers: {
        ...all,
        perPagePerWorkerSeconds: (all.total.seconds * all.workers) / images.length,
        cpuPerPageSeconds: all.total.cpuSeconds / images.length,
      },
    },
    native: { version, args: NATIVE_ARGS, models: summaries },
  };
}

function packageVersion(name: string): string {
  // tesseract.js-core is a dependency of tesseract.js: resolved from there.
  const require = createRequire(createRequire(import.meta.url).resolve("tesseract.js/package.json"));
  const json: unknown = require(`${name}/package.json`);
  return typeof json === "object" && json !== null && "version" in json && typeof json.version === "string" ? json.version : "unknown";
}
