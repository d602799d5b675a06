// The peer: what a TypeScript user reaches for to get tables out of PDFs,
// pdf-parse (2.x, itself on pdf.js), its getTable() on every page. Its tables
// are plain rows of strings; peer-report.ts gives them the benefit of every
// doubt to turn them into the canonical model, so that the scorer can judge them.
import { readFileSync } from "node:fs";
import { z } from "zod";

export const PeerFile = z.object({
  file: z.string(),
  /** Per page (1-based `num`): its tables, each rows of cell strings. */
  pages: z.array(z.object({ num: z.number().int(), tables: z.array(z.array(z.array(z.string()))) })),
  error: z.string().nullable(),
});
export type PeerFile = z.infer<typeof PeerFile>;

export async function readPeerTables(files: readonly string[]): Promise<{ pages: number; files: PeerFile[] }> {
  // Loaded here, in the peer's own process: pdf-parse brings its own pdf.js and canvas and sets their
  // globals (Path2D), with which this process's pdf.js could no longer draw (the OCR benches draw pages).
  const { PDFParse } = await import("pdf-parse");
  const out: PeerFile[] = [];
  let pages = 0;
  for (const file of files) {
    const parser = new PDFParse({ data: new Uint8Array(readFileSync(file)) });
    try {
      const result = await parser.getTable();
      pages += result.pages.length;
      out.push({ file, pages: result.pages.map((p) => ({ num: p.num, tables: p.tables })), error: null });
    } catch (err) {
      out.push({ file, pages: [], error: err instanceof Error ? err.message : String(err) });
    } finally {
      await parser.destroy();
    }
  }
  return { pages, files: out };
}
