import { figuresOf, type CompareQuery } from "../compare/query.js";
import { compareTable, formatTable } from "../compare/table.js";
import { csvTable } from "../export/csv.js";
import { openDatabase } from "../store/open.js";
import type { Io } from "./io.js";

export interface CompareCommand extends CompareQuery {
  readonly db: string;
  readonly csv: boolean;
}

/** One classification code across units, side by side (万元). */
export function runCompare(args: CompareCommand, io: Io): number {
  const db = openDatabase(args.db, { mustExist: true });
  try {
    const table = compareTable(figuresOf(db, args), args.year !== undefined);
    if (args.csv) {
      io.stdout.write(csvTable([table.header, ...table.rows]));
      return 0;
    }
    const filters = [args.year !== undefined ? `${args.year}` : "", args.region ?? ""].filter((x) => x !== "").join(", ");
    io.stdout.write(`${args.code} ${table.name ?? ""}${filters ? ` (${filters})` : ""}, 万元\n`);
    if (table.rows.length === 0) {
      io.stdout.write("no report has this code\n");
      return 0;
    }
    io.stdout.write(`${formatTable(table)}\n`);
    for (const n of table.notes) io.stdout.write(`note: ${n}\n`);
    return 0;
  } finally {
    db.close();
  }
}
