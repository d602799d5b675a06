// The model the OCR workers load: the LSTM part of the npm package's
// chi_sim.traineddata, cut out of the real file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { keepComponents, lstmModelFolder } from "../src/ocr/model.js";
import { langPath } from "../src/ocr/pool.js";

/** A traineddata file's entries: index -> bytes, as tesseract's table lays them out. */
function entries(file: Uint8Array): Map<number, Buffer> {
  const b = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const n = b.readInt32LE(0);
  const offsets = Array.from({ length: n }, (_, i) => Number(b.readBigInt64LE(4 + 8 * i)));
  const out = new Map<number, Buffer>();
  offsets.forEach((start, i) => {
    if (start < 0) return;
    const end = offsets.slice(i + 1).find((o) => o >= 0) ?? b.length;
    out.set(i, b.subarray(start, end));
  });
  return out;
}

describe("the OCR model", () => {
  const full = gunzipSync(readFileSync(path.join(langPath(), "chi_sim.traineddata.gz")));

  it("keeps the LSTM engine's components byte for byte and drops the legacy classifier", () => {
    const whole = entries(full);
    // The package's file holds the legacy classifier (inttemp, 3) and the LSTM (17).
    expect(whole.has(3) && whole.has(17)).toBe(true);
    const cut = entries(keepComponents(full, new Set([0, 1, 17, 23])));
    expect([...cut.keys()]).toEqual([0, 1, 17, 23]);
    for (const [i, bytes] of cut) expect(bytes.equals(whole.get(i)!)).toBe(true);
  });

  it("is written once a machine, a tenth of the package's file, with the LSTM whole", () => {
    const dir = lstmModelFolder(langPath());
    const file = readFileSync(path.join(dir, "chi_sim.traineddata"));
    expect(file.length).toBeLessThan(full.length / 10);
    const kept = entries(file);
    expect(kept.has(3)).toBe(false);
    expect(kept.get(17)!.equals(entries(full).get(17)!)).toBe(true);
  });

  it("refuses a file that is no traineddata", () => {
    expect(() => keepComponents(Buffer.from("%PDF-1.7 not a model"), new Set([17]))).toThrow(/traineddata/);
  });
});
