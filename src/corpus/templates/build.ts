// Shorthands for declaring table templates as data (national.ts, shanghai.ts).
import type { BodyLayout, ColumnSpec, HeaderCellSpec, NumberCellSpec, TableTemplate } from "./types.js";

export const code = (width: number, block?: number, codeParts?: 2 | 3): ColumnSpec => ({
  kind: "code",
  width,
  block,
  ...(codeParts ? { codeParts } : {}),
});
export const name = (flex = 1, block?: number): ColumnSpec => ({ kind: "name", flex, block });
export const amount = (key: string, width: number, block?: number): ColumnSpec => ({ kind: "amount", key, width, block });
export const flexAmount = (key: string): ColumnSpec => ({ kind: "amount", key, flex: 1 });
export const line = (block: number, width = 30): ColumnSpec => ({ kind: "line", width, block });
export const h = (text: string, more: Omit<HeaderCellSpec, "text"> = {}): HeaderCellSpec => ({ text, ...more });
export const numbers = (n: number): NumberCellSpec[] => Array.from({ length: n }, () => "#" as const);

/** The six 三公 column keys of one block, in the printed order. */
export const T7_ITEMS = ["total", "abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"] as const;

/** The printed names of the 三公 items (运行费 nationally, 运行维护费 in Shanghai). */
export interface T7Names {
  readonly total: string;
  readonly abroad: string;
  readonly vehicle: string;
  readonly subtotal: string;
  readonly purchase: string;
  readonly operation: string;
  readonly reception: string;
}

/**
 * T7 with 预算数|决算数 per item, as Shanghai prints it: item heads on top,
 * the 公务用车 item over its three parts, and a 预算数/决算数 row at the bottom.
 */
export function t7InterleavedHeader(n: T7Names, banner?: string): HeaderCellSpec[][] {
  const pair = (): HeaderCellSpec[] => [h("预算数"), h("决算数")];
  return [
    ...(banner ? [[h(banner, { colSpan: 12 })]] : []),
    [
      h(n.total, { colSpan: 2, rowSpan: 2 }), h(n.abroad, { colSpan: 2, rowSpan: 2 }), h(n.vehicle, { colSpan: 6 }),
      h(n.reception, { colSpan: 2, rowSpan: 2 }),
    ],
    [h(n.subtotal, { colSpan: 2 }), h(n.purchase, { colSpan: 2 }), h(n.operation, { colSpan: 2 })],
    [...pair(), ...pair(), ...pair(), ...pair(), ...pair(), ...pair()],
  ];
}

export const t7InterleavedColumns = (): ColumnSpec[] =>
  T7_ITEMS.flatMap((item) => [flexAmount(`budget_${item}`), flexAmount(`actual_${item}`)]);

/** T6 in two groups (301, 303 | 302, 310 …), as Shanghai prints it; each group its own total. */
export const T6_TWO_GROUPS: BodyLayout = {
  kind: "grouped",
  groups: [["301", "303"], ["302", "310", "307", "309", "399"]],
  footer: [
    { key: "personnel_total", labelBlock: 0, valueBlock: 0 },
    { key: "public_total", labelBlock: 1, valueBlock: 1 },
  ],
};

/**
 * T7 printed tall: the items down the rows, 预算数 and 决算数 across
 * (variants.md §"三公 table tall"), 公务用车购置及运行费 with its two parts
 * under it and the 合计 line last. Same canonical cells as the wide layouts.
 */
export function t7Tall(n: T7Names, fontSize: number, rowHeight: number): TableTemplate {
  return {
    id: "T7",
    columns: [name(1), amount("budget", 130), amount("actual", 130)],
    header: [[h("项目"), h("预算数"), h("决算数")]],
    body: {
      kind: "items",
      row: "total",
      items: [
        { label: n.abroad, item: "abroad" },
        { label: n.vehicle, item: "vehicle" },
        { label: `其中：${n.purchase}`, item: "vehicle_purchase" },
        { label: n.operation, item: "vehicle_operation" },
        { label: n.reception, item: "reception" },
        { label: n.total, item: "total" },
      ],
    },
    fontSize,
    headerRowHeight: rowHeight,
    bodyRowHeight: rowHeight,
  };
}
