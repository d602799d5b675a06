// Figures the 情况说明 states, each bound to the table cells it restates.
// A checker recomputes every claim from the tables (N1–N10 of identities.md);
// faults and seams rewrite a claim's printed figure inside its quote.
import { z } from "zod";

export const CellRef = z.object({ table: z.string(), row: z.string(), col: z.string() });
export type CellRef = z.infer<typeof CellRef>;

/** Table cells summed, or a figure only the text gives (年初预算, 上年数), in 万元. */
export const Operand = z.union([z.object({ refs: z.array(CellRef).min(1) }), z.object({ value: z.number() })]);
export type Operand = z.infer<typeof Operand>;

const Base = z.object({
  id: z.string(),
  section: z.string(),
  /** Index of the paragraph block in the source's document. */
  block: z.number().int().nonnegative(),
  /** The words that state the figure, verbatim and unique in the paragraph. */
  quote: z.string(),
  /** The figure as printed inside the quote (without unit or %). */
  text: z.string(),
});

export const Claim = z.discriminatedUnion("kind", [
  /** stated = Σ refs (万元). */
  Base.extend({ kind: z.literal("amount"), stated: z.number(), refs: z.array(CellRef).min(1) }),
  /** stated = round_half_up(100·num/den, decimals). */
  Base.extend({ kind: z.literal("pct"), stated: z.number(), decimals: z.number().int(), num: Operand, den: Operand }),
  /** Year-on-year: stated Δ (signed, 万元) = Σ refs − prior. */
  Base.extend({ kind: z.literal("change"), stated: z.number(), prior: z.number(), refs: z.array(CellRef).min(1) }),
  /** Year-on-year rate: stated = round_half_up(100·|Σ refs − prior| / prior, decimals). */
  Base.extend({ kind: z.literal("change_pct"), stated: z.number(), decimals: z.number().int(), prior: z.number(), refs: z.array(CellRef).min(1) }),
]);
export type Claim = z.infer<typeof Claim>;

export const ref = (table: string, row: string, col: string): CellRef => ({ table, row, col });
