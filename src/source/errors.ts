// Failures are data: a file that cannot be read ends as `failed` with one of
// these one-line reasons, never as a crash of the batch.
export class ExtractError extends Error {
  constructor(
    readonly code: "empty" | "not_pdf" | "encrypted" | "damaged" | "not_final_accounts" | "too_large",
    message: string,
  ) {
    super(message);
    this.name = "ExtractError";
  }
}
