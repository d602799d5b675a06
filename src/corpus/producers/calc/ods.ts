// The workbook (document.ts) as one Flat ODS file Calc opens directly: a
// page style per master (portrait narrative, landscape or portrait table
// pages, a cover without a page number), the footer's page number, the
// report's font as the default cell font, and each sheet's XML (sheet.ts).
import type { FolioStyle } from "../../options.js";
import { STYLE } from "../../render/style.js";
import type { ReportSource } from "../../source/schema.js";
import { AutoStyles, esc, pt } from "../libreoffice/xml.js";
import { PORTRAIT, TABLE_LANDSCAPE, TABLE_PORTRAIT, type PageGeometry } from "../measure.js";
import { sheetXml, type MasterName, type Sheet } from "./sheet.js";

const FOLIO_BOX = 12;

function pageLayout(name: string, g: PageGeometry, folio: boolean): string {
  const orientation = g.width > g.height ? "landscape" : "portrait";
  // The footer sits inside the bottom margin, as in the other producers: the rows' area ends where the margin begins.
  const bottom = folio ? Math.max(8, STYLE.folioFromBottom - FOLIO_BOX / 2) : g.margins.bottom;
  const gap = Math.max(2, g.margins.bottom - bottom - FOLIO_BOX);
  const footer = folio ? `<style:footer-style><style:header-footer-properties fo:min-height="${pt(FOLIO_BOX)}" fo:margin-top="${pt(gap)}" fo:margin-left="0pt" fo:margin-right="0pt"/></style:footer-style>` : "<style:footer-style/>";
  return (
    `<style:page-layout style:name="${name}"><style:page-layout-properties fo:page-width="${pt(g.width)}" fo:page-height="${pt(g.height)}" style:print-orientation="${orientation}" ` +
    `fo:margin-top="${pt(g.margins.top)}" fo:margin-bottom="${pt(bottom)}" fo:margin-left="${pt(g.margins.left)}" fo:margin-right="${pt(g.margins.right)}" ` +
    `style:print="objects charts drawings" style:print-page-order="ttb" style:first-page-number="continue" style:scale-to="100%" style:writing-mode="lr-tb"/>` +
    `<style:header-style/>${footer}</style:page-layout>`
  );
}

function folioXml(style: FolioStyle): string {
  if (style === "none") return `<style:header style:display="false"/><style:footer style:display="false"/>`;
  const n = `<text:page-number>1</text:page-number>`;
  return `<style:header style:display="false"/><style:footer><style:region-center><text:p>${style === "dashed" ? `- ${n} -` : n}</text:p></style:region-center></style:footer>`;
}

const LAYOUTS: Readonly<Record<MasterName, { layout: string; geometry: PageGeometry }>> = {
  Cover: { layout: "pmCover", geometry: PORTRAIT },
  Portrait: { layout: "pmPortrait", geometry: PORTRAIT },
  TableLandscape: { layout: "pmTableLandscape", geometry: TABLE_LANDSCAPE },
  TablePortrait: { layout: "pmTablePortrait", geometry: TABLE_PORTRAIT },
};

export function odsXml(source: ReportSource, sheets: readonly Sheet[], family: string, folio: FolioStyle): string {
  const styles = new AutoStyles();
  const images = { n: 0 };
  const tables = sheets.map((sheet) => {
    const tableStyle = styles.add("table", `style:master-page-name="${sheet.master}"`, `<style:table-properties table:display="true" style:writing-mode="lr-tb"/>`);
    return sheetXml(styles, sheet, tableStyle, images);
  });
  const cover = source.document.find((b) => b.type === "cover");
  const title = cover?.type === "cover" ? cover.title.replace(/\s+/g, "") : `${source.year}年度${source.unit}部门决算`;
  const created = `${source.issued}T09:00:00`;
  const size = pt(STYLE.narrative.bodySize);
  const footerText = `<style:style style:name="Footer" style:family="paragraph"><style:text-properties fo:font-size="${pt(STYLE.folioSize)}" style:font-size-asian="${pt(STYLE.folioSize)}"/></style:style>`;
  const masters = (Object.entries(LAYOUTS) as [MasterName, (typeof LAYOUTS)[MasterName]][])
    .map(([name, { layout }]) => `<style:master-page style:name="${name}" style:page-layout-name="${layout}">${folioXml(name === "Cover" ? "none" : folio)}</style:master-page>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:meta><dc:title>${esc(title)}</dc:title><meta:initial-creator>${esc(source.unit)}</meta:initial-creator><dc:creator>${esc(source.unit)}</dc:creator><meta:creation-date>${created}</meta:creation-date><dc:date>${created}</dc:date><dc:language>zh-CN</dc:language></office:meta>
<office:font-face-decls><style:font-face style:name="${esc(family)}" svg:font-family="'${esc(family)}'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="table-cell"><style:paragraph-properties style:tab-stop-distance="36pt"/><style:text-properties style:font-name="${esc(family)}" style:font-name-asian="${esc(family)}" style:font-name-complex="${esc(family)}" fo:font-size="${size}" style:font-size-asian="${size}" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Default" style:family="table-cell"/>
${footerText}
</office:styles>
<office:automatic-styles>
${(Object.values(LAYOUTS) as (typeof LAYOUTS)[MasterName][]).map(({ layout, geometry }) => pageLayout(layout, geometry, layout !== "pmCover" && folio !== "none")).join("\n")}
${styles.toXml()}
</office:automatic-styles>
<office:master-styles>
${masters}
</office:master-styles>
<office:body><office:spreadsheet>
${tables.join("\n")}
</office:spreadsheet></office:body></office:document>
`;
}
