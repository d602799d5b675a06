import { writeReview } from "../review/index.js";
import type { Io } from "./io.js";

export interface ReviewCommand {
  readonly db: string;
  readonly out: string;
}

export async function runReview(args: ReviewCommand, io: Io): Promise<number> {
  const s = await writeReview({ db: args.db, out: args.out });
  const size = `${(s.bytes / 1024 / 1024).toFixed(1)} MB`;
  if (s.findings === 0) {
    io.stderr.write(`no findings in ${args.db} (${s.reportCount} reports): wrote a page that says so to ${args.out}\n`);
    return 0;
  }
  const missing = s.unavailable === 0 ? "" : `, ${s.unavailable} without a page image`;
  io.stderr.write(`wrote ${s.findings} findings of ${s.reports} reports, ${s.images} page images${missing}, to ${args.out} (${size}, ${s.seconds.toFixed(1)} s)\n`);
  return 0;
}
