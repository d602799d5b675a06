import { exportStore, type ExportFormat } from "../export/index.js";
import { open } from "../store/index.js";
import type { Io } from "./io.js";

export interface ExportCommand {
  readonly db: string;
  readonly format: ExportFormat;
  readonly out: string | null;
}

export async function runExport(args: ExportCommand, io: Io): Promise<number> {
  const store = open(args.db, { mustExist: true });
  try {
    const records = await exportStore(store, args.format, args.out, io.stdout);
    // With --out, stdout is free for a note; without it, stdout is the export.
    if (args.out !== null) io.stderr.write(`wrote ${records} ${args.format === "jsonl" ? "reports" : "cells"} to ${args.out}\n`);
    return 0;
  } finally {
    store.close();
  }
}
