// What a committed producer output was made from: a digest of the report
// source and its variant, stored in the truth (generator.source_sha256), so a
// kept file can be told apart from one the current plan would make differently.
import { createHash } from "node:crypto";
import type { ReportSource } from "../source/schema.js";
import type { Variant } from "../variant.js";

export function sourceDigest(source: ReportSource, variant: Variant): string {
  return createHash("sha256").update(JSON.stringify(source)).update("\u0000").update(JSON.stringify(variant)).digest("hex");
}
