// tesseract prints statistics of what it reads ("Total count=0", "Median=…")
// for some images, a nearly blank figure crop among them; a batch's console
// must hold ingest's lines only. The figure reader runs in a process of its
// own here, so that everything it prints, from any thread, is caught.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

describe("OCR's console", () => {
  it("holds none of tesseract's debug lines", () => {
    // A nearly blank figure crop (one speck), as figures.ts reads them, through the pool's digit workers.
    const script = `
      import { recognizeFigure } from "./dist/src/ocr/pool.js";
      const header = Buffer.from("P5\\n40 20\\n255\\n");
      const pixels = Buffer.alloc(800, 255);
      pixels[10 * 40 + 20] = 0;
      await recognizeFigure(Buffer.concat([header, pixels]));
      await recognizeFigure(Buffer.concat([header, Buffer.alloc(800, 255)]));
      console.log("read");
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: repo, encoding: "utf8", timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe("read");
    expect(run.stderr).not.toMatch(/Total count|Median|quartile/);
  }, 120_000);
});
