// The command line in-process, as main.ts runs it: exit status and what it printed.
import { runCli } from "../../src/cli/run.js";

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function juesuan(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const sink = (write: (s: string) => void) => ({ write: (chunk: string | Uint8Array) => (write(String(chunk)), true) }) as unknown as NodeJS.WritableStream;
  const status = await runCli(argv, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) });
  return { status, stdout, stderr };
}
