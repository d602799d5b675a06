// Rules (data) → checks (instances on this report's rows and columns).
import type { Check, Side } from "./check.js";
import type { Figures } from "./figures.js";
import { CLASSES, COL, EACH, type HierarchyRule, type Rule, type SumRule, type Term } from "./rules/types.js";

const isClass = (k: string): boolean => /^\d{3}$/.test(k);

type Ref = Side["refs"][number];

/** The cells a term stands for: its own, or its parts where only they are printed. */
function refsOf(t: Term, fig: Figures, row: string | null, col: string | null, outer: 1 | -1 = 1): Ref[] {
  const c = t.col === COL ? (col ?? t.col) : t.col;
  const sign = ((t.sign ?? 1) * outer) as 1 | -1;
  if (t.row === CLASSES) return fig.rowKeys(t.table).filter(isClass).map((r) => ({ table: t.table, row: r, col: c, sign }));
  const own: Ref = { table: t.table, row: t.row === EACH ? (row ?? t.row) : t.row, col: c, sign };
  if (!t.parts || fig.has(own)) return [own];
  const parts = t.parts.flatMap((p) => refsOf(p, fig, row, col, sign));
  return parts.some((p) => fig.has(p)) ? parts : [own];
}

function side(terms: readonly Term[], fig: Figures, row: string | null, col: string | null): Side {
  return { refs: terms.flatMap((t) => refsOf(t, fig, row, col)) };
}

function sumChecks(rule: SumRule, fig: Figures): Check[] {
  const tables = new Set([...rule.lhs, ...rule.rhs].map((t) => t.table));
  // A table the report does not print (T9 in the eight-table set) takes no part.
  if ([...tables].some((id) => !fig.table(id))) return [];
  const present = (p: { table: string; row: string }) => fig.rowKeys(p.table).includes(p.row);
  if (rule.needs && !rule.needs.every(present)) return [];
  if (rule.unless?.some(present)) return [];
  const home = rule.lhs[0]!.table;
  const rows: (string | null)[] = !rule.each
    ? [null]
    : rule.each.length === 0
      ? fig.rowKeys(home)
      : rule.each.flatMap((r) => (r === CLASSES ? fig.rowKeys(home).filter(isClass) : [r]));
  const cols: (string | null)[] = rule.cols ? [...rule.cols] : [null];
  const out: Check[] = [];
  for (const row of rows)
    for (const col of cols) {
      const lhs = side(rule.lhs, fig, row, col);
      const rhs = side(rule.rhs, fig, row, col);
      // The cell the finding is about must be printed; so must something on the other side.
      if (!fig.has(lhs.refs[0]!) || !rhs.refs.some((r) => fig.has(r))) continue;
      out.push({ rule: rule.id, identity: rule.identity, status: rule.status, op: rule.op ?? "=", across: tables.size > 1, lhs, rhs });
    }
  return out;
}

function hierarchyChecks(rule: HierarchyRule, fig: Figures): Check[] {
  const t = fig.table(rule.table);
  if (!t) return [];
  const keys = fig.rowKeys(rule.table);
  const cols = [...new Set(t.cells.map((c) => c.col))];
  const out: Check[] = [];
  // identities.md: H1 total = Σ类, H2 类 = Σ款, H3 款 = Σ项; H10 the economic classes of 表6.
  const identity = (level: string): string => (rule.table === "T6" ? "H10" : level === "total" ? "H1" : level === "lei" ? "H2" : "H3");
  const add = (parent: string, kids: readonly string[], level: string, label: string) => {
    if (kids.length === 0) return;
    for (const col of cols) {
      if (!fig.has({ table: rule.table, row: parent, col })) continue;
      out.push({
        rule: `${rule.table}.hierarchy.${level}`,
        identity: identity(level),
        status: "ALWAYS",
        op: "=",
        across: false,
        lhs: { refs: [{ table: rule.table, row: parent, col, sign: 1 }] },
        rhs: { refs: kids.map((k) => ({ table: rule.table, row: k, col, sign: 1 })) },
        rhsLabel: label,
      });
    }
  };
  if (rule.total) add("total", keys.filter(isClass), "total", "各类之和");
  for (const k of keys.filter((x) => /^\d{3}$|^\d{5}$/.test(x))) {
    const kids = keys.filter((x) => x.length === k.length + 2 && x.startsWith(k));
    add(k, kids, k.length === 3 ? "lei" : "kuan", k.length === 3 ? "各款之和" : "各项之和");
  }
  return out;
}

export function expand(rules: readonly Rule[], fig: Figures): Check[] {
  return rules.flatMap((r) => (r.kind === "sum" ? sumChecks(r, fig) : hierarchyChecks(r, fig)));
}
