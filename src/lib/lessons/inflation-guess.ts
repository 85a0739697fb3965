/** The answers a learner can give before a reveal: which way a change moves a score, and roughly how far. */
export const INFLATION_GUESSES = [
  { id: 'much-worse', label: 'Much worse (more than 25 % worse)', below: -0.25 },
  { id: 'worse', label: 'Worse (5 – 25 % worse)', below: -0.05 },
  { id: 'same', label: 'About the same (within 5 %)', below: 0.05 },
  { id: 'better', label: 'Better (5 – 25 % better)', below: 0.25 },
  { id: 'much-better', label: 'Much better (more than 25 % better)', below: Infinity },
] as const;

/** One of the learner's answers. */
export type InflationGuess = (typeof INFLATION_GUESSES)[number]['id'];

/**
 * The answer a relative change r (positive = the score looks better) falls in: the first band
 * whose upper edge lies above r (edges at −25 %, −5 %, +5 %, +25 %; an edge belongs to the band
 * above it). NaN has no band.
 * @example guessOf(0.23) // → 'better'
 * @example guessOf(-0.05) // → 'same'
 */
export function guessOf(relative: number): InflationGuess | null {
  if (Number.isNaN(relative)) return null;
  return INFLATION_GUESSES.find((g) => relative < g.below)?.id ?? null;
}
