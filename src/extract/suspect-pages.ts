// Pages read from a text layer whose fonts were doubtful (source/health.ts:
// a font with a few unlikely characters, or a ruled table printing none of
// the words every table prints) are read again by OCR when the tables on them
// break identities, before anything is reported. The reading that breaks
// fewer identities is kept; a sound page whose tables reconcile is never
// drawn, so the check costs nothing on the reports that need none of it.
import type { PageModel } from "../source/model.js";
import type { PageHealth } from "../source/health.js";
import type { Finding, Table } from "../../schemas/canonical.js";
import { brokenIdentities } from "./reread/search.js";

export interface SuspectCheck<R> {
  /** The recognition kept (the first, unless the OCR reading broke fewer identities). */
  readonly recognized: R;
  /** The pages now read by OCR, with why. */
  readonly reread: readonly { page: number; reason: string }[];
}

/** The pages among `suspect` that hold a cell of a table the `broken` identities involve. */
function brokenPages(tables: readonly Table[], broken: readonly Finding[], suspect: ReadonlySet<number>): number[] {
  const tablesBroken = new Set(broken.map((f) => f.table));
  const pages = new Set<number>();
  for (const t of tables) if (tablesBroken.has(t.id)) for (const c of t.cells) if (c.page !== undefined && suspect.has(c.page)) pages.add(c.page);
  return [...pages].sort((a, b) => a - b);
}

export async function checkSuspectPages<R extends { readonly tables: readonly Table[] }>(input: {
  readonly health: readonly PageHealth[];
  readonly pages: readonly PageModel[];
  readonly recognized: R;
  readonly recognize: (pages: readonly PageModel[]) => R;
  readonly validate: (r: R) => Finding[];
  readonly ocr: (page: number) => Promise<PageModel>;
}): Promise<SuspectCheck<R>> {
  const suspect = new Set(input.health.filter((h) => h.route === "text" && h.suspect === true).map((h) => h.page));
  const none = { recognized: input.recognized, reread: [] };
  if (suspect.size === 0) return none;
  const before = brokenIdentities(input.validate(input.recognized));
  const targets = brokenPages(input.recognized.tables, before, suspect);
  if (targets.length === 0) return none;
  const pages = [...input.pages];
  for (const n of targets) pages[n - 1] = await input.ocr(n);
  const again = input.recognize(pages);
  const [was, now] = [before.length, brokenIdentities(input.validate(again)).length];
  if (now >= was) return none;
  const reason = `read again by OCR: its doubtful text layer broke ${was} identit${was === 1 ? "y" : "ies"}, OCR's reading ${now}`;
  return { recognized: again, reread: targets.map((page) => ({ page, reason })) };
}
