// Ways a PDF gets damaged on its way from a department's website to a crawl:
// bytes flipped, cut short, its cross-reference table or trailer broken,
// stretches zeroed or repeated. Each mutation is a function of the bytes and
// a seeded rng, so a fuzz run repeats exactly.
import type { Rng } from "../../src/corpus/rng.js";

export type Mutation = (pdf: Buffer, rng: Rng) => Buffer;

const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** Every offset at which `needle` occurs. */
function offsetsOf(pdf: Buffer, needle: string): number[] {
  const out: number[] = [];
  for (let at = pdf.indexOf(needle, 0, "latin1"); at >= 0; at = pdf.indexOf(needle, at + 1, "latin1")) out.push(at);
  return out;
}

const pick = <T>(rng: Rng, list: readonly T[]): T | undefined => list[Math.floor(rng() * list.length)];

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  flipBytes: (pdf, rng) => {
    const out = Buffer.from(pdf);
    for (let n = between(rng, 1, 64); n > 0; n--) {
      const i = between(rng, 0, out.length - 1);
      out[i] = out[i]! ^ (1 << between(rng, 0, 7));
    }
    return out;
  },
  truncate: (pdf, rng) => pdf.subarray(0, between(rng, 0, pdf.length - 1)),
  // The numbers after startxref point somewhere else.
  startxref: (pdf, rng) => {
    const at = offsetsOf(pdf, "startxref").at(-1);
    if (at === undefined) return MUTATIONS["flipBytes"]!(pdf, rng);
    const tail = pdf.subarray(at).toString("latin1").replace(/startxref\s+\d+/, `startxref\n${between(rng, 0, pdf.length * 2)}`);
    return Buffer.concat([pdf.subarray(0, at), Buffer.from(tail, "latin1")]);
  },
  // The xref table (or stream) overwritten with junk.
  xref: (pdf, rng) => {
    const at = pick(rng, [...offsetsOf(pdf, "xref"), ...offsetsOf(pdf, "/XRef")]);
    if (at === undefined) return MUTATIONS["flipBytes"]!(pdf, rng);
    const out = Buffer.from(pdf);
    for (let i = at; i < Math.min(out.length, at + between(rng, 20, 400)); i++) out[i] = between(rng, 0x20, 0x7e);
    return out;
  },
  // No trailer: the file ends before %%EOF.
  trailer: (pdf) => {
    const at = offsetsOf(pdf, "trailer").at(-1) ?? offsetsOf(pdf, "startxref").at(-1) ?? pdf.length;
    return pdf.subarray(0, at);
  },
  zeroRange: (pdf, rng) => {
    const out = Buffer.from(pdf);
    const from = between(rng, 0, out.length - 1);
    out.fill(0, from, Math.min(out.length, from + between(rng, 512, 20_000)));
    return out;
  },
  // A stretch of the file repeated elsewhere: every offset after it is wrong.
  repeatRange: (pdf, rng) => {
    const from = between(rng, 0, pdf.length - 1);
    const chunk = pdf.subarray(from, Math.min(pdf.length, from + between(rng, 16, 8000)));
    const to = between(rng, 0, pdf.length);
    return Buffer.concat([pdf.subarray(0, to), chunk, pdf.subarray(to)]);
  },
  // Bytes flipped inside compressed streams only: the structure is intact, the content is not.
  streamBytes: (pdf, rng) => {
    const starts = offsetsOf(pdf, "stream\n").concat(offsetsOf(pdf, "stream\r\n"));
    const out = Buffer.from(pdf);
    for (let n = between(rng, 1, 16); n > 0; n--) {
      const at = pick(rng, starts);
      if (at === undefined) break;
      const i = at + 8 + between(rng, 0, 200);
      if (i < out.length) out[i] = out[i]! ^ 0xff;
    }
    return out;
  },
  // Object numbers renumbered: references point at the wrong objects.
  objectIds: (pdf, rng) => {
    const text = pdf.toString("latin1");
    let n = 0;
    const out = text.replace(/(\n)(\d+)( 0 obj)/g, (m, nl: string, id: string, rest: string) => (rng() < 0.2 && n++ < 10 ? `${nl}${Number(id) + between(rng, 1, 9)}${rest}` : m));
    return Buffer.from(out, "latin1");
  },
};
