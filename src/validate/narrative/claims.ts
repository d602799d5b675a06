// extractClaims: the figures of the 情况说明 the tables can check, each bound
// to the cells it speaks of. Unbound figures stay out (they may still serve
// as the stated operand of a share or rate in the same sentence).
import type { Table } from "../../../schemas/canonical.js";
import { bindItemHead, bindLabel, normalizeLabel, plainLabel, type Binding } from "./labels.js";
import { parsePrinted, UNIT_IN_WAN, type AmountUnit } from "./numbers.js";
import {
  BARE_T7, BREAKDOWN_RULES, BUDGET_LABEL, BUDGET_OF, CHANGE_AMOUNT, CHANGE_PCT, CHANGE_SUBJECT_TAIL, DEFAULT_DEN, DEN_RULES,
  FIGURE_RULES, ITEM_ACTUAL_LABEL, LIST_RULES, RATE_LABEL, RELATIONS, SHARE_MARK, YOY_CONTEXT, type BreakdownRule,
} from "./rules.js";
import { layoutOf, type Layout, type Section } from "./sections.js";
import { compactNarrative, pageAt, type CompactText } from "./text.js";
import type { CellRef, Claim, NarrativePage, Operand, SectionKey } from "./types.js";

const TOKEN = /(?<![\d.,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万元|亿元|元|%)/g;
const CLAUSE_END = /[，,。；;：:！？!?]/;
const SENTENCE_END = /[。；;！？!?]/;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly unit: AmountUnit | "%";
  readonly value: number;
  readonly decimals: number;
  /** Words from the clause start (or the previous figure) to the figure. */
  readonly raw: string;
  readonly clauseStart: number;
  readonly sentence: number;
}

/** An amount seen in the sentence, bound or not: the operand of what follows. */
interface Seen {
  readonly token: Token;
  readonly label: string;
  readonly binding: Binding | null;
  readonly kind: "amount" | "change";
}

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  let sentence = 0;
  let scanned = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    for (; scanned < start; scanned++) if (SENTENCE_END.test(text[scanned] ?? "")) sentence++;
    let clauseStart = prevEnd;
    for (let i = start - 1; i >= prevEnd; i--) {
      if (CLAUSE_END.test(text[i] ?? "") && !/\d/.test(text[i + 1] ?? "")) { clauseStart = i + 1; break; }
      if (CLAUSE_END.test(text[i] ?? "")) { clauseStart = i + 1; break; }
    }
    const printed = m[1] ?? "";
    const { value, decimals } = parsePrinted(printed);
    const unit = (m[2] ?? "%") as AmountUnit | "%";
    out.push({
      start, end: start + m[0].length, text: printed, unit, decimals,
      value: unit === "%" ? value : value * UNIT_IN_WAN[unit],
      raw: text.slice(clauseStart, start), clauseStart, sentence,
    });
    prevEnd = start + m[0].length;
  }
  return out;
}

function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (SENTENCE_END.test(text[i] ?? "")) return i + 1;
  return 0;
}

const operandOf = (s: Seen): Operand =>
  s.binding ? { refs: s.binding.refs, fallback: s.binding.fallback } : { value: s.token.value, text: `${s.token.text}${s.token.unit}` };

class SectionReader {
  readonly claims: Claim[] = [];
  private readonly text: string;
  private readonly base: number;
  private seen: Seen[] = [];
  private sentence = -1;
  /** Figures the tables do not print (机关运行经费, 政府采购), the first stated per name. */
  private readonly figures = new Map<string, { token: Token; label: string }>();
  /** The 三公 item a run of sub-items ("其中：燃料费…；维修费…") may break down. */
  private breakdown: { rule: BreakdownRule; parent: Binding; token: Token; label: string; parts: { token: Token; label: string }[] } | null = null;

  constructor(
    private readonly ct: CompactText,
    private readonly layout: Layout,
    private readonly sec: Section,
    private readonly tables: readonly Table[],
    private readonly ids: Map<string, number>,
  ) {
    this.text = ct.text.slice(sec.start, sec.end);
    this.base = sec.start;
  }

  private id(stem: string): string {
    const n = (this.ids.get(stem) ?? 0) + 1;
    this.ids.set(stem, n);
    return n === 1 ? stem : `${stem}#${n}`;
  }

  private subAt(offset: number): string | null {
    let sub: string | null = null;
    for (const it of this.layout.items) {
      if (it.offset < this.base || it.offset > this.base + offset) continue;
      if (it.sub) sub = it.marker;
    }
    return sub;
  }

  /** The enumerated item holding an offset, with its head (up to the first 。 or ：). */
  private itemHead(offset: number): string | null {
    let at = -1;
    for (const it of this.layout.items) if (it.offset >= this.base && it.offset <= this.base + offset) at = it.offset - this.base;
    if (at < 0) return null;
    const body = this.text.slice(at).replace(/^(?:[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}[.、])/, "");
    const stop = body.search(/[。：:；;，,]/);
    return body.slice(0, stop < 0 ? 40 : Math.min(stop, 40));
  }

  private base_(t: Token, quoteFrom: number, extra: { id: string; kind: Claim["kind"]; identity: string }) {
    const quote = this.text.slice(quoteFrom, t.end);
    return {
      id: this.id(extra.id), kind: extra.kind, section: this.sec.key, heading: this.sec.heading,
      sub: this.subAt(t.start), quote: quote.length > 90 ? quote.slice(-90) : quote, page: pageAt(this.ct, this.base + t.start),
      stated: t.value, text: t.text, decimals: t.decimals, unit: t.unit, identity: extra.identity,
    };
  }

  private bindAmount(t: Token, label: string): Binding | null {
    const key = this.sec.key;
    if (key === "s5" && ITEM_ACTUAL_LABEL.test(label)) {
      const head = this.itemHead(t.start);
      const t5 = this.tables.find((x) => x.id === "T5");
      const item = head ? bindItemHead(head, t5) : null;
      if (item) return { qty: `item.${item.code}`, refs: [{ table: "T5", row: item.code, col: "total" }], fallback: [], identity: "N7" };
      if (head && /[(（](类|款|项)[)）]/.test(head)) return null; // names a row we cannot find: ambiguous
      return { qty: "actual", refs: [{ table: "T5", row: "total", col: "total" }], fallback: [{ table: "T4", row: "expense_total", col: "general" }], identity: "N7" };
    }
    return bindLabel(key, label, this.tables);
  }

  /**
   * "2420" + line break + "82 万元": some text layers drop a decimal point
   * that fell at a line end. Such a figure has two readings.
   */
  private lostPoint(t: Token): number | null {
    if (/[.,]/.test(t.text)) return null;
    const numEnd = t.start + t.text.length;
    const cut = this.ct.lines.find((l) => l.start > this.base + t.start && l.start < this.base + numEnd);
    if (!cut || this.base + numEnd - cut.start !== 2) return null;
    const split = cut.start - this.base - t.start;
    const unit = t.unit === "%" ? 1 : UNIT_IN_WAN[t.unit];
    return Number(`${t.text.slice(0, split)}.${t.text.slice(split)}`) * unit;
  }

  read(): void {
    for (const t of tokensOf(this.text)) {
      if (t.sentence !== this.sentence) { this.seen = []; this.sentence = t.sentence; }
      if (t.unit === "%") this.percent(t);
      else this.amount(t);
    }
    this.closeBreakdown();
    this.lists();
    this.relations();
  }

  /** A bare "决算为" after an item's "年初预算为…" (or the reverse) speaks of the same 表7 item. */
  private sameItem(label: string, binding: Binding | null): Binding | null {
    if (this.sec.key !== "s7" || !binding) return binding;
    const prev = [...this.seen].reverse().find((s) => s.kind === "amount" && s.binding);
    const r = prev?.binding?.refs.length === 1 ? prev.binding.refs[0] : undefined;
    if (!r || r.table !== "T7" || /_total$/.test(r.col) || !prev?.binding) return binding;
    const budgetCol = BUDGET_OF[r.col];
    const actualCol = Object.keys(BUDGET_OF).find((k) => BUDGET_OF[k] === r.col);
    if (BARE_T7.actual.test(label) && actualCol) {
      return { ...prev.binding, qty: prev.binding.qty.replace(/_budget$/, ""), refs: [{ ...r, col: actualCol }], fallback: [] };
    }
    if (BARE_T7.budget.test(label) && budgetCol) {
      return { ...prev.binding, qty: `${prev.binding.qty}_budget`, refs: [{ ...r, col: budgetCol }], fallback: [] };
    }
    return binding;
  }

  /** Track 三公 sub-breakdowns: a bound item opens one, sub-item amounts join it, any other amount ends it. */
  private trackBreakdown(t: Token, label: string, binding: Binding | null): void {
    if (binding) {
      this.closeBreakdown();
      const r = binding.refs.length === 1 ? binding.refs[0] : undefined;
      const rule = BREAKDOWN_RULES.find((x) => x.sections.includes(this.sec.key) && !!r && r.table === "T7" && x.parents.includes(r.col));
      if (rule) this.breakdown = { rule, parent: binding, token: t, label, parts: [] };
      return;
    }
    if (this.breakdown?.rule.part.test(label)) this.breakdown.parts.push({ token: t, label });
    else this.closeBreakdown();
  }

  private closeBreakdown(): void {
    const b = this.breakdown;
    this.breakdown = null;
    if (!b || b.parts.length < 2) return;
    const first = b.parts[0];
    if (!first) return;
    this.claims.push(this.sumClaim(`${this.sec.key}.${b.parent.qty}.breakdown.sum`, b.rule.identity, b.parts,
      { refs: b.parent.refs, fallback: b.parent.fallback }, `${b.label}${b.token.text}${b.token.unit}，其中：`, false));
  }

  private sumClaim(stem: string, identity: string, parts: readonly { token: Token; label: string }[], total: Operand, head: string, strict: boolean): Claim {
    const toks = parts.map((p) => p.token);
    const first = toks[0] as Token;
    return {
      id: this.id(stem), kind: "sum", section: this.sec.key, heading: this.sec.heading,
      sub: this.subAt(first.start), quote: `${head}${parts.map((p) => `${p.label.slice(-24)}${p.token.text}${p.token.unit}`).join(" … ")}`,
      page: pageAt(this.ct, this.base + first.start),
      stated: Number(toks.reduce((a, p) => a + p.value, 0).toFixed(6)), text: toks.map((p) => p.text).join(" + "),
      decimals: Math.max(...toks.map((p) => p.decimals)), unit: first.unit === "%" ? "万元" : first.unit, identity,
      parts: toks.map((p) => ({ value: p.value, text: p.text, decimals: p.decimals })), total, ...(strict ? { strict } : {}),
    };
  }

  /** The sums and inequalities among the section's stated figures (政府采购, 机关运行经费). */
  private relations(): void {
    const stated = (name: string): Operand | null => {
      const f = this.figures.get(name);
      return f ? { value: f.token.value, text: `${f.token.text}${f.token.unit}` } : null;
    };
    for (const rel of RELATIONS) {
      if (rel.kind === "sum") {
        const total = this.figures.get(rel.total);
        const parts = rel.parts.flatMap((n) => this.figures.get(n) ?? []);
        const totalOp = stated(rel.total);
        if (!total || !totalOp || parts.length < 2) continue;
        this.claims.push(this.sumClaim(`${this.sec.key}.${rel.qty}.sum`, rel.identity, parts, totalOp,
          `${total.label.slice(-16)}${total.token.text}${total.token.unit}，其中：`, rel.strict));
        continue;
      }
      const fig = this.figures.get(rel.figure);
      const max = "figure" in rel.max ? stated(rel.max.figure) : { refs: rel.max.refs };
      if (!fig || !max) continue;
      this.claims.push({
        ...this.base_(fig.token, fig.token.clauseStart, { id: `${this.sec.key}.${rel.qty}.bound`, kind: "bound", identity: rel.identity }),
        max, maxName: rel.maxName, ...(rel.cond ? { cond: rel.cond } : {}),
      } as Claim);
    }
  }

  private amount(t: Token): void {
    const raw = plainLabel(t.raw);
    const sentenceText = this.text.slice(sentenceStart(this.text, t.start), t.start);
    if (CHANGE_AMOUNT.test(raw)) {
      if (!YOY_CONTEXT.test(sentenceText) || /(比|较)(年初)?预算/.test(raw)) return;
      const subject = normalizeLabel(raw.replace(CHANGE_SUBJECT_TAIL, ""));
      const prev = [...this.seen].reverse().find((s) => s.kind === "amount");
      const binding = subject === "" ? prev?.binding ?? null : this.bindAmount(t, subject);
      const sign = /减少$/.test(raw) ? -1 : 1;
      const signed = { ...t, value: sign * t.value };
      this.seen.push({ token: signed, label: subject, binding, kind: "change" });
      if (!binding) return;
      this.claims.push({
        ...this.base_(signed, this.quoteStart(t), { id: `${this.sec.key}.${binding.qty}.change`, kind: "change", identity: binding.identity }),
        stated: signed.value, refs: binding.refs, fallback: binding.fallback,
      } as Claim);
      return;
    }
    const label = normalizeLabel(t.raw);
    const binding = this.sameItem(label, label === "" ? null : this.bindAmount(t, label));
    this.seen.push({ token: t, label, binding, kind: "amount" });
    this.trackBreakdown(t, label, binding);
    if (!binding) {
      const fig = FIGURE_RULES.find((r) => r.sections.includes(this.sec.key) && r.label.test(label));
      if (fig && !this.figures.has(fig.name)) this.figures.set(fig.name, { token: t, label });
      return;
    }
    const alt = this.lostPoint(t);
    this.claims.push({
      ...this.base_(t, t.clauseStart, { id: `${this.sec.key}.${binding.qty}`, kind: "amount", identity: binding.identity }),
      refs: binding.refs, fallback: binding.fallback, ...(alt === null ? {} : { altStated: alt }),
    } as Claim);
  }

  private percent(t: Token): void {
    const raw = plainLabel(t.raw);
    const last = this.seen.at(-1);
    if (CHANGE_PCT.test(raw) && last?.kind === "change") {
      if (!last.binding) return;
      const b = last.binding;
      this.claims.push({
        ...this.base_(t, Math.min(t.clauseStart, this.quoteStart(last.token)), { id: `${this.sec.key}.${b.qty}.change_pct`, kind: "change_pct", identity: this.sec.key === "s5" && b.qty === "total" ? "N4" : b.identity }),
        refs: b.refs, fallback: b.fallback, delta: last.token.value, deltaText: `${last.token.text}${last.token.unit}`,
      } as Claim);
      return;
    }
    const share = SHARE_MARK.exec(raw);
    if (share) return this.share(t, raw.slice(0, share.index), raw.slice(share.index + share[0].length));
    if (RATE_LABEL.test(raw)) this.rate(t);
  }

  private quoteStart(t: Token): number {
    const s = sentenceStart(this.text, t.start);
    const before = this.text.slice(s, t.clauseStart);
    return /^(与|比|较)/.test(before) && before.length < 30 ? s : t.clauseStart;
  }

  private share(t: Token, numText: string, denText: string): void {
    const key = this.sec.key;
    const numLabel = normalizeLabel(numText);
    let num: Operand | null = null;
    let numId = "";
    let identity = "N2";
    let quoteFrom = t.clauseStart;
    if (numLabel !== "") {
      const b = bindLabel(key, numLabel, this.tables);
      if (!b) return;
      num = { refs: b.refs, fallback: b.fallback };
      numId = b.qty;
      identity = b.identity;
    } else {
      const prev = this.seen.at(-1);
      if (!prev || prev.kind !== "amount") return;
      num = operandOf(prev);
      numId = prev.binding?.qty ?? "stated";
      identity = prev.binding?.identity ?? (key === "s13" ? "N14" : "N2");
      quoteFrom = prev.token.clauseStart;
    }
    const den = denText.replace(/(的|比)$/g, "").replace(/的$/, "");
    const rule = den === "" ? DEFAULT_DEN[key] : DEN_RULES.find((r) => r.match.test(den));
    if (!rule) return;
    this.claims.push({
      ...this.base_(t, quoteFrom, { id: `${key}.${numId}.pct`, kind: "pct", identity }),
      num, den: { refs: rule.refs, fallback: rule.fallback ?? [] },
    } as Claim);
  }

  private rate(t: Token): void {
    const prev = this.seen.at(-1);
    if (!prev || prev.kind !== "amount") return;
    const before = this.seen.at(-2);
    let den: Operand | null = null;
    if (before?.kind === "amount" && BUDGET_LABEL.test(before.label)) den = operandOf(before);
    else {
      const r = prev.binding?.refs[0];
      const budgetCol = r?.table === "T7" ? BUDGET_OF[r.col] : undefined;
      if (r && budgetCol && prev.binding?.refs.length === 1) den = { refs: [{ ...r, col: budgetCol }] };
    }
    if (!den) return;
    const from = before && "value" in den ? before.token.clauseStart : prev.token.clauseStart;
    this.claims.push({
      ...this.base_(t, from, { id: `${this.sec.key}.${prev.binding?.qty ?? "stated"}.rate`, kind: "pct", identity: prev.binding?.identity ?? "N7" }),
      num: operandOf(prev), den,
    } as Claim);
  }

  /** Project lists whose amounts should add up to 项目支出 (or to the total stated with them). */
  private lists(): void {
    for (const rule of LIST_RULES) {
      if (!rule.sections.includes(this.sec.key)) continue;
      for (const m of this.text.matchAll(rule.trigger)) {
        const from = m.index + m[0].length;
        const end = this.listEnd(from);
        const parts = tokensOf(this.text.slice(from, end)).filter((x) => x.unit !== "%");
        if (parts.length < 2) continue;
        const total: Operand = m[1] && m[2]
          ? { value: parsePrinted(m[1]).value * UNIT_IN_WAN[m[2] as AmountUnit], text: `${m[1]}${m[2]}` }
          : { refs: rule.refs, fallback: rule.fallback ?? [] };
        const sum = parts.reduce((a, p) => a + p.value, 0);
        const first = parts[0];
        if (!first) continue;
        const quote = `${this.text.slice(m.index, from)}${parts.map((p) => `${normalizeLabel(p.raw).slice(-24)}${p.text}${p.unit}`).join(" … ")}`;
        this.claims.push({
          id: this.id(`${this.sec.key}.${rule.qty}.sum`), kind: "sum", section: this.sec.key, heading: this.sec.heading,
          sub: this.subAt(m.index), quote, page: pageAt(this.ct, this.base + from + first.start),
          stated: sum, text: parts.map((p) => p.text).join(" + "), decimals: Math.max(...parts.map((p) => p.decimals)),
          unit: first.unit === "%" ? "万元" : first.unit, identity: rule.identity,
          parts: parts.map((p) => ({ value: p.value, text: `${p.text}`, decimals: p.decimals })), total,
        });
      }
    }
  }

  /** A list runs to the next printed item of another style than its own first item, or the section end. */
  private listEnd(from: number): number {
    const style = (marker: string): string => (/^[（(]\d/.test(marker) ? "paren-digit" : /^[（(]/.test(marker) ? "paren-cn" : "digit");
    const own = /^[（(]\d{1,2}[)）]/.test(this.text.slice(from)) ? "paren-digit" : null;
    for (const it of this.layout.items) {
      const at = it.offset - this.base;
      if (at <= from || at > this.text.length) continue;
      if (own && style(it.marker) === own) continue;
      return at;
    }
    return this.text.length;
  }
}

/** The claims of a narrative, in reading order. `tables` lets class and 项 names bind to the rows printed. */
export function extractClaims(narrative: readonly NarrativePage[], tables: readonly Table[] = []): Claim[] {
  const ct = compactNarrative(narrative);
  const layout = layoutOf(ct);
  const ids = new Map<string, number>();
  const claims: Claim[] = [];
  for (const sec of layout.sections) {
    const reader = new SectionReader(ct, layout, sec, tables, ids);
    reader.read();
    claims.push(...reader.claims);
  }
  return claims;
}

export type { SectionKey, CellRef };
