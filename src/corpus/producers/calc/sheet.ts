// One sheet of a Flat ODS as the Calc producer lays it out: column widths,
// rows of a fixed height (so this producer, not Calc, decides where pages
// break: a row starts a page where `breakBefore` says), merged cells, the
// rows Calc prints again at the top of every page (its print titles), and
// the XML Calc reads it from.
import { AutoStyles, esc, inline, pt } from "../libreoffice/xml.js";

export type Align = "start" | "center" | "end" | "justify";

export interface CellStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly align: Align;
  readonly border: boolean;
  readonly wrap: boolean;
  /** Left and right padding in pt (0: a figure flush against the ruling). */
  readonly padX: number;
}

export interface SheetCell {
  readonly col: number;
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly style: CellStyle;
  /** A picture anchored in the cell (a chart): SVG text and its size in pt. */
  readonly image?: { readonly svg: string; readonly width: number; readonly height: number };
}

export interface SheetRow {
  readonly cells: readonly SheetCell[];
  readonly height: number;
  /** This row starts a new page (a manual page break above it). */
  breakBefore?: boolean;
}

export type MasterName = "Cover" | "Portrait" | "TableLandscape" | "TablePortrait";

export interface Sheet {
  readonly name: string;
  readonly master: MasterName;
  readonly widths: readonly number[];
  readonly rows: SheetRow[];
  /** Rows [from, to) Calc prints again at the top of each page the sheet runs onto. */
  readonly repeat?: readonly [number, number];
}

function cellStyle(styles: AutoStyles, s: CellStyle): string {
  const border = s.border ? "0.5pt solid #000000" : "none";
  const size = pt(s.size);
  const weight = s.bold ? "bold" : "normal";
  return styles.add(
    "table-cell",
    `style:parent-style-name="Default"`,
    `<style:table-cell-properties fo:border="${border}" fo:padding-left="${pt(s.padX)}" fo:padding-right="${pt(s.padX)}" fo:padding-top="0pt" fo:padding-bottom="0pt" ` +
      `style:vertical-align="middle" fo:wrap-option="${s.wrap ? "wrap" : "no-wrap"}" style:text-align-source="fix" style:repeat-content="false" style:shrink-to-fit="false"/>` +
      `<style:paragraph-properties fo:text-align="${s.align}" fo:margin-left="0pt"/>` +
      `<style:text-properties fo:font-size="${size}" style:font-size-asian="${size}" style:font-size-complex="${size}" fo:font-weight="${weight}" style:font-weight-asian="${weight}" style:font-weight-complex="${weight}"/>`,
  );
}

function imageXml(image: NonNullable<SheetCell["image"]>, z: number): string {
  const data = Buffer.from(image.svg, "utf8").toString("base64");
  return (
    `<draw:frame draw:z-index="${z}" draw:name="图表${z + 1}" svg:width="${pt(image.width)}" svg:height="${pt(image.height)}" svg:x="0pt" svg:y="0pt">` +
    `<draw:image draw:mime-type="image/svg+xml"><office:binary-data>${data}</office:binary-data></draw:image></draw:frame>`
  );
}

export function sheetXml(styles: AutoStyles, sheet: Sheet, tableStyle: string, images: { n: number }): string {
  const ncols = sheet.widths.length;
  const cols = sheet.widths
    .map((w) => `<table:table-column table:style-name="${styles.add("table-column", "", `<style:table-column-properties fo:break-before="auto" style:column-width="${pt(w)}"/>`)}" table:default-cell-style-name="Default"/>`)
    .join("");
  const covered = sheet.rows.map(() => new Array<boolean>(ncols).fill(false));
  const rowsXml = sheet.rows.map((row, r) => {
    const rowStyle = styles.add(
      "table-row",
      "",
      `<style:table-row-properties style:row-height="${pt(row.height)}" fo:break-before="${row.breakBefore ? "page" : "auto"}" style:use-optimal-row-height="false"/>`,
    );
    const byCol = new Map(row.cells.map((c) => [c.col, c]));
    const out: string[] = [];
    for (let col = 0; col < ncols; col++) {
      if (covered[r]?.[col]) {
        out.push("<table:covered-table-cell/>");
        continue;
      }
      const c = byCol.get(col);
      if (!c) {
        out.push("<table:table-cell/>");
        continue;
      }
      const colSpan = Math.min(c.colSpan ?? 1, ncols - col);
      const rowSpan = Math.min(c.rowSpan ?? 1, sheet.rows.length - r);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) if (dr || dc) covered[r + dr]![col + dc] = true;
      const spans = `${colSpan > 1 ? ` table:number-columns-spanned="${colSpan}"` : ""}${rowSpan > 1 ? ` table:number-rows-spanned="${rowSpan}"` : ""}`;
      const value = c.text === "" ? "" : ` office:value-type="string"`;
      const picture = c.image ? imageXml(c.image, images.n++) : "";
      const text = c.text === "" ? "" : `<text:p>${inline(c.text)}</text:p>`;
      out.push(`<table:table-cell table:style-name="${cellStyle(styles, c.style)}"${spans}${value}>${picture}${text}</table:table-cell>`);
    }
    return `<table:table-row table:style-name="${rowStyle}">${out.join("")}</table:table-row>`;
  });
  const [from, to] = sheet.repeat ?? [0, 0];
  const body =
    to > from
      ? [...rowsXml.slice(0, from), `<table:table-header-rows>${rowsXml.slice(from, to).join("")}</table:table-header-rows>`, ...rowsXml.slice(to)]
      : rowsXml;
  return `<table:table table:name="${esc(sheet.name)}" table:style-name="${tableStyle}">${cols}\n${body.join("\n")}\n</table:table>`;
}
