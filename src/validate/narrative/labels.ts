// Labels: the words before a figure, normalized, and what table cells they name.
import type { Table } from "../../../schemas/canonical.js";
import { AMOUNT_RULES, CLASS_NAMES, CLASS_TABLE, LABEL_PREFIXES } from "./rules.js";
import type { CellRef, SectionKey } from "./types.js";

const ENUMERATOR = /^(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[.、]|[一二三四五六七八九十]{1,3}、)+/;

/** Quotes, brackets and "（类）" out; full-width parentheses to ASCII. */
export function plainLabel(raw: string): string {
  return raw
    .replace(/[“”"‘’'「」『』《》]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/\((类|款|项)\)/g, "")
    .replace(/支出支出$/, "支出")
    .replace(/[、·]/g, "");
}

export function normalizeLabel(raw: string): string {
  let s = plainLabel(raw).replace(/^[，,。；;：:、]+/, "");
  for (const p of LABEL_PREFIXES) s = s.replace(p, "");
  return s.replace(/^[，,。；;：:、]+/, "").replace(ENUMERATOR, "").replace(/^本年度(?=.)/, "");
}

export interface Binding {
  readonly qty: string;
  readonly refs: readonly CellRef[];
  readonly fallback: readonly CellRef[];
  readonly identity: string;
}

const stripClass = (name: string): string => plainLabel(name).replace(/\(.*?\)/g, "").replace(/支出$/, "");

/** The 类 code a label names, from the table's own row names first, then the names of every year. */
export function classOf(label: string, table: Table | undefined): string | null {
  const want = stripClass(label);
  if (want === "") return null;
  for (const row of table?.rows ?? []) {
    if (/^\d{3}$/.test(row.key) && row.name && stripClass(row.name) === want) return row.key;
  }
  for (const [code, names] of Object.entries(CLASS_NAMES)) if (names.includes(want)) return code;
  return null;
}

export function bindLabel(section: SectionKey, label: string, tables: readonly Table[]): Binding | null {
  for (const r of AMOUNT_RULES) {
    if (r.sections.includes(section) && r.label.test(label)) {
      return { qty: r.qty, refs: r.refs, fallback: r.fallback ?? [], identity: r.identity };
    }
  }
  const cls = CLASS_TABLE[section];
  if (cls && /支出$|^[^\d]{2,12}$/.test(label)) {
    const code = classOf(label, tables.find((t) => t.id === cls.table));
    if (code) return { qty: `class.${code}`, refs: [{ table: cls.table, row: code, col: "total" }], fallback: [], identity: cls.identity };
  }
  return null;
}

/**
 * An item head "一般公共服务（类）财政事务（款）行政运行（项）" → the T5 row it names:
 * the 项 under the named 款, or the 类. Null unless exactly one row fits.
 */
export function bindItemHead(head: string, t5: Table | undefined): { code: string; level: "类" | "款" | "项" } | null {
  const h = head.replace(/（/g, "(").replace(/）/g, ")").replace(/[“”"]/g, "");
  const m = /^(.+?)(?:支出)?\(类\)(?:支出)?(?:(.+?)\(款\))?(?:(.+?)\(项\))?$/.exec(h);
  const className = m?.[1] ?? h;
  const cls = classOf(className, t5);
  if (!cls) return null;
  if (!m?.[2]) return m || stripClass(h) === stripClass(className) ? { code: cls, level: "类" } : null;
  const rows = t5?.rows ?? [];
  const same = (a: string | null | undefined, b: string): boolean => !!a && plainLabel(a).replace(/\s/g, "") === plainLabel(b);
  const kuan = rows.filter((r) => r.key.length === 5 && r.key.startsWith(cls) && same(r.name, m[2] ?? ""));
  if (kuan.length !== 1 || !kuan[0]) return null;
  if (!m[3]) return { code: kuan[0].key, level: "款" };
  const kk = kuan[0].key;
  const xiang = rows.filter((r) => r.key.length === 7 && r.key.startsWith(kk) && same(r.name, m[3] ?? ""));
  return xiang.length === 1 && xiang[0] ? { code: xiang[0].key, level: "项" } : null;
}
