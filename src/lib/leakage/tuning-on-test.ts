import { METRICS } from '../evaluate/metric-catalogue';
import type { ResolvedProtocol } from '../evaluate/protocol';
import { runForecasts } from '../evaluate/run-forecasts';
import { scoreForecasts } from '../evaluate/score-forecasts';
import type { Forecaster } from '../forecast/forecaster';
import { ewma } from '../forecast/baselines/ewma';
import { windowAverage } from '../forecast/baselines/window-average';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import { seriesOfScores, type MetricKey, type MetricSeries } from './metric-series';

/** A family of one baseline with one parameter, and the values a tuner tries. */
export interface TuningFamily {
  /** 'window-average k', 'ewma α'. */
  readonly label: string;
  readonly candidates: readonly { readonly value: number; readonly minHistory: number; readonly make: () => Forecaster }[];
}

/** The window average over k ∈ {1, 2, 4, 8, 13, 26, 52} periods. */
export const WINDOW_AVERAGE_K: TuningFamily = {
  label: 'window-average k',
  candidates: [1, 2, 4, 8, 13, 26, 52].map((k) => ({ value: k, minHistory: k, make: () => windowAverage({ k }) })),
};

/** The ewma over α ∈ {0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1}. */
export const EWMA_ALPHA: TuningFamily = {
  label: 'ewma α',
  candidates: [0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1].map((alpha) => ({ value: alpha, minHistory: 1, make: () => ewma({ alpha }) })),
};

/** One metric of a tuned family: the honest (validation-chosen) and the leaky (test-chosen) series, and what each chose. */
export interface TunedSeries extends MetricKey {
  readonly honest: MetricSeries;
  readonly leaky: MetricSeries;
  /** The value picked on the test folds. */
  readonly testChoice: number;
  /** The values picked on the validation periods, one per fold. */
  readonly validationChoices: readonly number[];
}

/**
 * LEAKY — a parameter picked on the test folds, next to the honest pick on validation periods.
 * Runs every candidate of a family at every one-step-apart cutoff from the first fold's earliest
 * validation cutoff to the last test cutoff (one `runForecasts` each, so each candidate's test
 * forecasts are exactly its honest backtest's) and scores them (`scoreForecasts`). Then, per
 * metric (and coverage):
 * - honest: at each fold with cutoff c, the candidate with the best mean score over the
 *   validation cutoffs c − h − V + 1 … c − h (their test spans end by c, inside the training
 *   span; V = the protocol's validation periods, at least 1) is picked, and its score at c kept;
 * - leaky: the one candidate with the best mean score over the test cutoffs themselves is picked
 *   for every fold — a grid search scored on the test set.
 * Candidates that need more history than the earliest validation cutoff has are left out.
 * Ties go to the candidate listed first.
 */
export async function tuningOnTestFolds(
  panel: Panel,
  protocol: ResolvedProtocol,
  cutoffs: readonly number[],
  region: StudyRegion,
  family: TuningFamily,
  options: { declared?: Uint8Array; signal?: AbortSignal } = {},
): Promise<TunedSeries[]> {
  const h = protocol.horizon;
  const V = Math.max(1, protocol.validation);
  const first = cutoffs[0] - h - V + 1;
  if (first < 1)
    throw new RangeError(`tuningOnTestFolds: the first fold's validation periods start before the panel (cutoff ${cutoffs[0]}, horizon ${h}, validation ${V})`);
  const last = cutoffs[cutoffs.length - 1];
  const extended: ResolvedProtocol = { ...protocol, folds: last - first + 1, step: 1 };
  const span = (cutoff: number): number => cutoff - (protocol.window === 'expanding' ? 0 : Math.max(0, cutoff - protocol.window));
  const candidates = family.candidates.filter((c) => span(first) >= c.minHistory);
  const series: MetricSeries[][] = [];
  for (const candidate of candidates) {
    const set = await runForecasts(panel, extended, [candidate.make], { declared: options.declared, signal: options.signal });
    series.push(seriesOfScores(scoreForecasts(panel, set, region), 0));
  }
  const at = (cutoff: number): number => cutoff - first;
  return series[0].map((key, i): TunedSeries => {
    const better = METRICS[key.metric].better;
    const pick = (indexes: readonly number[]): number => {
      let best = -1;
      let bestMean = NaN;
      candidates.forEach((_, m) => {
        const mean = meanOf(indexes.map((x) => series[m][i].values[x]));
        if (Number.isNaN(mean)) return;
        if (best < 0 || (better === 'lower' ? mean < bestMean : mean > bestMean)) {
          best = m;
          bestMean = mean;
        }
      });
      return Math.max(0, best);
    };
    const testIndexes = cutoffs.map(at);
    const leakyPick = pick(testIndexes);
    const honestPicks = cutoffs.map((c) => pick(Array.from({ length: V }, (_, v) => at(c - h - V + 1 + v))));
    const metricKey = { metric: key.metric, ...(key.coverage !== undefined && { coverage: key.coverage }) };
    return {
      ...metricKey,
      honest: { ...metricKey, values: Float64Array.from(cutoffs, (c, k) => series[honestPicks[k]][i].values[at(c)]) },
      leaky: { ...metricKey, values: Float64Array.from(testIndexes, (x) => series[leakyPick][i].values[x]) },
      testChoice: candidates[leakyPick].value,
      validationChoices: honestPicks.map((m) => candidates[m].value),
    };
  });
}

/** Mean of the non-NaN values (NaN when there are none). */
function meanOf(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : NaN;
}
