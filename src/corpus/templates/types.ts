// How a publisher's template prints each standard table: columns, header
// grid, 栏次 row and body layout, as data. A new template (Shanghai, …) is a
// new set of these, not new drawing code.
import type { StandardTableId } from "../../../schemas/canonical.js";

export type CellAlign = "left" | "center" | "right" | "distribute";

export type ColumnKind = "code" | "name" | "line" | "amount";

export interface ColumnSpec {
  readonly kind: ColumnKind;
  /** Fixed width in pt; wraps in the header follow from it. */
  readonly width?: number;
  /** Share of the width left over by fixed columns. */
  readonly flex?: number;
  /** Canonical column key (amount columns). */
  readonly key?: string;
  /** Which side of a 收入|支出 table, or which column group (T6) it belongs to. */
  readonly block?: number;
  /** Code columns: how many columns the code splits into when codes print split (类|款|项 = 3, T6 类|款 = 2). */
  readonly codeParts?: 2 | 3;
}

export interface HeaderCellSpec {
  readonly text: string;
  readonly colSpan?: number;
  readonly rowSpan?: number;
  readonly align?: CellAlign;
}

/** "#" takes the next number from the source's 栏次 list. */
export type NumberCellSpec = HeaderCellSpec | "#";

/**
 * Body layouts:
 * - coded: code | name | amounts; the 合计 row's label spans code+name.
 * - sided: 收入 lines left, 支出 lines right, paired by position (T1, T4).
 * - grouped: several code|name|amount groups side by side (T6).
 * - single: one unlabeled row of amounts (T7).
 * - items: one canonical row printed tall, an item per line (T7 tall): each
 *   amount column's key is a prefix ("budget"), the line's item its suffix.
 */
export type BodyLayout =
  | {
      readonly kind: "coded";
      /** Where the 合计 row prints: first (national) or last (Shanghai 表5). */
      readonly total?: "top" | "bottom";
    }
  | { readonly kind: "sided"; readonly centered: readonly string[] }
  | {
      readonly kind: "grouped";
      /** Economic classes (3-digit prefixes) printed in each group, in order. */
      readonly groups: readonly (readonly string[])[];
      /** Total rows on the last line: label in one group, value in another. */
      readonly footer: readonly { readonly key: string; readonly labelBlock: number; readonly valueBlock: number }[];
    }
  | { readonly kind: "single" }
  | {
      readonly kind: "items";
      /** The canonical row every line prints a part of. */
      readonly row: string;
      /** Printed lines, top to bottom: the label and the column-key suffix of its item. */
      readonly items: readonly { readonly label: string; readonly item: string }[];
    };

export interface TableTemplate {
  readonly id: StandardTableId;
  readonly columns: readonly ColumnSpec[];
  readonly header: readonly (readonly HeaderCellSpec[])[];
  readonly numberRow?: readonly NumberCellSpec[];
  readonly body: BodyLayout;
  readonly fontSize: number;
  readonly headerRowHeight: number;
  readonly bodyRowHeight: number;
}

/** What a template prints around each table. */
export interface TablePageStyle {
  /** The caption line names the department on the left (national), or gives only the unit (Shanghai). */
  readonly department: boolean;
  /** Label before the unit: "金额单位" (national) or "单位" (Shanghai). */
  readonly unitLabel: string;
  /** A "XX2024年度部门决算表" heading above the first table (Shanghai). */
  readonly bookHeading: boolean;
}

export interface TemplateSet {
  readonly name: string;
  /** Every table in the template's usual layout; a variant picks T6 and T7 from `t6` and `t7`. */
  readonly tables: Readonly<Record<StandardTableId, TableTemplate>>;
  /** T6 by number of column groups. */
  readonly t6: Readonly<Record<2 | 3, TableTemplate>>;
  /** T7 with the 预算数 and 决算数 blocks side by side, interleaved per item, or tall (items down the rows). */
  readonly t7: Readonly<Record<"blocks" | "interleaved" | "tall", TableTemplate>>;
  readonly page: TablePageStyle;
}
