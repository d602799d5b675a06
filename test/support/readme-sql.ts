// The SQL examples of README.md, by the section they sit in, so that each
// test runs the queries as a reader copies them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const README = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "README.md"), "utf8");

/** The ```sql blocks after the heading line `heading` and before the next heading of any level. */
export function readmeSql(heading: string): string[] {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`Expected a heading "${heading}" in README.md, got none`);
  const rest = README.slice(start + heading.length + 2);
  const next = rest.search(/\n#{2,3} /);
  const section = next < 0 ? rest : rest.slice(0, next);
  return [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}
