// One instance of an identity, ready to evaluate: named cells on both sides.
import type { CellRef } from "./figures.js";
import type { Status } from "./rules/types.js";

export interface Side {
  readonly refs: readonly (CellRef & { readonly sign: 1 | -1 })[];
}

export interface Check {
  readonly rule: string;
  readonly identity: string;
  readonly status: Status;
  readonly op: "=" | "<=" | ">=";
  /** Within one table, or across tables (whose own roll-ups may each round). */
  readonly across: boolean;
  readonly lhs: Side;
  readonly rhs: Side;
  /** A hierarchy sum ("各款之和") or a class sum, to word the message. */
  readonly rhsLabel?: string;
}
