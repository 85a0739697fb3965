import { auc, flagAccuracy, flagPrecision, hotspotScores } from '../evaluate/metrics';
import type { ClaimMetric } from './claim';
import type { ClaimRun } from './claim-run';

/**
 * Whose flagged cells are scored: a model of the run (by index), the hindsight selection
 * (cells ranked by the incidents that did happen, per m²: the best any selection of that area
 * could have done) or 'random' (a constant forecast: under the shared-tie rule, exactly the
 * expectation of flagging that area at random).
 */
export type ClaimSelector = number | 'hindsight' | 'random';

/**
 * The value of `metric` at `coverage` in every fold of a run for one selector: the mean over
 * the fold's forecast steps (NaN steps left out; NaN when every step is). Metrics on the study
 * region under `HOTSPOT_RULE`: hit rate, PAI, precision, accuracy (`flagAccuracy`; coverage 0 =
 * flag nothing), AUC (coverage ignored), and `hotspotRatio` = hit rate ÷ the hit rate of the
 * run's KDE model in the same step (NaN where KDE captured nothing).
 * Throws when `hotspotRatio` is asked of a run without a model named kde….
 * @example claimFoldValues(run, 'hitRate', 0.05, 'hindsight') // → the hindsight ceiling of each fold
 */
export function claimFoldValues(run: ClaimRun, metric: ClaimMetric, coverage: number, selector: ClaimSelector): Float64Array {
  const { panel, forecasts, region } = run;
  const C = panel.cells.length;
  const { horizon, cutoffs } = forecasts;
  const kde = metric === 'hotspotRatio' ? kdeIndex(run) : -1;
  const out = new Float64Array(cutoffs.length);
  cutoffs.forEach((cutoff, k) => {
    let sum = 0;
    let n = 0;
    for (let s = 0; s < horizon; s++) {
      const actual = panel.counts.subarray((cutoff + s) * C, (cutoff + s + 1) * C);
      const forecastOf = (who: ClaimSelector) => selection(run, who, k, s, actual);
      const f = forecastOf(selector);
      let v: number;
      if (metric === 'hitRate' || metric === 'pai') v = hotspotScores(f, actual, panel.area, region.mask, [coverage])[0][metric];
      else if (metric === 'precision') v = flagPrecision(f, actual, panel.area, region.mask, coverage);
      else if (metric === 'accuracy') v = flagAccuracy(f, actual, panel.area, region.mask, coverage);
      else if (metric === 'auc') v = auc(f, actual, region.mask);
      else {
        const hit = hotspotScores(f, actual, panel.area, region.mask, [coverage])[0].hitRate;
        const reference = hotspotScores(forecastOf(kde), actual, panel.area, region.mask, [coverage])[0].hitRate;
        v = reference > 0 ? hit / reference : Number.NaN;
      }
      if (v === v) {
        sum += v;
        n++;
      }
    }
    out[k] = n > 0 ? sum / n : Number.NaN;
  });
  return out;
}

/** The index of the run's KDE model (the hotspot map of Chainey, Tompson & Uhlig 2008). */
export function kdeIndex(run: ClaimRun): number {
  const index = run.forecasts.models.findIndex((m) => m.name.startsWith('kde'));
  if (index < 0) throw new RangeError('a claim against hotspot maps needs the kde baseline in the model list (the KDE hotspot map it is compared with)');
  return index;
}

/** The forecast step that ranks the cells for a selector. */
function selection(run: ClaimRun, who: ClaimSelector, fold: number, step: number, actual: Float32Array): ArrayLike<number> {
  const C = run.panel.cells.length;
  if (who === 'random') return new Float32Array(C);
  if (who === 'hindsight') return Float64Array.from(actual, (y, i) => y / run.panel.area[i]);
  const offset = (fold * run.forecasts.horizon + step) * C;
  return run.forecasts.models[who].values.subarray(offset, offset + C);
}
