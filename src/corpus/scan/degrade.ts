// A drawn page made to look scanned: paper tone, a tilt, noise, then JPEG.
// Pixel edits work on the RGBA bytes of ImageData; the tilt is drawn on a
// second canvas, filled with the paper tone first so the corners the turn
// uncovers are paper, not black.
import type { CanvasFactory, Drawn } from "../../source/canvas.js";
import type { Rng } from "../rng.js";
import type { Noise, ScanParams } from "./params.js";

/** Paper tone: white becomes `grey`, black stays black (a multiply, as ink on tinted paper). */
export function tone(data: Uint8ClampedArray, grey: number): void {
  if (grey >= 255) return;
  const k = grey / 255;
  for (let i = 0; i < data.length; i += 4) {
    data[i] = data[i]! * k;
    data[i + 1] = data[i + 1]! * k;
    data[i + 2] = data[i + 2]! * k;
  }
}

/** Noise in place, the same on the three channels (a scanner's grain is grey). */
export function addNoise(data: Uint8ClampedArray, noise: Noise, rng: Rng): void {
  const set = (i: number, v: number): void => {
    data[i] = v;
    data[i + 1] = v;
    data[i + 2] = v;
  };
  if (noise.kind === "salt-pepper" && noise.amount > 0) {
    const pixels = data.length / 4;
    const specks = Math.round(pixels * noise.amount);
    for (let n = 0; n < specks; n++) {
      const i = Math.floor(rng() * pixels) * 4;
      // Mostly dark specks (dust shows on paper; white ones only on ink).
      set(i, rng() < 0.7 ? 20 + rng() * 40 : 255);
    }
  } else if (noise.kind === "gaussian" && noise.amount > 0) {
    // Box–Muller, both values used.
    for (let i = 0; i < data.length; i += 8) {
      const r = Math.sqrt(-2 * Math.log(1 - rng())) * noise.amount;
      const t = 2 * Math.PI * rng();
      const add = (j: number, d: number): void => {
        if (j >= data.length) return;
        set(j, (data[j]! + data[j + 1]! + data[j + 2]!) / 3 + d);
      };
      add(i, r * Math.cos(t));
      add(i + 4, r * Math.sin(t));
    }
  }
}

/**
 * The degraded page as JPEG bytes: `drawn` (pdf.js's rendering on white) is
 * toned, turned by `angle` degrees counter-clockwise about its centre, given
 * noise, and encoded at the JPEG quality asked. `drawn` is left toned.
 */
export function degradePage(drawn: Drawn, factory: CanvasFactory, params: ScanParams, angle: number, rng: Rng): Buffer {
  const { width, height } = drawn.canvas;
  const page = drawn.context.getImageData(0, 0, width, height);
  tone(page.data, params.grey);
  drawn.context.putImageData(page, 0, 0);
  const out = factory.create(width, height);
  try {
    const ctx = out.context;
    ctx.fillStyle = `rgb(${params.grey}, ${params.grey}, ${params.grey})`;
    ctx.fillRect(0, 0, width, height);
    // Canvas y grows downwards, so a negative angle turns the page counter-clockwise as seen.
    const a = (-angle * Math.PI) / 180;
    const [cos, sin] = [Math.cos(a), Math.sin(a)];
    ctx.setTransform(cos, sin, -sin, cos, width / 2, height / 2);
    ctx.drawImage(drawn.canvas, 0, 0, width, height, -width / 2, -height / 2, width, height);
    ctx.resetTransform();
    const img = ctx.getImageData(0, 0, width, height);
    addNoise(img.data, params.noise, rng);
    ctx.putImageData(img, 0, 0);
    return out.canvas.toBuffer("image/jpeg", params.jpeg);
  } finally {
    factory.destroy(out);
  }
}
