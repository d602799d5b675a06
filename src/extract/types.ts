import type { DocumentKind, PageRoute, Table } from "../../schemas/canonical.js";

/** What extraction learns from one PDF; the pipeline adds file, hash and status. */
export interface Extraction {
  readonly unit: string | null;
  /** The unit's name with more of its region, as the document names itself elsewhere (its cover); null when it says no more. */
  readonly unit_full: string | null;
  readonly year: number | null;
  readonly printed_unit: "万元" | "元" | "亿元" | null;
  readonly kind: DocumentKind;
  readonly page_count: number;
  readonly producer: string | null;
  readonly tables: Table[];
  /** Per page: text layer or OCR, and the text layer's health score. */
  readonly pages: readonly PageRoute[];
  /** The pages read by OCR (those routed to it, when OCR was asked for), in order. */
  readonly ocr_pages: readonly number[];
  /** Full text of pages outside tables, in reading order, for narrative checks. */
  readonly narrative: readonly { page: number; text: string }[];
}
