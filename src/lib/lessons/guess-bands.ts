/** One answer a learner can give before a reveal: a band of a computed value (a relative change, a share), [previous band's edge, `below`). */
export interface GuessBand {
  readonly id: string;
  readonly label: string;
  readonly below: number;
}

/** The leakage lesson's answers: which way a mistake moves a score, and roughly how far (positive = looks better). */
export const INFLATION_GUESSES = [
  { id: 'much-worse', label: 'Much worse (more than 25 % worse)', below: -0.25 },
  { id: 'worse', label: 'Worse (5 – 25 % worse)', below: -0.05 },
  { id: 'same', label: 'About the same (within 5 %)', below: 0.05 },
  { id: 'better', label: 'Better (5 – 25 % better)', below: 0.25 },
  { id: 'much-better', label: 'Much better (more than 25 % better)', below: Infinity },
] as const satisfies readonly GuessBand[];

/** The regression lesson's answers: how the hottest cells' mean count changes next period. */
export const CHANGE_GUESSES = [
  { id: 'halved', label: 'Drops by more than half', below: -0.5 },
  { id: 'big-drop', label: 'Drops by a quarter to a half', below: -0.25 },
  { id: 'drop', label: 'Drops a little (5 – 25 %)', below: -0.05 },
  { id: 'same', label: 'Stays about the same (within 5 %)', below: 0.05 },
  { id: 'rise', label: 'Rises (more than 5 %)', below: Infinity },
] as const satisfies readonly GuessBand[];

/**
 * The band a relative change r falls in: the first whose upper edge lies above r (an edge
 * belongs to the band above it). NaN and ±∞ have none.
 * @example bandOf(INFLATION_GUESSES, 0.23) // → 'better'
 * @example bandOf(INFLATION_GUESSES, -0.05) // → 'same'
 */
export function bandOf<B extends GuessBand>(bands: readonly B[], relative: number): B['id'] | null {
  if (!Number.isFinite(relative)) return null;
  return bands.find((g) => relative < g.below)?.id ?? null;
}
