import type { z } from "zod";
import { firstIssue } from "./zod-issue.js";

/** Reads a JSON text column back into the canonical model, checked, since the file may be older or hand-edited. */
export function readJsonColumn<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`Expected JSON in ${where}, got ${JSON.stringify(text.slice(0, 60))}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`Expected ${where} to match the canonical model, got ${firstIssue(parsed.error)}`);
  return parsed.data;
}
