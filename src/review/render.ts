// Page regions -> JPEG images, with pdf.js in Node. The document is opened the
// way extraction opens it (src/source/pdf.ts: CMaps, standard fonts); pages are
// drawn on the canvases of the document's own canvasFactory, i.e. the
// @napi-rs/canvas that pdfjs-dist depends on (another major breaks `fill`).
import type { BBox } from "../../schemas/canonical.js";
import { canvasFactoryOf, drawPage, type CanvasFactory, type Drawn } from "../source/canvas.js";
import { openPdf } from "../source/pdf.js";
import type { PageSize } from "./region.js";

/** 108 dpi: 9 pt CJK figures stay legible at 100% zoom; 2 (144 dpi) makes the file 1.5x larger. */
export const SCALE = 1.5;
const JPEG_QUALITY = 75;

export interface PageImage {
  /** What the image shows, in page points: the region asked for, less blank margins left and right. */
  readonly rect: BBox;
  readonly dataUri: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly bytes: number;
}

/** The pages of one PDF, each drawn once and cropped as often as asked. */
export interface PdfPages {
  readonly pageCount: number;
  /** Size in points at scale 1, rotation applied (the space cell boxes are stored in). */
  size(page: number): Promise<PageSize>;
  /** The region `rect` of a page, trimmed of blank margins left and right but never narrower than `keep`. */
  crop(page: number, rect: BBox, keep: BBox): Promise<PageImage>;
  close(): Promise<void>;
}


/** Opens a PDF's bytes; throws a one-line reason when pdf.js cannot read them. */
export async function openPages(bytes: Uint8Array): Promise<PdfPages> {
  const { doc, pageCount } = await openPdf(bytes);
  let factory: CanvasFactory;
  try {
    factory = canvasFactoryOf(doc);
  } catch (err) {
    await doc.destroy();
    throw err;
  }
  const drawn = new Map<number, Promise<Drawn>>();

  const checkPage = (page: number): void => {
    if (!Number.isInteger(page) || page < 1 || page > pageCount) throw new Error(`page ${page} is not in the PDF (${pageCount} pages)`);
  };
  return {
    pageCount,
    async size(page) {
      checkPage(page);
      const p = await doc.getPage(page);
      const { width, height } = p.getViewport({ scale: 1 });
      return { width, height };
    },
    async crop(page, rect, keep) {
      checkPage(page);
      let full = drawn.get(page);
      if (full === undefined) {
        full = drawPage(doc, factory, page, SCALE);
        drawn.set(page, full);
      }
      const { canvas, context } = await full;
      const sy = Math.max(0, Math.floor(rect[1] * SCALE));
      const sh = Math.min(canvas.height, Math.ceil(rect[3] * SCALE)) - sy;
      let sx = Math.max(0, Math.floor(rect[0] * SCALE));
      let sw = Math.min(canvas.width, Math.ceil(rect[2] * SCALE)) - sx;
      if (sw <= 0 || sh <= 0) throw new Error(`the region of page ${page} is empty`);
      const inked = inkedColumns(context.getImageData(sx, sy, sw, sh).data, sw, sh);
      if (inked !== null) {
        const left = Math.max(sx, Math.min(sx + inked[0] - TRIM_PAD, Math.floor(keep[0] * SCALE) - TRIM_PAD));
        const right = Math.min(sx + sw, Math.max(sx + inked[1] + 1 + TRIM_PAD, Math.ceil(keep[2] * SCALE) + TRIM_PAD));
        sx = left;
        sw = right - left;
      }
      const out = factory.create(sw, sh);
      try {
        out.context.drawImage(canvas, sx, sy, sw, sh, 0, 0, sw, sh);
        const jpeg = out.canvas.toBuffer("image/jpeg", JPEG_QUALITY);
        return {
          rect: [sx / SCALE, sy / SCALE, (sx + sw) / SCALE, (sy + sh) / SCALE],
          dataUri: `data:image/jpeg;base64,${jpeg.toString("base64")}`,
          widthPx: sw,
          heightPx: sh,
          bytes: jpeg.length,
        };
      } finally {
        factory.destroy(out);
      }
    },
    async close() {
      for (const pending of drawn.values()) {
        const c = await pending.catch(() => null);
        if (c !== null) factory.destroy(c);
      }
      await doc.destroy();
    },
  };
}

/** Pixels kept beside the outermost ink. */
const TRIM_PAD = 12;

/** First and last pixel columns holding anything darker than near-white, or null for a blank region. */
function inkedColumns(rgba: Uint8ClampedArray, width: number, height: number): [number, number] | null {
  let first = width;
  let last = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < first; x++) {
      if (inked(rgba, row + x * 4)) {
        first = x;
        break;
      }
    }
    for (let x = width - 1; x > last; x--) {
      if (inked(rgba, row + x * 4)) {
        last = x;
        break;
      }
    }
  }
  return last < 0 ? null : [first, last];
}

function inked(rgba: Uint8ClampedArray, i: number): boolean {
  return (rgba[i] ?? 255) < 235 || (rgba[i + 1] ?? 255) < 235 || (rgba[i + 2] ?? 255) < 235;
}
