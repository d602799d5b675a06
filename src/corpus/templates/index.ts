// The template sets, and the table layout a variant picks from one.
import type { StandardTableId } from "../../../schemas/canonical.js";
import type { Variant } from "../variant.js";
import { NATIONAL } from "./national.js";
import { SHANGHAI } from "./shanghai.js";
import { UNIVERSITY } from "./university.js";
import type { TableTemplate, TemplateSet } from "./types.js";

const TEMPLATES: Readonly<Record<Variant["template"], TemplateSet>> = { national: NATIONAL, shanghai: SHANGHAI, university: UNIVERSITY };

export function templateFor(variant: Variant): TemplateSet {
  return TEMPLATES[variant.template];
}

export function tableTemplate(set: TemplateSet, id: StandardTableId, variant: Variant): TableTemplate {
  if (id === "T6") return set.t6[variant.t6_groups];
  if (id === "T7") return set.t7[variant.t7];
  return set.tables[id];
}
