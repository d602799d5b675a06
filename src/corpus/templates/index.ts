import type { ReportSource } from "../source/schema.js";
import { NATIONAL } from "./national.js";
import type { TemplateSet } from "./types.js";

const TEMPLATES: Readonly<Record<ReportSource["template"], TemplateSet>> = { national: NATIONAL };

export function templateFor(source: ReportSource): TemplateSet {
  return TEMPLATES[source.template];
}
