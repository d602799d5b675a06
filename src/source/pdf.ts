// Everything that touches pdf.js lives in this folder. This file opens a
// document (turning pdf.js's exceptions into one-line reasons) and reads each
// page into the page model: positioned text runs and ruling segments.
// builtins.js first: it keeps the engine's own push and JSON before pdf.js replaces them.
import { restoreBuiltins } from "./builtins.js";
import { createRequire } from "node:module";
import path from "node:path";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import * as pdfjsWorker from "pdfjs-dist/legacy/build/pdf.worker.mjs";
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/types/src/display/api.js";
import { ExtractError } from "./errors.js";
import type { PageModel } from "./model.js";
import { fontNames, readOperators } from "./operators.js";
import type { FontInfo, GlyphHooks } from "./glyph-runs.js";

// pdf.js in Node parses on the calling thread ("fake worker"); given its worker
// module here, it does not load it later (when it would replace the builtins again).
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;
restoreBuiltins();

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
// CJK fonts that rely on predefined CMaps read wrong without these.
const CMAP_URL = path.join(pdfjsRoot, "cmaps") + path.sep;
const STANDARD_FONT_URL = path.join(pdfjsRoot, "standard_fonts") + path.sep;

export interface OpenedPdf {
  readonly doc: PDFDocumentProxy;
  readonly pageCount: number;
  readonly producer: string | null;
  readonly title: string | null;
}

export async function openPdf(data: Uint8Array): Promise<OpenedPdf> {
  if (data.length === 0) throw new ExtractError("empty", "empty file (0 bytes)");
  if (!startsWithPdfHeader(data)) throw new ExtractError("not_pdf", "not a PDF: no %PDF- header");
  // pdf.js detaches the buffer it is given; keep the caller's bytes intact.
  const task = pdfjs.getDocument({
    data: data.slice(),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    verbosity: 0,
    isEvalSupported: false,
    stopAtErrors: false,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw classifyOpenError(err);
  }
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  return {
    doc,
    pageCount: doc.numPages,
    producer: stringOrNull(info["Producer"]) ?? stringOrNull(info["Creator"]),
    title: stringOrNull(info["Title"]),
  };
}

function startsWithPdfHeader(data: Uint8Array): boolean {
  // The header may follow a little junk (the spec allows it within 1024 bytes).
  const head = Buffer.from(data.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}

function classifyOpenError(err: unknown): ExtractError {
  const name = (err as { name?: string } | null)?.name ?? "";
  const message = (err as { message?: string } | null)?.message ?? String(err);
  if (name === "PasswordException") return new ExtractError("encrypted", "encrypted: the PDF needs a password");
  if (name === "InvalidPDFException") return new ExtractError("damaged", `damaged PDF: ${message}`);
  return new ExtractError("damaged", `unreadable PDF: ${message}`);
}

function stringOrNull(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/** `hooks`: the text layer read again, its glyphs seen or decoded otherwise (extract/garbled-fonts.ts). */
export async function readPage(doc: PDFDocumentProxy, pageNumber: number, hooks: GlyphHooks = {}): Promise<PageModel> {
  // What pdf.js throws here is the file's damage (a bad stream, a broken reference), not a bug of ours.
  const damaged = (err: unknown): never => {
    throw new ExtractError("damaged", `damaged PDF: page ${pageNumber}: ${(err as { message?: string } | null)?.message ?? String(err)}`);
  };
  const page = await doc.getPage(pageNumber).catch(damaged);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const vt = viewport.transform as Matrix;
    const ops = await page.getOperatorList().catch(damaged);
    const fonts = await fontsOf(page, fontNames(ops.fnArray, ops.argsArray));
    const { runs, segments, images, fonts: written } = readOperators(ops.fnArray, ops.argsArray, vt, page.view, (name) => fonts.get(name) ?? null, hooks);
    return {
      number: pageNumber,
      width: viewport.width,
      height: viewport.height,
      rotation: page.rotate,
      runs,
      segments,
      images,
      ...(written.length > 0 ? { fonts: written } : {}),
    };
  } finally {
    page.cleanup();
  }
}

export type Matrix = [number, number, number, number, number, number];

export function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied after n (pdf.js Util.transform order).
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * The fonts' data pdf.js sent along with the operator list. A font not there
 * (pdf.js could not load it) is left out: its glyphs get default metrics.
 */
async function fontsOf(page: PDFPageProxy, names: Iterable<string>): Promise<Map<string, FontInfo>> {
  const objs = page.commonObjs as unknown as { get(id: string): unknown; has(id: string): boolean };
  const wanted = [...names];
  // The display side binds each font a tick after it arrives.
  if (wanted.some((n) => !objs.has(n))) await new Promise((resolve) => setImmediate(resolve));
  const out = new Map<string, FontInfo>();
  for (const name of wanted) {
    if (!objs.has(name)) continue;
    const font = objs.get(name) as Partial<Record<keyof FontInfo, unknown>> | null;
    if (!font) continue;
    const matrix = font.fontMatrix;
    out.set(name, {
      name: typeof font.name === "string" ? font.name : name,
      fontMatrix: Array.isArray(matrix) || ArrayBuffer.isView(matrix) ? Array.from(matrix as ArrayLike<number>) : [0.001, 0, 0, 0.001, 0, 0],
      vertical: font.vertical === true,
    });
  }
  return out;
}
