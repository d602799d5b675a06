// How far a page's text layer can be trusted. A scanned page has no text (an
// image covers it); a page whose fonts carry no usable ToUnicode map yields
// private-use characters, Kangxi radicals for ideographs, or ASCII symbols
// instead of Chinese. Such pages must be recognised from their image (OCR);
// the route and the score are kept per page.
import type { PageModel } from "./model.js";
import { controlCount } from "./normalize-text.js";
import { BROKEN_SHARE, IDEOGRAPH, judgeFont, PRIVATE_USE, SUSPECT_SHARE } from "./font-text.js";

export interface PageHealth {
  readonly page: number;
  /** text: read the text layer; ocr: recognise the image; blank: nothing to read. */
  readonly route: "text" | "ocr" | "blank";
  /** 0–1: the share of the text layer that looks like real text (1 for a page with no text). */
  readonly score: number;
  /** Why, when the route is not `text` or the score is low. */
  readonly reasons: string[];
  /**
   * Read as text, but a font's text is doubtful or a ruled table prints none of
   * the words every table prints: its tables are checked against an OCR reading.
   */
  readonly suspect?: true;
}

/** Below this score the text layer is not used. */
export const MIN_TEXT_SCORE = 0.75;
/** An image covering this share of a page with (almost) no text makes it a scan. */
const SCAN_COVER = 0.3;
/** Fewer characters than this do not make a page of text (a page number stamped on a scan). */
const FEW_CHARS = 20;

// What a Chinese report prints besides ideographs: ASCII, CJK and fullwidth
// punctuation, Latin-1 and general punctuation, number forms, enclosed numbers,
// letterlike symbols (℃), arrows, box drawing and geometric shapes.
const ORDINARY = /[\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u2100-\u218f\u2190-\u21ff\u2460-\u24ff\u2500-\u25ff\u3000-\u303f\uff00-\uffef]/u;
const RADICAL = /[\u2e80-\u2fdf]/u;
const ASCII_SYMBOL = /[!-/:-@[-`{-~]/;
/** The words every table page prints in its title, header or totals (a performance table: its 指标). */
const TABLE_WORDS = /合计|总计|支出|收入|项目|金额|科目|预算|决算|单位|指标|绩效/u;
/** A figure as printed: 1,234 or 12.5 (a whole token). */
const FIGURE = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+\.\d+$/;
/** A continuation page may print no table word but does print its figures. */
const FEW_FIGURES = 3;
/** A broken font writing less than this share of a page's text (a stray symbol font) does not decide its route. */
const MATERIAL_SHARE = 0.05;

/**
 * Characters among the most frequent in Chinese and in these reports: any real
 * page of 40 ideographs has some; text mapped to the wrong ideographs (a font
 * without a usable ToUnicode map) almost never does.
 */
const ANCHORS = /[的一是不了在人有中这为和国地到以时要就出会可也对生能而下自之年过发后作度等与及其按本元支收合计单位部门预算决算项目情况说明经费财政表]/u;

function imageCover(page: PageModel): number {
  const area = page.width * page.height;
  if (area <= 0) return 0;
  const covered = page.images.reduce((a, b) => {
    const w = Math.max(0, Math.min(b.x1, page.width) - Math.max(b.x0, 0));
    const h = Math.max(0, Math.min(b.y1, page.height) - Math.max(b.y0, 0));
    return a + w * h;
  }, 0);
  return Math.min(1, covered / area);
}

/** A page an image covers (a scan, searchable or not): its rulings are ink on paper, not drawn lines. */
export const isScanned = (page: PageModel): boolean => imageCover(page) >= SCAN_COVER;

export function pageHealth(page: PageModel): PageHealth {
  const chars = [...page.runs.map((r) => r.text).join("").replace(/\s+/g, "")];
  // Control characters normalizing turned into spaces count as written: a font without a usable
  // ToUnicode map gives its glyph ids as them. (Radicals do not: normalized, they are the ideographs
  // the glyphs show, as Chromium and WPS write them through a font's own cmap.)
  const controls = (page.fonts ?? []).reduce((n, f) => n + controlCount(f.text), 0);
  const n = chars.length + controls;
  const cover = imageCover(page);
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  if (n < FEW_CHARS) {
    if (cover >= SCAN_COVER) return { page: page.number, route: "ocr", score: 0, reasons: [`no text layer; an image covers ${pct(cover)} of the page`] };
    if (n === 0) return { page: page.number, route: "blank", score: 1, reasons: [] };
  }
  const count = (re: RegExp): number => chars.filter((c) => re.test(c)).length;
  const ideographs = count(IDEOGRAPH);
  const privateUse = count(PRIVATE_USE);
  const radicals = count(RADICAL);
  const other = chars.filter((c) => !IDEOGRAPH.test(c) && !ORDINARY.test(c)).length - privateUse - radicals + controls;
  const symbols = count(ASCII_SYMBOL);
  const reasons: string[] = [];
  let bad = (privateUse + radicals + other) / n;
  if (privateUse > 0) reasons.push(`${pct(privateUse / n)} private-use characters`);
  if (radicals > 0) reasons.push(`${pct(radicals / n)} radicals in place of ideographs`);
  if (other > 0) reasons.push(`${pct(other / n)} characters outside CJK and common punctuation`);
  // Garbled CJK fonts without ToUnicode often come out as runs of ASCII symbols.
  if (symbols / n > 0.35 && ideographs / n < 0.1) {
    bad += symbols / n;
    reasons.push(`${pct(symbols / n)} ASCII symbols and almost no Chinese`);
  }
  // Plenty of ideographs but none of the words every page has: characters mapped to the wrong ideographs.
  if (ideographs >= 40 && !ANCHORS.test(chars.join(""))) {
    bad += 0.5;
    reasons.push("none of the common characters (的, 是, 年, 支…) among its Chinese");
  }
  const score = Math.max(0, Math.round((1 - bad) * 1000) / 1000);
  const fonts = fontReasons(page, n);
  if (score < MIN_TEXT_SCORE || fonts.broken.length > 0) return { page: page.number, route: "ocr", score, reasons: [...reasons, ...fonts.broken] };
  const suspicions = [...fonts.suspect, ...tableWordsMissing(page, chars.join(""))];
  if (suspicions.length > 0) return { page: page.number, route: "text", score, reasons: [...reasons, ...suspicions], suspect: true };
  return { page: page.number, route: "text", score, reasons };
}

/** Each font judged by its own text: broken (its page is read by OCR) or suspect. */
function fontReasons(page: PageModel, pageChars: number): { broken: string[]; suspect: string[] } {
  const broken: string[] = [];
  const suspect: string[] = [];
  const fonts = page.fonts ?? [];
  let verdicts = fonts.map((f) => judgeFont(f)).filter((v) => v !== null);
  // A cover page's few words, in fonts none of which wrote enough to judge alone: judged together.
  if (verdicts.length === 0) verdicts = [judgeFont({ font: fonts.map((f) => f.font).join(", "), text: fonts.map((f) => f.text).join(" ") }, FEW_CHARS)].filter((v) => v !== null);
  for (const v of verdicts) {
    if (v.unlikely < SUSPECT_SHARE) continue;
    const why = `font ${v.font}: ${v.found.join(", ")} of its ${v.chars} characters`;
    if (v.unlikely >= BROKEN_SHARE && v.chars >= MATERIAL_SHARE * pageChars) broken.push(`${why} (no usable ToUnicode map)`);
    else suspect.push(why);
  }
  return { broken, suspect };
}

/** A ruled grid of at least this many lines each way is a table. */
const GRID_LINES = 3;
/** Fewer characters than this on a ruled page may be an empty table's frame. */
const TABLE_TEXT = 60;

/**
 * A page ruled as a table whose text has none of the words every table prints
 * and hardly a figure: characters mapped to other characters.
 */
function tableWordsMissing(page: PageModel, text: string): string[] {
  if ([...text].length < TABLE_TEXT || TABLE_WORDS.test(text)) return [];
  const figures = page.runs.flatMap((r) => r.text.split(" ")).filter((t) => FIGURE.test(t)).length;
  if (figures >= FEW_FIGURES) return [];
  const across = new Set(page.segments.filter((s) => s.y0 === s.y1).map((s) => Math.round(s.y0)));
  const down = new Set(page.segments.filter((s) => s.x0 === s.x1).map((s) => Math.round(s.x0)));
  if (across.size < GRID_LINES || down.size < GRID_LINES) return [];
  return [`ruled as a table, but none of 合计, 支出, 收入, 项目, 金额, 科目 and ${figures} figures in its text`];
}
