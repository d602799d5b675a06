// The floor: pdf.js text extraction alone, one file per message, answering
// with its page count. pdf.js is opened as juesuan opens it (source/pdf.ts:
// the same CMaps and fonts, the engine's builtins restored), so the floor is
// the cheapest pass over the same text that any extractor built on it makes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { openPdf } from "../../source/pdf.js";

/** This module's file, to start it as a worker thread. */
export const floorThreadScript = (): string => fileURLToPath(import.meta.url);

async function textOf(file: string): Promise<number> {
  const { doc, pageCount } = await openPdf(new Uint8Array(readFileSync(file)));
  try {
    for (let n = 1; n <= pageCount; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent();
      page.cleanup();
    }
    return pageCount;
  } finally {
    await doc.destroy();
  }
}

const port = parentPort;
if (port) {
  port.on("message", (file: string) => {
    textOf(file).then(
      (pages) => port.postMessage(pages),
      () => port.postMessage(0),
    );
  });
}
