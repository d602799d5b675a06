// How an identity is declared. A rule names cells by table, row and column;
// a few placeholders let one declaration stand for many instances.

/** Row placeholder: the row the rule is being run on (rules with `each`). */
export const EACH = "*";
/** Row placeholder: the sum over the table's 类 (3-digit code) rows. */
export const CLASSES = "*classes";
/** Column placeholder: the column the rule is being run on (rules with `cols`). */
export const COL = "*";

export interface Term {
  readonly table: string;
  readonly row: string;
  readonly col: string;
  readonly sign?: -1;
  /**
   * What the figure is made of, where a template prints those in its place
   * (a university's 教育事业收入 and 科研事业收入 for 事业收入): used when the
   * cell itself is not printed and one of these is.
   */
  readonly parts?: readonly Term[];
}

/**
 * ALWAYS: definitional, must hold up to rounding (a gap beyond it is an error).
 * COND: holds unless something the tables do not show happened (a gap beyond
 * rounding is a warning, not an error).
 */
export type Status = "ALWAYS" | "COND";

export interface SumRule {
  readonly kind: "sum";
  /** Stable id that findings and tests name. */
  readonly id: string;
  /** The entry of identities.md it implements. */
  readonly identity: string;
  readonly status: Status;
  /** Left side (where a failure is reported: its first term) and right side. */
  readonly lhs: readonly Term[];
  readonly rhs: readonly Term[];
  /** `=` by default; inequalities hold as stated and fail only the other way. */
  readonly op?: "=" | "<=" | ">=";
  /** Run once per row of the first left-hand table: these keys, CLASSES for its 类 rows, or all its rows when empty. */
  readonly each?: readonly string[];
  /** Run once per column. */
  readonly cols?: readonly string[];
  /** Only when these rows are printed (a template variant), and not when those are. */
  readonly needs?: readonly { table: string; row: string }[];
  readonly unless?: readonly { table: string; row: string }[];
}

/** A code hierarchy, per column: total = Σ 类, 类 = Σ 款, 款 = Σ 项 (function codes), or 3xx = Σ 3xxyy (economic). */
export interface HierarchyRule {
  readonly kind: "hierarchy";
  readonly id: string;
  readonly identity: string;
  readonly table: string;
  /** Whether `total` is checked against the 类 rows (T6 has no such total). */
  readonly total: boolean;
}

export type Rule = SumRule | HierarchyRule;
