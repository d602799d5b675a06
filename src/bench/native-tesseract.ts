// Native tesseract (Debian's tesseract-ocr) on the same page image files, with the
// PAGE parameters of src/ocr/pool.ts and one thread, as a tesseract.js worker
// has. Each run is a new process that loads its model first: that load is
// timed on a blank image and reported apart.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { langPath } from "../ocr/pool.js";
import { median, timed, type Timed } from "./time.js";

const run = promisify(execFile);

export interface NativeModel {
  readonly label: string;
  /** --tessdata-dir; null: the installed model (Debian's tesseract-ocr-chi-sim). */
  readonly tessdataDir: string | null;
  /** Where the model in tessdataDir came from (that folder is temporary). */
  readonly source?: string;
}

export const DEBIAN_MODEL: NativeModel = { label: "native", tessdataDir: null };

/** tesseract.js's own model file (gunzipped into `dir`), so the engines are compared on one model too. */
export function tesseractJsModel(dir: string): NativeModel {
  const tessdataDir = path.join(dir, "tessdata");
  const gz = path.join(langPath(), "chi_sim.traineddata.gz");
  mkdirSync(tessdataDir, { recursive: true });
  writeFileSync(path.join(tessdataDir, "chi_sim.traineddata"), gunzipSync(readFileSync(gz)));
  return { label: "native, js model", tessdataDir, source: `${gz}, gunzipped` };
}

export const NATIVE_ARGS = ["-l", "chi_sim", "--psm", "6", "--oem", "1", "-c", "preserve_interword_spaces=1"];

// bash's `times` prints, last, the CPU time (user, system) of the shell's children: tesseract's.
const WITH_CPU_TIME = 'tesseract "$@"; rc=$?; times >&2; exit $rc';
const TIMES = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/;

/** One tesseract process on `input` (an image, or a list file of images): its text, wall and CPU seconds. */
async function tesseract(input: string, model: NativeModel): Promise<Timed<string>> {
  const dir = model.tessdataDir ? ["--tessdata-dir", model.tessdataDir] : [];
  const { seconds, value } = await timed(() =>
    run("bash", ["-c", WITH_CPU_TIME, "tesseract", input, "stdout", ...dir, ...NATIVE_ARGS], {
      env: { ...process.env, OMP_THREAD_LIMIT: "1" },
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  const t = TIMES.exec(value.stderr);
  if (!t) throw new Error(`no CPU time in tesseract's output: ${value.stderr.slice(-200)}`);
  const cpuSeconds = Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4]);
  return { seconds, cpuSeconds, value: value.stdout };
}

/** The traineddata file a model reads. */
export async function modelFile(model: NativeModel): Promise<string> {
  if (model.source) return model.source;
  if (model.tessdataDir) return path.join(model.tessdataDir, "chi_sim.traineddata");
  // The installed folder, as tesseract names it: List of available languages in "/usr/share/…/tessdata/" (3):
  const { stdout } = await run("tesseract", ["--list-langs"]);
  return path.join(/"([^"]+)"/.exec(stdout)?.[1] ?? "(installed tessdata)", "chi_sim.traineddata");
}

export async function nativeVersion(): Promise<string> {
  const { stdout } = await run("tesseract", ["--version"]);
  return stdout.split("\n")[0]?.trim() ?? "unknown";
}

/** Process start and model load: the median of three runs on a blank image, wall and CPU. */
export async function nativeLoad(blank: string, model: NativeModel): Promise<{ seconds: number; cpuSeconds: number }> {
  const runs: Timed<string>[] = [];
  for (let i = 0; i < 3; i++) runs.push(await tesseract(blank, model));
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)) };
}

/** One page, one process: the times include the model load. */
export function nativePage(image: string, model: NativeModel): Promise<Timed<string>> {
  return tesseract(image, model);
}

/** Every page in one process (tesseract reads a list file): the load is paid once. */
export async function nativeBatch(images: readonly string[], listFile: string, model: NativeModel): Promise<Timed<string[]>> {
  writeFileSync(listFile, images.join("\n") + "\n");
  const r = await tesseract(listFile, model);
  // The text renderer ends every page with a form feed.
  return { ...r, value: r.value.split("\f").slice(0, images.length) };
}
