// Dispatch: argv -> command -> exit code. Every failure ends as one line on stderr.
import { InputError } from "../pipeline/files.js";
import { oneLine } from "../pipeline/one-line.js";
import { parseCommandLine } from "./args.js";
import { UsageError } from "./errors.js";
import { HELP } from "./help.js";
import type { Io } from "./io.js";

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.command) {
      case "help":
        io.stdout.write(HELP[command.topic]);
        return 0;
      // Loaded on use: --help and argument errors answer without loading pdf.js and SQLite.
      case "ingest":
        return await (await import("./ingest-command.js")).runIngest(command, io);
      case "export":
        return await (await import("./export-command.js")).runExport(command, io);
      case "check":
        return (await import("./check-command.js")).runCheck(command, io);
      case "review":
        return await (await import("./review-command.js")).runReview(command, io);
      case "units":
        return (await import("./units-command.js")).runUnits(command, io);
      case "compare":
        return (await import("./compare-command.js")).runCompare(command, io);
      case "charts":
        return await (await import("./charts-command.js")).runCharts(command, io);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      const hint = err.command === null ? "juesuan --help" : `juesuan ${err.command} --help`;
      io.stderr.write(`juesuan: ${oneLine(err)} (see ${hint})\n`);
      return 2;
    }
    io.stderr.write(`juesuan: ${oneLine(err)}\n`);
    return err instanceof InputError ? 2 : 1; // a missing input path is the caller's mistake too
  }
}
