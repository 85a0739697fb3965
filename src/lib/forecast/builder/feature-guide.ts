import { formatFeatures, parseFeatures, type FeatureToken } from './feature-tokens';

/** A number a feature row lets the user set, with its range. */
export interface GuideNumber {
  readonly label: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** One row of the builder's feature list: what it is, in one line, and the token it writes. */
export interface FeatureGuide {
  readonly kind: FeatureToken['kind'] | 'holiday';
  readonly label: string;
  readonly doc: string;
  /** The row's settings (none for fixed features). */
  readonly numbers: readonly GuideNumber[];
  /** The token for these settings. */
  token(numbers: readonly number[]): FeatureToken;
  /** The settings a token has (to fill the row from a spec). */
  numbersOf(token: FeatureToken): number[];
  /** Why it cannot be chosen, when it cannot. */
  readonly unavailable?: string;
}

const fixed = (kind: Exclude<FeatureToken['kind'], 'lag' | 'mean' | 'ewma' | 'ring' | 'parent'>, label: string, doc: string): FeatureGuide => ({
  kind,
  label,
  doc,
  numbers: [],
  token: () => ({ kind }) as FeatureToken,
  numbersOf: () => [],
});

/**
 * The feature rows of the model builder, in the order a spec lists them. Every feature of a
 * target period reads only periods before it (and its own calendar), and its scaling and
 * shrinkage are fitted on the training span.
 * @example FEATURE_GUIDE[0].token([4]) // → { kind: 'lag', from: 1, to: 4 }
 */
export const FEATURE_GUIDE: readonly FeatureGuide[] = [
  {
    kind: 'lag',
    label: 'Own lags',
    doc: "The cell's own counts 1…k periods back (log1p).",
    numbers: [{ label: 'k', default: 3, min: 1, max: 52, step: 1 }],
    token: ([k]) => ({ kind: 'lag', from: 1, to: k }),
    numbersOf: (t) => (t.kind === 'lag' ? [t.to] : []),
  },
  fixed('seasonal', 'Seasonal lag', 'The count one season back: a day and a week of hours, a week of days, a year of weeks or months.'),
  {
    kind: 'mean',
    label: 'Window mean',
    doc: "The cell's mean count over the last w periods; 0 = three windows chosen by bucket (4, 13, 52 weeks …).",
    numbers: [{ label: 'w', default: 0, min: 0, max: 520, step: 1 }],
    token: ([w]) => ({ kind: 'mean', window: w }),
    numbersOf: (t) => (t.kind === 'mean' ? [t.window] : []),
  },
  {
    kind: 'ewma',
    label: 'EWMA',
    doc: "Exponentially weighted mean of the cell's past counts: weight α on the last period, decaying by 1 − α.",
    numbers: [{ label: 'α', default: 0.3, min: 0.01, max: 0.99, step: 0.01 }],
    token: ([alpha]) => ({ kind: 'ewma', alpha }),
    numbersOf: (t) => (t.kind === 'ewma' ? [t.alpha] : []),
  },
  {
    kind: 'ring',
    label: 'Neighbours',
    doc: "The neighbours' last count and recent mean, ring by ring out to H3 ring r.",
    numbers: [{ label: 'rings', default: 2, min: 1, max: 3, step: 1 }],
    token: ([r]) => ({ kind: 'ring', from: 1, to: r }),
    numbersOf: (t) => (t.kind === 'ring' ? [t.to] : []),
  },
  fixed('rate', 'Long-run rate', "The cell's long-run log rate shrunk toward the area's (empirical Bayes), as a feature."),
  fixed('rate-offset', 'Long-run rate as offset', 'The same shrunk long-run log rate as a fixed offset: the model explains departures from it.'),
  fixed('area', 'Area level', "The whole area's last and recent counts against its long-run level."),
  fixed('cal', 'Calendar (auto)', 'Hour, weekday and time-of-year terms that the training span covers whole cycles of.'),
  fixed('dow', 'Day of week', 'Seven indicators, Monday first, on the bucket’s wall clock.'),
  fixed('woy', 'Week of year', 'Two sine–cosine pairs of the week of the year.'),
  fixed('month', 'Month', 'Twelve indicators.'),
  {
    kind: 'parent',
    label: 'Coarser cell',
    doc: 'Count of the last n periods in the cell’s H3 parent at a coarser resolution.',
    numbers: [
      { label: 'res', default: 7, min: 0, max: 14, step: 1 },
      { label: 'n', default: 4, min: 1, max: 520, step: 1 },
    ],
    token: ([res, window]) => ({ kind: 'parent', res, window }),
    numbersOf: (t) => (t.kind === 'parent' ? [t.res, t.window] : []),
  },
  {
    ...fixed('cal', 'Holidays', 'Public holidays.'),
    kind: 'holiday',
    unavailable: 'No holiday calendar is available offline (the app makes no requests), so holidays are off.',
  },
];

/**
 * Turns one guide row on (with its numbers, replacing any token of that kind) or off in a
 * feature list, keeping the other tokens in place.
 * @example setFeature('lag1-3+ring1', FEATURE_GUIDE[0], [5]) // → 'lag1-5+ring1'
 */
export function setFeature(features: string, guide: FeatureGuide, numbers: readonly number[] | null): string {
  const tokens = parseFeatures(features);
  const index = tokens.findIndex((t) => t.kind === guide.kind);
  const kept = tokens.filter((t) => t.kind !== guide.kind);
  if (numbers) kept.splice(index < 0 ? kept.length : index, 0, guide.token(numbers));
  if (kept.length === 0) throw new Error('a model needs at least one feature');
  return formatFeatures(kept);
}
