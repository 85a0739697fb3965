import { dieboldMariano, foldInterval, type FoldInterval } from './uncertainty';
import { skill } from './metrics';
import { COUNT_METRICS, HOTSPOT_METRICS, METRICS, coverageKey, type MetricId } from './metric-catalogue';
import type { Protocol } from './protocol';
import type { Scores } from './score-forecasts';

/**
 * Fewest usable folds for an interval (and so a verdict). Below it a block bootstrap has too
 * few distinct resamples to bound anything — with 2 folds and blocks of 2 every resample is
 * the same, the interval collapses to a point and any difference would look significant —
 * so the report gives means without intervals and calls no difference.
 */
const MIN_FOLDS_FOR_INTERVAL = 5;

/** Mean over folds with a 95 % block-bootstrap interval; NaN folds excluded and counted. */
export type MetricSummary = Pick<FoldInterval, 'mean' | 'lo' | 'hi' | 'n' | 'nanCount'>;

/** How a model compares with the best baseline on one metric. */
export interface Comparison {
  /** The best baseline on this metric (by mean), which the model is compared with. */
  readonly baseline: string;
  /** Per-fold difference model − baseline: mean and 95 % interval. */
  readonly difference: MetricSummary;
  /** Relative skill: positive = better than the baseline (see metrics/skill.ts). */
  readonly skill: number;
  /** Diebold–Mariano test (HLN-corrected) of equal accuracy over folds. */
  readonly dmStatistic: number;
  readonly pValue: number;
  /** 'better' / 'worse' when the difference's interval excludes 0; otherwise 'no-difference'. */
  readonly verdict: 'better' | 'worse' | 'no-difference' | 'is-baseline' | 'undefined';
}

/** A metric's value per model, plain for count metrics and keyed by coverage for hotspot metrics. */
export type PerMetric<T> = { [K in MetricId]: K extends 'hitRate' | 'pai' | 'pei' ? Record<string, T> : T };

/** Summaries of one model. */
export interface ModelSummary {
  readonly name: string;
  readonly kind: 'baseline' | 'learned';
  readonly metrics: PerMetric<MetricSummary>;
  readonly comparisons: PerMetric<Comparison>;
}

/** Which baseline is best on each metric (and coverage), by mean over folds. */
export type BestBaselines = PerMetric<string>;

/**
 * Summarises per-fold scores: the mean and interval of every metric per model, the best
 * baseline per metric (ties go to the baseline listed first), and each model's comparison with it (difference interval, skill,
 * Diebold–Mariano p-value, verdict). Intervals use `foldInterval` seeded with the protocol's
 * seed, so the same scores always give the same report. The DM horizon is ⌈h/s⌉ (folds
 * overlap when the step is shorter than the horizon).
 */
export function summariseScores(
  scores: Scores,
  kinds: readonly ('baseline' | 'learned')[],
  protocol: Protocol,
): { models: ModelSummary[]; best: BestBaselines } {
  const seed = protocol.seed;
  const dmHorizon = Math.max(1, Math.ceil(protocol.horizon / protocol.step));
  const J = scores.coverage.length;
  const folds = scores.naiveScale.length;
  const series = (m: number, id: MetricId, j: number): Float64Array => {
    const model = scores.models[m];
    if ((COUNT_METRICS as readonly string[]).includes(id)) return model.count[id as (typeof COUNT_METRICS)[number]];
    const all = model.hotspot[id as (typeof HOTSPOT_METRICS)[number]];
    return Float64Array.from({ length: folds }, (_, k) => all[k * J + j]);
  };
  const summary = (values: ArrayLike<number>): MetricSummary => {
    const { mean, lo, hi, n, nanCount } = foldInterval(values, { seed, minFolds: MIN_FOLDS_FOR_INTERVAL });
    return { mean, lo, hi, n, nanCount };
  };
  const baselines = kinds.map((kind, m) => (kind === 'baseline' ? m : -1)).filter((m) => m >= 0);
  const perModel = scores.models.map(() => ({ metrics: {} as Record<string, unknown>, comparisons: {} as Record<string, unknown> }));
  const best: Record<string, unknown> = {};

  const summariseOne = (id: MetricId, j: number): { means: MetricSummary[]; bestName: string | undefined; comparisons: Comparison[] } => {
    const info = METRICS[id];
    const means = scores.models.map((_, m) => summary(series(m, id, j)));
    let bestIndex = -1;
    for (const m of baselines) {
      const value = means[m].mean;
      if (Number.isNaN(value)) continue;
      if (bestIndex < 0 || (info.better === 'lower' ? value < means[bestIndex].mean : value > means[bestIndex].mean)) bestIndex = m;
    }
    const comparisons = scores.models.map((_, m): Comparison => {
      if (bestIndex < 0) {
        const empty = { mean: Number.NaN, lo: Number.NaN, hi: Number.NaN, n: 0, nanCount: folds };
        return { baseline: '', difference: empty, skill: Number.NaN, dmStatistic: Number.NaN, pValue: Number.NaN, verdict: 'undefined' };
      }
      const a = series(m, id, j);
      const b = series(bestIndex, id, j);
      const difference = summary(a.map((v, k) => differenceOf(v, b[k])));
      const sign = info.better === 'lower' ? 1 : -1;
      const dm =
        m === bestIndex
          ? undefined
          : dieboldMariano(
              a.map((v) => sign * v),
              b.map((v) => sign * v),
              dmHorizon,
            );
      let verdict: Comparison['verdict'] = 'no-difference';
      if (m === bestIndex) verdict = 'is-baseline';
      else if (Number.isNaN(difference.lo)) verdict = 'undefined';
      else if (info.better === 'lower' ? difference.hi < 0 : difference.lo > 0) verdict = 'better';
      else if (info.better === 'lower' ? difference.lo > 0 : difference.hi < 0) verdict = 'worse';
      return {
        baseline: scores.models[bestIndex].name,
        difference,
        skill: skill(means[m].mean, means[bestIndex].mean, info.better),
        dmStatistic: dm?.statistic ?? Number.NaN,
        pValue: dm?.pValue ?? Number.NaN,
        verdict,
      };
    });
    return { means, bestName: bestIndex >= 0 ? scores.models[bestIndex].name : undefined, comparisons };
  };

  for (const id of COUNT_METRICS) {
    const { means, bestName, comparisons } = summariseOne(id, 0);
    best[id] = bestName ?? '';
    perModel.forEach((entry, m) => {
      entry.metrics[id] = means[m];
      entry.comparisons[id] = comparisons[m];
    });
  }
  for (const id of HOTSPOT_METRICS) {
    best[id] = {};
    perModel.forEach((entry) => {
      entry.metrics[id] = {};
      entry.comparisons[id] = {};
    });
    scores.coverage.forEach((c, j) => {
      const key = coverageKey(c);
      const { means, bestName, comparisons } = summariseOne(id, j);
      (best[id] as Record<string, string>)[key] = bestName ?? '';
      perModel.forEach((entry, m) => {
        (entry.metrics[id] as Record<string, MetricSummary>)[key] = means[m];
        (entry.comparisons[id] as Record<string, Comparison>)[key] = comparisons[m];
      });
    });
  }
  const models = scores.models.map((model, m): ModelSummary => ({
    name: model.name,
    kind: kinds[m],
    metrics: perModel[m].metrics as PerMetric<MetricSummary>,
    comparisons: perModel[m].comparisons as PerMetric<Comparison>,
  }));
  return { models, best: best as BestBaselines };
}

/**
 * a − b, or exactly 0 when the two agree to 1e-9 relative (or 1e-12 absolute; metric values
 * live around 0.01–100): the same selection of cells summed in another order differs in the
 * last bits, and a bootstrap of such noise would otherwise "find" a consistent difference.
 * @example differenceOf(3.64, 3.6400000000000006) // → 0
 */
export function differenceOf(a: number, b: number): number {
  const d = a - b;
  return Math.abs(d) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b))) ? 0 : d;
}
