// A PDF whose fonts lost their ToUnicode maps: it draws exactly as before
// (glyphs are chosen by code, not by Unicode) but its text layer reads as
// gibberish, as PDFs from some Chinese office software do.
//
// Each `/ToUnicode n g R` entry of a font dictionary is overwritten by as
// many spaces: every byte offset stays where it was, so the xref table holds
// without being rewritten (the orphaned CMap streams are harmless). Nothing
// else is needed for pdfkit's output: its fonts are Identity-H CID fonts
// (CFF, FontFile3; TrueType, FontFile2 alike), and without ToUnicode pdf.js
// maps each glyph id to the code point of the same number ("\u0001\u0002…",
// "ÌÀÁX…") — it does not rebuild Unicode from the subset font's own tables.
// write.ts checks that pdf.js indeed reads every page as unusable (health
// route "ocr"), so a producer whose fonts can be read back is refused, not
// silently kept as a "garbled" report with a healthy text layer.

const TO_UNICODE = /\/ToUnicode\s+\d+\s+\d+\s+R/g;

/** Where stream data lies (between `stream` EOL and `endstream`): never edited, it may hold any bytes. */
function streamSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const start = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(text)) !== null) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === "end") continue;
    const from = m.index + m[0].length;
    const to = text.indexOf("endstream", from);
    if (to < 0) break;
    spans.push([from, to]);
    start.lastIndex = to + "endstream".length;
  }
  return spans;
}

export interface Garbled {
  readonly pdf: Uint8Array;
  /** How many ToUnicode entries were removed. */
  readonly removed: number;
}

/**
 * `keep`: fonts whose /BaseFont it matches keep their map, so that a page can
 * hold sound and broken fonts side by side (a bold title font intact over a
 * garbled body font, as when one font of a document was embedded otherwise).
 */
export function garblePdf(source: Uint8Array, keep?: RegExp): Garbled {
  // latin1 maps every byte to one char and back: a lossless view of the bytes.
  const text = Buffer.from(source).toString("latin1");
  const spans = streamSpans(text);
  const inStream = (at: number): boolean => spans.some(([a, b]) => at >= a && at < b);
  let removed = 0;
  const out = text.replace(TO_UNICODE, (entry, at: number) => {
    if (inStream(at)) return entry;
    if (keep && keep.test(baseFontAround(text, at))) return entry;
    removed++;
    return " ".repeat(entry.length);
  });
  // Object streams (PDF 1.5) would hide font dictionaries from this edit; pdfkit writes none.
  if (removed === 0) throw new Error("no ToUnicode entry found outside streams (fonts without one, or dictionaries inside object streams)");
  return { pdf: new Uint8Array(Buffer.from(out, "latin1")), removed };
}

/** The name of the font whose dictionary holds offset `at`: its /BaseFont, or its descriptor's /FontName (a Type 3 font names none itself). */
function baseFontAround(text: string, at: number): string {
  const object = objectAround(text, at);
  const base = /\/BaseFont\s*\/([^\s/<>[\]()]+)/.exec(object)?.[1];
  if (base !== undefined) return base;
  const descriptor = /\/FontDescriptor\s+(\d+)\s+(\d+)\s+R/.exec(object);
  if (!descriptor) return "";
  const start = new RegExp(`(^|\\s)${descriptor[1]}\\s+${descriptor[2]}\\s+obj`).exec(text);
  return start ? (/\/FontName\s*\/([^\s/<>[\]()]+)/.exec(objectAround(text, start.index + start[0].length))?.[1] ?? "") : "";
}

/** The text of the object holding offset `at`. */
function objectAround(text: string, at: number): string {
  const start = text.lastIndexOf(" obj", at);
  const end = text.indexOf("endobj", at);
  return text.slice(start < 0 ? 0 : start, end < 0 ? text.length : end);
}
