// The narrative (情况说明 / 附件) ↔ tables checks of identities.md §4b.
export { extractClaims } from "./claims.js";
export { narrativeFindings } from "./check.js";
export { yearChanges } from "./changes.js";
export type {
  AmountClaim, BoundClaim, CellRef, ChangeClaim, ChangePctClaim, Claim, ClaimKind, NarrativePage, Operand, PctClaim, SectionKey, SumClaim,
} from "./types.js";
