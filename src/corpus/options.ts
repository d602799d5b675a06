// Generation options. Defaults reproduce the seed publisher's look; how a
// report's print departs from it is its variant (variant.ts), and every
// "print" field of the variant is honoured by render/.

import { SEED_VARIANT, type Variant } from "./variant.js";

export type FolioStyle = "dashed" | "plain" | "none";

export interface GenerateOptions {
  /** Seeds every random choice of the generator, through rng.ts (none are made yet). */
  readonly seed: number;
  /** Page number at the bottom of every page but the cover: "- 5 -", "5", or none. */
  readonly folio: FolioStyle;
  /** How the report prints: template, orientation, ruling, glyphs, splits, units, number and code styles. */
  readonly variant: Variant;
}

export const DEFAULT_OPTIONS: GenerateOptions = {
  seed: 1,
  folio: "dashed",
  variant: SEED_VARIANT,
};

export function withDefaults(partial: Partial<GenerateOptions> = {}): GenerateOptions {
  return { ...DEFAULT_OPTIONS, ...partial };
}
