// Text normalisation for matching and for printed names.

const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’";

/** All whitespace removed: the form rules match against. */
export function compact(s: string): string {
  return s.replace(/\s+/g, "");
}

/**
 * A printed name as a reader would quote it: justified spacing inside CJK text
 * ("总 计", "因 公 出 国") removed, other runs of whitespace collapsed.
 */
export function printedName(s: string): string {
  const collapsed = s.replace(/\s+/g, " ").trim();
  return collapsed.replace(new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, "g"), "");
}

/** Strips list numbering: "一、", "（一）", "1.", "(2)". */
export function stripNumbering(s: string): string {
  return s.replace(/^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))\s*/, "");
}
