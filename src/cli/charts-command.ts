import { writeCharts } from "../charts/index.js";
import type { Io } from "./io.js";

export interface ChartsCommand {
  readonly db: string;
  readonly out: string;
}

export async function runCharts(args: ChartsCommand, io: Io): Promise<number> {
  const s = await writeCharts({ dbPath: args.db, out: args.out });
  if (s.units === 0) {
    io.stderr.write(`no report read in ${args.db}: wrote a page that says so to ${args.out}\n`);
    return 0;
  }
  const unmatched = s.unmatched === 0 ? "" : ` (${s.unmatched} unmatched)`;
  const superseded = s.superseded === 0 ? "" : `, ${s.superseded} unit-years with more than one report shown from the latest`;
  const size = `${(s.bytes / 1024).toFixed(0)} KB`;
  io.stderr.write(`wrote charts of ${s.units} units${unmatched} and ${s.classes} classes from ${s.reports} reports${superseded}, to ${args.out} (${size}, ${s.seconds.toFixed(1)} s)\n`);
  return 0;
}
