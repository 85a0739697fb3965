import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import type { ExternalKind, ExternalMatch } from './external-model';
import { hotspotScores } from './metrics';
import { COUNT_METRICS, HOTSPOT_METRICS, type CountMetricId, type HotspotMetricId } from './metric-catalogue';
import type { Protocol } from './protocol';
import type { ForecastSet } from './run-forecasts';
import type { ModelScores, Scores } from './score-forecasts';
import { summariseScores, type ModelSummary } from './summarise-scores';

/**
 * The forecast set restricted to the folds `keep` (ascending indexes): cutoffs, model universes,
 * forecasts, training logs and refit folds of those folds only, renumbered 0…n−1. A built-in
 * model's forecasts at a kept fold are bit-identical to the full run's.
 * @example subsetFolds(set, [0, 2]).cutoffs // → [set.cutoffs[0], set.cutoffs[2]]
 */
export function subsetFolds(set: ForecastSet, keep: readonly number[]): ForecastSet {
  const { horizon, cells: C } = set;
  const block = horizon * C;
  const pick = <T extends Float32Array | Uint8Array>(values: T, size: number, make: (n: number) => T): T => {
    const out = make(keep.length * size);
    keep.forEach((k, i) => out.set(values.subarray(k * size, (k + 1) * size), i * size));
    return out;
  };
  return {
    ...set,
    cutoffs: keep.map((k) => set.cutoffs[k]),
    universe: pick(set.universe, C, (n) => new Uint8Array(n)),
    models: set.models.map((model) => ({
      ...model,
      values: pick(model.values, block, (n) => new Float32Array(n)),
      logs: keep.map((k) => model.logs[k]),
      fittedFolds: keep.flatMap((k, i) => (model.fittedFolds.includes(k) ? [i] : [])),
    })),
  };
}

/**
 * The forecast set with each external match appended as a model (nothing fitted: no logs, no
 * timings), its values restricted to the folds `keep` as `subsetFolds` does.
 */
export function withExternal(set: ForecastSet, matches: readonly ExternalMatch[], keep: readonly number[]): ForecastSet {
  const block = set.horizon * set.cells;
  const external = matches.map((match) => {
    const values = new Float32Array(keep.length * block);
    keep.forEach((k, i) => values.set(match.values.subarray(k * block, (k + 1) * block), i * block));
    return { name: match.report.name, values, logs: keep.map(() => undefined), fitMs: 0, predictMs: 0, fittedFolds: [] };
  });
  return { ...set, models: [...set.models, ...external] };
}

/**
 * Scores with the metrics a model's kind cannot earn set to NaN: a risk score is not a count,
 * so MAE, RMSE, deviance, MASE, Brier and log score (which read the values as expected counts)
 * are NaN for it and only the hotspot metrics (which only rank cells) stand; a flag-only
 * forecast is not scored at the protocol's coverages at all (it flags its own area: see
 * `flaggedComparison`). `kinds[m]` is undefined for built-in models, which keep every score.
 */
export function maskByKind(scores: Scores, kinds: readonly (ExternalKind | undefined)[]): Scores {
  const nan = (a: Float64Array): Float64Array => new Float64Array(a.length).fill(Number.NaN);
  const models = scores.models.map((model, m): ModelScores => {
    const kind = kinds[m];
    if (kind === undefined || kind === 'count') return model;
    const count = Object.fromEntries(COUNT_METRICS.map((id) => [id, nan(model.count[id])])) as Record<CountMetricId, Float64Array>;
    const steps = model.steps.map((s) => ({ ...s, mae: Number.NaN }));
    if (kind === 'score') return { ...model, count, steps };
    const hotspot = (h: ModelScores['hotspot']) => Object.fromEntries(HOTSPOT_METRICS.map((id) => [id, nan(h[id])])) as Record<HotspotMetricId, Float64Array>;
    return {
      ...model,
      count,
      steps,
      hotspot: hotspot(model.hotspot),
      hotspotWorst: hotspot(model.hotspotWorst),
      hotspotBest: hotspot(model.hotspotBest),
      capture: nan(model.capture),
    };
  });
  return { ...scores, models };
}

/** Every model scored on the area one flag-only forecast flags, period by period. */
export interface FlaggedComparison {
  /** The flag-only model whose area every model is scored on. */
  readonly model: string;
  /** Mean over scored fold-steps of the flagged cells in the study region, and of their share of its area. */
  readonly cellsPerPeriod: number;
  readonly areaFraction: number;
  /** Smallest and largest flagged share of the area in a fold-step. */
  readonly areaFractionRange: readonly [number, number];
  /** Hit rate, PAI and PEI* of every model (means, 95 % intervals, comparisons with the best baseline) at the flagged area, keyed by `areaFraction`. */
  readonly models: readonly ModelSummary[];
}

/**
 * Scores every model on exactly the area a flag-only forecast flags: in each scored fold and
 * step, the flagged study-region cells have area a, c = a/A; each model is scored by
 * `hotspotScores` at coverage c (its top c·A of the area by forecast, ties sharing their fate),
 * so every model flags the same area in the same periods, and the flag model itself scores its
 * own flagged cells exactly (flagged cells rank first with value 1, the rest 0). Per-fold values
 * are means over steps; a step with no flagged area scores NaN. Summaries, intervals and
 * Diebold–Mariano comparisons are `summariseScores`' (keyed by the mean c).
 */
export function flaggedComparison(
  panel: Panel,
  set: ForecastSet,
  region: StudyRegion,
  flagModel: number,
  kinds: readonly ('baseline' | 'learned')[],
  protocol: Protocol,
): FlaggedComparison {
  const C = panel.cells.length;
  const { horizon, cutoffs } = set;
  const folds = cutoffs.length;
  const per = set.models.map(() => Object.fromEntries(HOTSPOT_METRICS.map((id) => [id, new Float64Array(folds)])) as Record<HotspotMetricId, Float64Array>);
  let cells = 0;
  let fractions = 0;
  let steps = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < folds; k++) {
    const cutoff = cutoffs[k];
    for (let s = 0; s < horizon; s++) {
      const offset = (k * horizon + s) * C;
      const flags = set.models[flagModel].values.subarray(offset, offset + C);
      let area = 0;
      let n = 0;
      for (let c = 0; c < C; c++) {
        if (flags[c] > 0 && region.mask[c]) {
          area += panel.area[c];
          n++;
        }
      }
      const fraction = Math.min(1, area / region.area);
      const actual = panel.counts.subarray((cutoff + s) * C, (cutoff + s + 1) * C);
      cells += n;
      fractions += fraction;
      steps++;
      lo = Math.min(lo, fraction);
      hi = Math.max(hi, fraction);
      set.models.forEach((model, m) => {
        const scores = fraction > 0 ? hotspotScores(model.values.subarray(offset, offset + C), actual, panel.area, region.mask, [fraction])[0] : null;
        for (const id of HOTSPOT_METRICS) per[m][id][k] += (scores ? scores[id] : Number.NaN) / horizon;
      });
    }
  }
  const areaFraction = steps > 0 ? fractions / steps : Number.NaN;
  const empty = () => Object.fromEntries(COUNT_METRICS.map((id) => [id, new Float64Array(folds).fill(Number.NaN)])) as Record<CountMetricId, Float64Array>;
  const scores: Scores = {
    coverage: [areaFraction],
    captureGrid: new Float64Array(0),
    naiveScale: new Float64Array(folds),
    actualTotal: new Float64Array(folds),
    models: set.models.map((model, m) => ({
      name: model.name,
      count: empty(),
      hotspot: per[m],
      hotspotWorst: per[m],
      hotspotBest: per[m],
      steps: [],
      capture: new Float64Array(0),
    })),
  };
  const { models } = summariseScores(scores, kinds, protocol);
  return { model: set.models[flagModel].name, cellsPerPeriod: steps > 0 ? cells / steps : 0, areaFraction, areaFractionRange: [lo, hi], models };
}
