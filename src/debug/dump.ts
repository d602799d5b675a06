// Developer view of what layout sees: `node dist/src/debug/dump.js FILE [from] [to]`
// prints each page's grids as rows of cell texts and the lines around them.
import { readFileSync } from "node:fs";
import { openPdf, readPage } from "../source/pdf.js";
import { layoutPage } from "../layout/page.js";
import { unruledTables } from "../recognize/unruled.js";

const [file, from = "1", to = "9999"] = process.argv.slice(2);
if (!file) {
  console.error("usage: dump FILE [from] [to]");
  process.exit(2);
}
const pdf = await openPdf(new Uint8Array(readFileSync(file)));
for (let n = Number(from); n <= Math.min(Number(to), pdf.pageCount); n++) {
  const layout = layoutPage(await readPage(pdf.doc, n));
  console.log(`=== page ${n} (${Math.round(layout.width)}x${Math.round(layout.height)}) grids ${layout.grids.length}`);
  for (const l of layout.lines) console.log(`  | ${Math.round(l.y0)} ${l.text}`);
  const unruled = unruledTables(layout, null).map((u) => u.grid);
  [...layout.grids, ...unruled].forEach((g, gi) => {
    console.log(`  ${gi >= layout.grids.length ? "unruled " : ""}grid ${gi}: ${g.ys.length - 1} rows x ${g.xs.length - 1} cols @ y ${Math.round(g.y0)}-${Math.round(g.y1)}`);
    for (let r = 0; r < g.ys.length - 1; r++) {
      const seen = new Set<number>();
      const parts: string[] = [];
      for (let c = 0; c < g.xs.length - 1; c++) {
        const idx = g.cellAt[r]![c]!;
        if (seen.has(idx)) continue;
        seen.add(idx);
        const cell = g.cells[idx]!;
        const span = cell.c1 - cell.c0 > 1 || cell.r1 - cell.r0 > 1 ? `{${cell.r1 - cell.r0}x${cell.c1 - cell.c0}}` : "";
        parts.push(cell.r0 === r ? `${span}${cell.text}` : "^");
      }
      console.log(`    ${r}: ${parts.join(" | ")}`);
    }
  });
}
await pdf.doc.destroy();
