/** A mistake in the command line: exit code 2, and the message points at --help. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** The command whose --help explains the fix, if any. */
    readonly command: "ingest" | "export" | "check" | "review" | "charts" | "units" | "compare" | null = null,
  ) {
    super(message);
  }
}
