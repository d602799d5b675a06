import { checkStore } from "../check/index.js";
import type { Io } from "./io.js";

export interface CheckCommand {
  readonly db: string;
  readonly json: boolean;
  readonly rounding: boolean;
}

/** Prints the reports that do not reconcile; exit code 0 either way (the list is the answer). */
export function runCheck(args: CheckCommand, io: Io): number {
  io.stdout.write(checkStore(args));
  return 0;
}
