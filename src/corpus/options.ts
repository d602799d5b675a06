// Generation options. Defaults reproduce the seed publisher's look; each
// variant the corpus will need later (units, unruled tables, per-glyph text,
// rotated pages, split code columns) becomes a field here.

export type FolioStyle = "dashed" | "plain" | "none";

export interface GenerateOptions {
  /** Seeds every random choice of the generator, through rng.ts (none are made yet). */
  readonly seed: number;
  /** Repeat a split table's header on its continuation pages. */
  readonly repeatHeader: boolean;
  /** Stroke cell borders; false gives an unruled table. */
  readonly ruled: boolean;
  /** Page number at the bottom of every page but the cover: "- 5 -", "5", or none. */
  readonly folio: FolioStyle;
}

export const DEFAULT_OPTIONS: GenerateOptions = {
  seed: 1,
  // The samples in variants.md §7 continue split tables without a header.
  repeatHeader: false,
  ruled: true,
  folio: "dashed",
};

export function withDefaults(partial: Partial<GenerateOptions> = {}): GenerateOptions {
  return { ...DEFAULT_OPTIONS, ...partial };
}
