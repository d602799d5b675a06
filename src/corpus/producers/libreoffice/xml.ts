// XML text for the Flat ODT: escaping, and the automatic styles a document
// collects as it is written (named P1, P2, … per family, as Writer names them;
// identical properties share one style).

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text inside a text:p: runs of spaces and tabs as ODF writes them. */
export function inline(text: string): string {
  return esc(text)
    .replace(/\t/g, "<text:tab/>")
    .replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`);
}

export const pt = (n: number): string => `${Math.round(n * 1000) / 1000}pt`;

export type StyleFamily = "paragraph" | "table" | "table-column" | "table-row" | "table-cell" | "graphic";

const PREFIX: Readonly<Record<StyleFamily, string>> = {
  paragraph: "P",
  table: "Table",
  "table-column": "Col",
  "table-row": "Row",
  "table-cell": "Cell",
  graphic: "fr",
};

export class AutoStyles {
  private readonly names = new Map<string, string>();
  private readonly counts = new Map<StyleFamily, number>();
  private readonly xml: string[] = [];

  /** A style of `family` with these attributes and properties; the same twice gives the same name. */
  add(family: StyleFamily, attrs: string, props: string): string {
    const key = `${family}\u0000${attrs}\u0000${props}`;
    const known = this.names.get(key);
    if (known) return known;
    const n = (this.counts.get(family) ?? 0) + 1;
    this.counts.set(family, n);
    const name = `${PREFIX[family]}${n}`;
    this.names.set(key, name);
    this.xml.push(`<style:style style:name="${name}" style:family="${family}"${attrs ? ` ${attrs}` : ""}>${props}</style:style>`);
    return name;
  }

  toXml(): string {
    return this.xml.join("\n");
  }
}

export interface ParaStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly align?: "start" | "center" | "end" | "justify";
  /** Fixed line height in pt; absent: the font's own. */
  readonly lineHeight?: number;
  readonly indent?: number;
  readonly marginLeft?: number;
  readonly marginRight?: number;
  readonly marginTop?: number;
  readonly marginBottom?: number;
  readonly keepWithNext?: boolean;
  /** A right-aligned tab stop at this position (from the left margin). */
  readonly rightTab?: number;
  /** Starts a new page in this master page. */
  readonly master?: string;
}

export function paragraphStyle(styles: AutoStyles, s: ParaStyle): string {
  const pp: string[] = [];
  if (s.align) pp.push(`fo:text-align="${s.align}"`);
  if (s.lineHeight !== undefined) pp.push(`fo:line-height="${pt(s.lineHeight)}"`);
  if (s.indent !== undefined) pp.push(`fo:text-indent="${pt(s.indent)}"`);
  if (s.marginLeft !== undefined) pp.push(`fo:margin-left="${pt(s.marginLeft)}"`);
  if (s.marginRight !== undefined) pp.push(`fo:margin-right="${pt(s.marginRight)}"`);
  pp.push(`fo:margin-top="${pt(s.marginTop ?? 0)}"`, `fo:margin-bottom="${pt(s.marginBottom ?? 0)}"`);
  if (s.keepWithNext) pp.push(`fo:keep-with-next="always"`);
  if (s.master) pp.push(`style:page-number="auto"`);
  const tabs =
    s.rightTab !== undefined
      ? `<style:tab-stops><style:tab-stop style:position="${pt(s.rightTab)}" style:type="right"/></style:tab-stops>`
      : "";
  const size = pt(s.size);
  const weight = s.bold ? "bold" : "normal";
  const tp = `fo:font-size="${size}" style:font-size-asian="${size}" style:font-size-complex="${size}" fo:font-weight="${weight}" style:font-weight-asian="${weight}" style:font-weight-complex="${weight}"`;
  return styles.add(
    "paragraph",
    `style:parent-style-name="Standard"${s.master ? ` style:master-page-name="${s.master}"` : ""}`,
    `<style:paragraph-properties ${pp.join(" ")}>${tabs}</style:paragraph-properties><style:text-properties ${tp}/>`,
  );
}

export function para(style: string, text: string): string {
  return text === "" ? `<text:p text:style-name="${style}"/>` : `<text:p text:style-name="${style}">${inline(text)}</text:p>`;
}
