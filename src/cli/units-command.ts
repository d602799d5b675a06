import { openDatabase } from "../store/open.js";
import { listUnits } from "../compare/query.js";
import { formatTable } from "../compare/table.js";
import { csvTable } from "../export/csv.js";
import type { Io } from "./io.js";

export interface UnitsCommand {
  readonly db: string;
  readonly csv: boolean;
}

/** Lists the units with their years and report counts, then the reports whose unit is ambiguous. */
export function runUnits(args: UnitsCommand, io: Io): number {
  const db = openDatabase(args.db, { mustExist: true });
  try {
    const { units, ambiguous } = listUnits(db);
    const header = ["unit", "province", "city", "district", "years", "reports"];
    const rows = units.map((u) => [u.name, u.province, u.city, u.district, u.years ?? "", u.reports]);
    if (args.csv) {
      io.stdout.write(csvTable([header, ...rows]));
      return 0;
    }
    io.stdout.write(`${formatTable({ header, rows: rows.map((r) => r.map((v) => (typeof v === "number" ? String(v) : v))) })}\n`);
    io.stdout.write(`${units.length} units\n`);
    if (ambiguous.length > 0) {
      io.stdout.write(`\n${ambiguous.length} reports whose unit is ambiguous (not merged with any):\n`);
      for (const a of ambiguous) io.stdout.write(`  ${a.file}  ${a.printed_name}  ${a.year ?? "-"}  could be: ${a.candidates}\n`);
    }
    return 0;
  } finally {
    db.close();
  }
}
