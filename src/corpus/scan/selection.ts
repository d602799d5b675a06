// Which reports the scan corpus degrades by default. Small on purpose: OCR
// reads ~1.5 s a page on two cores, so this set (~420 pages) is already a
// long eval (~12 minutes). More: `npm run corpus:scans -- --add PDF --dpi 150,300 --garble PDF`.
import { z } from "zod";

export const ScanJob = z.discriminatedUnion("kind", [
  /** A scan at `dpi`, its skew, noise, JPEG quality and paper drawn from the seed. */
  z.object({ kind: z.literal("scan"), source: z.string(), dpi: z.number().int().positive() }),
  /** The same PDF with its fonts' ToUnicode maps removed; `keep` (a regular expression) names fonts (/BaseFont) left intact. */
  z.object({ kind: z.literal("garble"), source: z.string(), keep: z.string().optional() }),
]);
export type ScanJob = z.infer<typeof ScanJob>;

const SEED = "corpus/seed/hongshan-grid-2021.pdf";

/** Repo-relative PDFs with their truth beside them; corpus/generated/ is made by `npm run corpus`. */
export const DEFAULT_SCANS: readonly ScanJob[] = [
  // The seed (landscape, ruled) at the three resolutions: what dpi costs.
  { kind: "scan", source: SEED, dpi: 150 },
  { kind: "scan", source: SEED, dpi: 200 },
  { kind: "scan", source: SEED, dpi: 300 },
  // Other looks at 200 dpi: portrait ruled (Shanghai template), portrait unruled, landscape on /Rotate 90 pages in 元.
  { kind: "scan", source: "corpus/generated/01-sh-putuo-shiquan-2023.pdf", dpi: 200 },
  { kind: "scan", source: "corpus/generated/42-zs-shenji-2023.pdf", dpi: 200 },
  { kind: "scan", source: "corpus/generated/28-wlmq-tianshan-yjj-2022.pdf", dpi: 200 },
  // Garbled fonts: portrait ruled with injected errors, landscape unruled with every glyph its own text object.
  { kind: "garble", source: "corpus/generated/17-gz-yuexiu-no7-2019.pdf" },
  { kind: "garble", source: "corpus/generated/09-wh-hongshan-czj-2017.pdf" },
  // Producers we do not control (committed): Chromium keeps a font's glyph ids, so its garbled text is
  // ideographs scattered over the CJK block; Calc renumbers them, so its text is control codes and ASCII.
  // Their scans: other fonts (Noto Serif CJK, WenQuanYi Zen Hei), other rulings, other page furniture.
  { kind: "garble", source: "corpus/chromium/66-xa-beilin-rsj-2022.pdf" },
  { kind: "garble", source: "corpus/calc/77-zs-shenji-2021.pdf" },
  // Sound and broken fonts on one page: Chromium's bold (titles, headers) intact, its regular (the figures) garbled.
  { kind: "garble", source: "corpus/chromium/65-wh-hongshan-czj-2021.pdf", keep: "-Bold$" },
  // Calc in WenQuanYi Micro Hei, landscape pages.
  { kind: "garble", source: "corpus/calc/80-wlmq-tianshan-yjj-2020.pdf" },
  { kind: "scan", source: "corpus/chromium/74-wh-jianghan-minzu-2022.pdf", dpi: 200 },
  { kind: "scan", source: "corpus/calc/83-wh-hongshan-czj-2017.pdf", dpi: 200 },
];
