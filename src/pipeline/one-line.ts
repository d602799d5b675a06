/** The first non-blank line of an error's message, trimmed: reasons are stored and printed as one line. */
export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split(/\r?\n/).find((l) => l.trim() !== "")?.trim() ?? "";
  return line === "" ? (err instanceof Error ? err.name : "unknown error") : line;
}
