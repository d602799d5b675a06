// Drawing PDF pages in Node: pdf.js draws on the canvases of the document's
// own canvasFactory — the @napi-rs/canvas that pdfjs-dist depends on (another
// major breaks `fill` with a CanvasFillRule error). Review images and OCR
// both draw here.
import type { PDFDocumentProxy } from "pdfjs-dist/types/src/display/api.js";

/** The part of @napi-rs/canvas used here, as the canvasFactory hands it out. */
export interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: "image/jpeg" | "image/png", quality?: number): Buffer;
}
export interface NodeContext {
  getImageData(x: number, y: number, width: number, height: number): { readonly data: Uint8ClampedArray };
  putImageData(data: { readonly data: Uint8ClampedArray }, x: number, y: number): void;
  drawImage(image: NodeCanvas, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void;
  // What the scan corpus (src/corpus/scan/) draws with: a paper-tone fill and a rotation.
  fillStyle: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  resetTransform(): void;
}
export interface Drawn {
  canvas: NodeCanvas;
  context: NodeContext;
}
export interface CanvasFactory {
  create(width: number, height: number): Drawn;
  destroy(canvasAndContext: { canvas: NodeCanvas | null; context: NodeContext | null }): void;
}

/** The document's canvas factory; throws when pdf.js offers none in this runtime. */
export function canvasFactoryOf(doc: PDFDocumentProxy): CanvasFactory {
  const f = doc.canvasFactory as Partial<Record<keyof CanvasFactory, unknown>> | null;
  if (typeof f?.create !== "function" || typeof f.destroy !== "function") throw new Error("pdf.js offers no canvas factory in this runtime");
  return f as unknown as CanvasFactory;
}

/** A page's size in points as it displays (its /Rotate applied), as drawPage draws it at scale 1. */
export async function pageSize(doc: PDFDocumentProxy, pageNumber: number): Promise<{ width: number; height: number }> {
  const page = await doc.getPage(pageNumber);
  try {
    const { width, height } = page.getViewport({ scale: 1 });
    return { width, height };
  } finally {
    page.cleanup();
  }
}

/** Draws a whole page at `scale` (1 = 72 dpi) on a white background; the caller destroys the canvas. */
export async function drawPage(doc: PDFDocumentProxy, factory: CanvasFactory, pageNumber: number, scale: number): Promise<Drawn> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const target = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    // pdf.js is typed for the DOM; in Node its factory's canvas is what it draws on.
    await page.render({ canvas: target.canvas as unknown as HTMLCanvasElement, viewport, background: "#ffffff" }).promise;
    return target;
  } catch (err) {
    factory.destroy(target);
    throw new Error(`cannot draw page ${pageNumber}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    page.cleanup();
  }
}
