import type { z } from "zod";

/** The first issue of a zod error as one line: "tables.0.cells.3.value: Expected number, received string". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return error.message;
  const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}
