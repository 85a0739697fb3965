import type { ClaimKind } from './claim';

/** One form a claim can take: an example phrasing and what it is checked as. */
export interface ClaimForm {
  readonly kind: ClaimKind;
  readonly example: string;
  readonly meaning: string;
}

/**
 * The claim forms the checker reads, with an example of each: the list an unrecognised claim
 * is answered with.
 * @example CLAIM_FORMS.length // → 7
 */
export const CLAIM_FORMS: readonly ClaimForm[] = [
  { kind: 'capture', example: 'captures 40 % of incidents in 3 % of the area', meaning: 'hit rate at that coverage' },
  { kind: 'pai', example: 'PAI of 12 at 5 %', meaning: 'Predictive Accuracy Index at that coverage' },
  { kind: 'random-multiple', example: '10 times better than random', meaning: 'PAI (the hit rate over the area share a random pick would get)' },
  { kind: 'hotspot-multiple', example: 'twice as much crime as hotspot maps', meaning: "hit rate over a KDE hotspot map's" },
  { kind: 'accuracy', example: '90 % accurate', meaning: 'undefined: hit rate, precision, classification accuracy or AUC' },
  { kind: 'success-rate', example: 'under 0.5 % of predictions were followed by a crime', meaning: 'precision of flagged cell-periods' },
  { kind: 'unquantified', example: 'predicts future crimes', meaning: 'no metric or value: what a check would need' },
];

/**
 * The forms as lines for an error message or a help text.
 * @example claimFormLines()[0] // → '"captures 40 % of incidents in 3 % of the area" (hit rate at that coverage)'
 */
export function claimFormLines(): string[] {
  return CLAIM_FORMS.map((f) => `"${f.example}" (${f.meaning})`);
}
