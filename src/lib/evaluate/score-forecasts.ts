import type { Panel } from '../grid/panel';
import type { StudyRegion } from '../grid/study-region';
import {
  areaOrder,
  captureCurve,
  countScores,
  hindsightRanking,
  hotspotRankingOf,
  hotspotScores,
  mae,
  naiveScales,
  tieOrderBy,
  type HindsightRanking,
  type HotspotScore,
} from './metrics';
import { COUNT_METRICS, HOTSPOT_METRICS, type CountMetricId, type HotspotMetricId } from './metric-catalogue';
import { windowStart } from './protocol';
import type { ForecastSet } from './run-forecasts';

/** Every per-fold score of one model. */
export interface ModelScores {
  readonly name: string;
  /** `count[metric][fold]`. */
  readonly count: Readonly<Record<CountMetricId, Float64Array>>;
  /** `hotspot[metric][fold * coverages + j]`, the mean over forecast steps at coverage j (the expectation over tie orders). */
  readonly hotspot: Readonly<Record<HotspotMetricId, Float64Array>>;
  /** The same with the tied cells at the boundary taken worst-first (the pessimistic tie rule). */
  readonly hotspotWorst: Readonly<Record<HotspotMetricId, Float64Array>>;
  /** … and best-first (the optimistic tie rule). */
  readonly hotspotBest: Readonly<Record<HotspotMetricId, Float64Array>>;
  /** Every forecast step's own scores, `steps[fold * horizon + s]`: what the app's map shows. */
  readonly steps: readonly StepScores[];
  /** Hit rate at each level of `captureGrid`, averaged over folds and steps. */
  readonly capture: Float64Array;
}

/** The scores of one forecast step of one model: MAE over all cells, and the hotspot scores at each coverage level. */
export interface StepScores {
  readonly mae: number;
  readonly hotspot: readonly HotspotScore[];
}

/** The scores of a whole forecast set, with the per-fold facts they rest on. */
export interface Scores {
  readonly coverage: readonly number[];
  readonly captureGrid: Float64Array;
  /** In-sample naive MAE of each fold's training span (the MASE scale). */
  readonly naiveScale: Float64Array;
  /** Incidents in each fold's test span (all cells). */
  readonly actualTotal: Float64Array;
  readonly models: readonly ModelScores[];
}

/** The default capture-curve grid: coverage 0, 0.01, …, 1. */
export const CAPTURE_GRID = Float64Array.from({ length: 101 }, (_, i) => i / 100);

/**
 * Scores stored forecasts against the panel: count metrics over all cells and steps of each
 * fold, hotspot metrics per step over the study region under `HOTSPOT_RULE` (incidents outside
 * it still count in N) averaged over steps — with their worst-/best-first tie range and each
 * step's own scores kept for the app's map — and the capture curve averaged over the folds and steps that had incidents. MASE's scale
 * is the in-sample one-step naive MAE of the fold's own training span (Hyndman & Koehler
 * 2006); a fold whose scale is 0 scores NaN and is counted by the summary.
 * Each step's cells are ranked once per model (shared by the hotspot scores and the capture
 * curve) and its hindsight ranking once for all models.
 */
export function scoreForecasts(panel: Panel, set: ForecastSet, region: StudyRegion, captureGrid: Float64Array = CAPTURE_GRID): Scores {
  const C = panel.cells.length;
  const { horizon, cutoffs, protocol } = set;
  const coverage = protocol.coverage;
  const J = coverage.length;
  const folds = cutoffs.length;
  const scale = new Float64Array(folds);
  const actualTotal = new Float64Array(folds);
  // Folds whose training spans start together (every fold of an expanding window) get their scales in one pass.
  const starts = cutoffs.map((cutoff) => windowStart(cutoff, protocol));
  for (const start of new Set(starts)) {
    const same = starts.flatMap((s, k) => (s === start ? [k] : []));
    naiveScales(
      panel.counts,
      C,
      start,
      same.map((k) => cutoffs[k]),
    ).forEach((value, i) => (scale[same[i]] = value));
  }
  cutoffs.forEach((cutoff, k) => {
    const actual = panel.counts.subarray(cutoff * C, (cutoff + horizon) * C);
    for (let i = 0; i < actual.length; i++) actualTotal[k] += actual[i];
  });
  // The hindsight ranking of each fold's steps depends on the observed counts only: one for every model.
  // So does the order of its tied cells (area, then observed count, then index; the area order made once): each model's ranking is a stable sort of it by forecast.
  const stepCount = folds * horizon;
  const ties: (Int32Array | undefined)[] = new Array(stepCount);
  const hindsight: (HindsightRanking | undefined)[] = new Array(stepCount);
  const byArea = areaOrder(panel.area, region.mask);
  const tiesOf = (k: number, s: number, y: Float32Array): Int32Array => (ties[k * horizon + s] ??= tieOrderBy(byArea, y));
  const hindsightOf = (k: number, s: number, y: Float32Array): HindsightRanking =>
    (hindsight[k * horizon + s] ??= hindsightRanking(y, panel.area, region.mask, tiesOf(k, s, y)));
  const models = set.models.map((model): ModelScores => {
    const count = Object.fromEntries(COUNT_METRICS.map((id) => [id, new Float64Array(folds)])) as Record<CountMetricId, Float64Array>;
    const perFold = () => Object.fromEntries(HOTSPOT_METRICS.map((id) => [id, new Float64Array(folds * J)])) as Record<HotspotMetricId, Float64Array>;
    const hotspot = perFold();
    const hotspotWorst = perFold();
    const hotspotBest = perFold();
    const steps: StepScores[] = [];
    const capture = new Float64Array(captureGrid.length);
    let curves = 0;
    for (let k = 0; k < folds; k++) {
      const cutoff = cutoffs[k];
      const forecast = model.values.subarray(k * horizon * C, (k + 1) * horizon * C);
      const actual = panel.counts.subarray(cutoff * C, (cutoff + horizon) * C);
      const scores = countScores(forecast, actual, scale[k]);
      for (const id of COUNT_METRICS) count[id][k] = scores[id];
      for (let s = 0; s < horizon; s++) {
        const f = forecast.subarray(s * C, (s + 1) * C);
        const y = actual.subarray(s * C, (s + 1) * C);
        const ranking = hotspotRankingOf(f, panel.area, tiesOf(k, s, y));
        const scores = hotspotScores(f, y, panel.area, region.mask, coverage, { ranking, hindsight: hindsightOf(k, s, y) });
        steps.push({ mae: mae(f, y), hotspot: scores });
        for (let j = 0; j < J; j++) {
          for (const id of HOTSPOT_METRICS) {
            hotspot[id][k * J + j] += scores[j][id] / horizon;
            hotspotWorst[id][k * J + j] += scores[j].worst[id] / horizon;
            hotspotBest[id][k * J + j] += scores[j].best[id] / horizon;
          }
        }
        const curve = captureCurve(f, y, panel.area, region.mask, captureGrid, ranking);
        if (Number.isNaN(curve.hitRate[captureGrid.length - 1])) continue; // no incidents in this step
        for (let g = 0; g < captureGrid.length; g++) capture[g] += curve.hitRate[g];
        curves++;
      }
    }
    for (let g = 0; g < captureGrid.length; g++) capture[g] = curves > 0 ? capture[g] / curves : Number.NaN;
    return { name: model.name, count, hotspot, hotspotWorst, hotspotBest, steps, capture };
  });
  return { coverage, captureGrid, naiveScale: scale, actualTotal, models };
}
