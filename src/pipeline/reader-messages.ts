// What the main thread and a reader thread say to each other. Both sides are
// this codebase, compiled together; the report itself is checked against the
// export schema before it is stored (store/save.ts).
import type { Report } from "../../schemas/canonical.js";

/** Given to each reader thread when it starts. */
export interface ReaderSetup {
  /** tesseract.js workers per OCR pool in this thread (the cores shared among the readers). */
  readonly ocrWorkers: number;
}

export interface ReadOptions {
  readonly ocr: boolean;
  readonly maxPages: number;
  readonly maxOcrPixels: number;
}

export interface ToReader {
  readonly id: number;
  readonly file: string;
  readonly sha256: string;
  /** Transferred, not copied: the main thread lets go of them. */
  readonly bytes: Uint8Array;
  readonly options: ReadOptions;
}

export type FromReader =
  /** The reader has the file (its own start-up, loading pdf.js, is not the file's time). */
  | { readonly id: number; readonly type: "start" }
  | { readonly id: number; readonly type: "page"; readonly page: number; readonly pages: number }
  | { readonly id: number; readonly type: "done"; readonly report: Report };
