import { brierScore, hotspotScores, logScore, mae, mase, poissonDeviance, rmse } from '../evaluate/metrics';
import type { ForecastSet } from '../evaluate/run-forecasts';
import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import { metricKeys, type MetricSeries } from './metric-series';

/**
 * LEAKY — scores forecasts only where incidents happened: in each fold, the count metrics over
 * the cell-periods of the test span with at least one incident; and the hotspot metrics of each
 * step with the same flagged area c·A as the honest run (A = the study region's area) chosen
 * among the region's cells with an incident in that step only (the zeros dropped from the
 * ranking; all of them flagged when they cover less than c·A), PAI = hit rate / c, averaged over
 * steps as `scoreForecasts` does. MASE keeps the honest scale
 * (`naiveScale`, one per fold). The forecasts are the honest ones: only the scoring leaks,
 * because which cells are scored is decided by the test period's own incidents.
 *
 * It flatters hotspot metrics (every flagged cell is a cell with an incident: selection on the
 * outcome) and punishes
 * forecasts of zero in count metrics (the cells where 0 was right are gone), so it also changes
 * which model looks best. Only the leakage lab calls it.
 * @example on one cell-period with forecast 0.5 and 2 incidents plus one with forecast 0.5 and none: MAE 1.5 instead of (1.5 + 0.5)/2 = 1
 */
export function scoreOnlyCellsWithIncidents(panel: Panel, set: ForecastSet, region: StudyRegion, naiveScale: Float64Array, m: number): MetricSeries[] {
  const C = panel.cells.length;
  const { horizon, cutoffs, protocol } = set;
  const folds = cutoffs.length;
  const values = set.models[m].values;
  const keys = metricKeys(protocol.coverage);
  const out = keys.map((key) => ({ ...key, values: new Float64Array(folds) }));
  const slot = (metric: string, coverage?: number): Float64Array => out.find((s) => s.metric === metric && s.coverage === coverage)!.values;
  for (let k = 0; k < folds; k++) {
    const forecast = values.subarray(k * horizon * C, (k + 1) * horizon * C);
    const actual = panel.counts.subarray(cutoffs[k] * C, (cutoffs[k] + horizon) * C);
    const f: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < actual.length; i++) {
      if (actual[i] > 0) {
        f.push(forecast[i]);
        y.push(actual[i]);
      }
    }
    slot('mae')[k] = mae(f, y);
    slot('rmse')[k] = rmse(f, y);
    slot('poissonDeviance')[k] = poissonDeviance(f, y);
    slot('mase')[k] = mase(f, y, naiveScale[k]);
    slot('brier')[k] = brierScore(f, y);
    slot('logScore')[k] = logScore(f, y);
    for (let s = 0; s < horizon; s++) {
      const fs = forecast.subarray(s * C, (s + 1) * C);
      const ys = actual.subarray(s * C, (s + 1) * C);
      const mask = Uint8Array.from(region.mask, (inside, c) => (inside && ys[c] > 0 ? 1 : 0));
      let scored = 0;
      for (let c = 0; c < C; c++) if (mask[c]) scored += panel.area[c];
      protocol.coverage.forEach((c) => {
        // The same flagged area c·A as the honest run, chosen among the cells with incidents only.
        const share = scored > 0 ? Math.min(1, (c * region.area) / scored) : 1;
        const [score] = hotspotScores(fs, ys, panel.area, mask, [share]);
        slot('hitRate', c)[k] += score.hitRate / horizon;
        slot('pai', c)[k] += score.hitRate / c / horizon;
        slot('pei', c)[k] += score.pei / horizon;
      });
    }
  }
  return out;
}
