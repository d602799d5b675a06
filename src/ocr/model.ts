// The chi_sim model the workers load: the LSTM engine's part of the npm
// package's traineddata. The package's file (44 MB unpacked) also holds the
// legacy engine's classifier (inttemp alone is 40 MB), which oem 1 never
// reads, yet each worker unpacked the whole file, wrote it into its wasm
// file system and read it into memory again: ~90 MB a worker for nothing.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { gunzipSync } from "node:zlib";

/**
 * Components of a traineddata file, by their index in its table (tesseract's
 * TessdataType), that the LSTM engine reads: the config, the unicharset (the
 * LSTM's own when the file has one, else the main one), ambigs, the LSTM and
 * its dictionaries, the version.
 */
const LSTM_PARTS: ReadonlySet<number> = new Set([0, 1, 2, 17, 18, 19, 20, 21, 22, 23]);

/**
 * A traineddata file with only the components in `keep`, in tesseract's own
 * layout: the entry count (int32), one int64 offset per entry (-1: absent),
 * then the entries in order, each running to the next present one.
 */
export function keepComponents(file: Uint8Array, keep: ReadonlySet<number>): Uint8Array {
  const src = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (src.length < 4) throw new Error("traineddata: too short for its table");
  const n = src.readInt32LE(0);
  const tableEnd = 4 + 8 * n;
  if (n <= 0 || n > 64 || tableEnd > src.length) throw new Error(`traineddata: ${n} entries is no table tesseract writes`);
  const offsets = Array.from({ length: n }, (_, i) => Number(src.readBigInt64LE(4 + 8 * i)));
  const parts = offsets.map((start, i) => {
    if (start < 0 || !keep.has(i)) return null;
    const end = offsets.slice(i + 1).find((o) => o >= 0) ?? src.length;
    if (start < tableEnd || end > src.length || end < start) throw new Error(`traineddata: entry ${i} lies outside the file`);
    return src.subarray(start, end);
  });
  const out = Buffer.alloc(tableEnd + parts.reduce((s, p) => s + (p?.length ?? 0), 0));
  out.writeInt32LE(n, 0);
  let at = tableEnd;
  parts.forEach((p, i) => {
    out.writeBigInt64LE(BigInt(p ? at : -1), 4 + 8 * i);
    if (p) at += p.copy(out, at);
  });
  return out;
}

let folder: string | null = null;

/**
 * A folder holding chi_sim.traineddata, the LSTM part of the package's model,
 * made once a machine under the system's temporary folder and named by what it
 * is cut from (the package's file and the parts kept): a process that finds it
 * made only hashes the packed file, not unpacks 44 MB (a quarter of a CPU
 * second each reader thread). Written whole then renamed, so processes making
 * it at once are safe. A folder, not bytes handed to createWorker: tesseract.js
 * 7 names a language given as bytes by its bytes when it starts the engine.
 */
export function lstmModelFolder(langPath: string): string {
  if (folder) return folder;
  const packed = readFileSync(path.join(langPath, "chi_sim.traineddata.gz"));
  const name = createHash("sha256").update(packed).update(String([...LSTM_PARTS])).digest("hex").slice(0, 16);
  const dir = path.join(os.tmpdir(), `juesuan-chi_sim-lstm-${name}`);
  const file = path.join(dir, "chi_sim.traineddata");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const part = `${file}.${process.pid}.${threadId}.part`;
    writeFileSync(part, keepComponents(gunzipSync(packed), LSTM_PARTS));
    renameSync(part, file);
  }
  folder = dir;
  return dir;
}
