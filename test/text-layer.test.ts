// The page reader takes each page's text from the glyphs of pdf.js's operator
// list (one parse of the content stream gives text and rulings). pdf.js's own
// text extraction is the oracle: on every page of the real PDFs, and on a page
// that uses every text-state operator, both must give the same lines.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openPdf, readPage } from "../src/source/pdf.js";
import { pdfjsLines, readerLines, type LineText } from "./support/text-items.js";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const real = path.resolve(repo, "../shared/real");

/**
 * Where the two readings of a document differ: a line's text, or where it
 * starts (more than 0.25 pt apart), or where it ends. pdf.js counts a trailing
 * space into an item's width: where the PDF draws such spaces, its lines may
 * end further right (`trailingSpaces`), never short.
 */
async function differences(data: Uint8Array, trailingSpaces = false): Promise<string[]> {
  const { doc, pageCount } = await openPdf(data);
  const out: string[] = [];
  const show = (l: LineText | undefined): string => (l ? `${l.text} [${l.x0.toFixed(1)}–${l.x1.toFixed(1)}]` : "(none)");
  try {
    for (let n = 1; n <= pageCount; n++) {
      const [want, got] = [await pdfjsLines(doc, n), await readerLines(doc, n)];
      for (let i = 0; i < Math.max(want.length, got.length); i++) {
        const [w, g] = [want[i], got[i]];
        const ends = w && g && (trailingSpaces ? g.x1 <= w.x1 + 0.25 : Math.abs(w.x1 - g.x1) <= 0.25);
        if (w && g && w.text === g.text && Math.abs(w.x0 - g.x0) <= 0.25 && ends) continue;
        out.push(`p${n} line ${i + 1}: pdf.js ${show(w)}, reader ${show(g)}`);
        break;
      }
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/**
 * A one-page PDF whose content stream is `content`: F1 Helvetica, F2 Times,
 * F3 a Chinese font written top to bottom (STSong-Light, UCS-2 codes, not embedded).
 */
function pdfWith(content: string): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 6 0 R /F3 7 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-V /DescendantFonts [8 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 9 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

describe("the text layer, read from the operator list", () => {
  it("reads every text-state operator as pdf.js's text extraction does", async () => {
    const content = [
      // Tj, Tc, TJ with small and large adjustments, a font change mid-line.
      "BT /F1 12 Tf 72 760 Td (Hello) Tj 0.8 Tc ( spaced) Tj 0 Tc [(Ki) -300 (ng) -1200 (Far)] TJ /F2 12 Tf (Times) Tj ET",
      // Tz, TL and T*, ' and \" (word and character spacing), TD.
      "BT /F1 10 Tf 150 Tz 72 720 Td (wide text) Tj 100 Tz 14 TL T* (next line) Tj (quote line) ' 6 1 (two words) \" 0 -20 TD (after TD) Tj 0 Tw 0 Tc ET",
      // Tw on spaces only, a rise, a text matrix with scale.
      "BT /F1 10 Tf 8 Tw 72 640 Td (word spaced here) Tj 0 Tw 5 Ts (up) Tj 0 Ts ET",
      "BT /F1 1 Tf 11 0 0 11 72 610 Tm (scaled by Tm) Tj 11 0 0 11 300 610 Tm (second Tm) Tj ET",
      // A transform outside the text object, saved and restored; a form of nested q.
      "q 1 0 0 1 100 0 cm BT /F1 11 Tf 10 580 Td (under cm) Tj ET Q BT /F1 11 Tf 72 560 Td (after Q) Tj ET",
      // Text painted off the page is not the page's.
      "BT /F1 10 Tf -900 540 Td (off the page) Tj ET BT /F1 10 Tf 72 540 Td (on the page) Tj ET",
      // Invisible text (render mode 3, an OCR layer) is text all the same.
      "BT 3 Tr /F1 10 Tf 72 520 Td (invisible layer) Tj 0 Tr ET",
      // TJ gaps of -102 and -103 around the 0.102 em threshold: which is a space turns on the last bit of the sums.
      // This producer prints float32 numbers to 8 decimals (29.85 as 29.85000038, its cm too): the operator
      // list's float32 text matrix is read back to those decimals, not to the shortest (29.85).
      "q 1 0 0 -1 0 841.90002441 cm 1 0 0 1 88.44999695 72 cm BT /F1 15 Tf 1 0 0 -1 29.85000038 551.50701904 Tm",
      "[-103 (m) -102 (m) -103 (m) -102 (m) -103 (m) -102 (m) -103 (m) -102 (m) -103 (m) -102 (m) -103 (m) -102 (m)] TJ ET Q",
      // A glyph in the flow of the text (a gap of 0.26 em) but 0.42 em off its baseline: the item ends with a space.
      "BT /F1 12 Tf 1 0 0 1 100 480 Tm (49,385,000) Tj 1 0 0 1 163.148 485 Tm (next item) Tj ET",
      // A run begun left of the page: pdf.js keeps a glyph while its origin plus its width in text space
      // (here 240-unit glyphs, scaled down by Tm) reaches the page.
      "BT /F1 240 Tf 0.05 0 0 0.05 -30 440 Tm (Offside) Tj ET",
      // Upright glyphs of a font written top to bottom (UniGB-UCS2-V), one text object each: horizontal text to the
      // layout, one glyph wide where the first glyph stands; two glyphs in one showText are one item.
      "BT /F3 12 Tf 1 0 0 1 300 400 Tm <5F85> Tj ET BT /F3 12 Tf 1 0 0 1 400 400 Tm <5F85> Tj ET BT /F3 12 Tf 1 0 0 1 500 400 Tm <8D398D39> Tj ET",
    ].join("\n");
    const data = pdfWith(content);
    expect(await differences(data)).toEqual([]);
    // The oracle agrees, and the page holds what was drawn on it.
    const { doc } = await openPdf(data);
    const texts = (await readPage(doc, 1)).runs.map((r) => r.text).join(" ");
    await doc.destroy();
    for (const t of ["Hello", "Far", "Times", "wide text", "next line", "two words", "after TD", "scaled by Tm", "under cm", "on the page", "invisible layer", "49,385,000 ", "Offside", "待", "费费"])
      expect(texts).toContain(t);
    expect(texts).not.toContain("off the page");
  });

  it.skipIf(!existsSync(real))("gives pdf.js's lines on every page of the real PDFs", async () => {
    const files = ["final", "budget"].flatMap((d) => readdirSync(path.join(real, d)).filter((f) => f.endsWith(".pdf")).map((f) => path.join(real, d, f)));
    expect(files.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const f of files) for (const d of await differences(new Uint8Array(readFileSync(f)), true)) found.push(`${path.basename(f)} ${d}`);
    expect(found).toEqual([]);
  }, 180_000);
});
