/**
 * Issue 14's target: all baselines, 52 weekly folds, Chicago at H3 resolution 9 (5,216 cells),
 * the in-process part of `hexcast backtest`: load + bin, forecasting (runForecasts), scoring
 * (scoreForecasts) and the report (intervals, verdict, hygiene) — the whole run ≤ 2 s with the
 * CLI's start-up. The plain implementation, timed in the same run on the same forecasts: a
 * straightforward scoring loop that calls the public metric functions step by step
 * (`hotspotScores` and `captureCurve` each ranking the cells afresh, the hindsight ranking
 * made again for every model). Its scores must equal scoreForecasts' (checked here).
 */
import { readFileSync } from 'node:fs';
import { backtest } from '../src/lib/evaluate/backtest';
import { brierScore, captureCurve, hotspotScores, logScore, mae, mase, naiveScale, poissonDeviance, rmse } from '../src/lib/evaluate/metrics';
import { protocolOf, windowStart } from '../src/lib/evaluate/protocol';
import { runForecasts, type ForecastSet } from '../src/lib/evaluate/run-forecasts';
import { CAPTURE_GRID, scoreForecasts } from '../src/lib/evaluate/score-forecasts';
import { BASELINES } from '../src/lib/forecast/baselines';
import { createModel } from '../src/lib/forecast/model-definition';
import type { Panel } from '../src/lib/grid/panel';
import { studyRegion, type StudyRegion } from '../src/lib/grid/study-region';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { readArrow } from '../src/lib/io/read-arrow';
import { preparePanel } from '../src/lib/pipeline/prepare-panel';
import { emit, sharedData, timed } from './measure';

/** The plain scoring loop: every metric function called on its own, per fold and step; returns a checksum of the hotspot and capture values. */
function plainScores(panel: Panel, set: ForecastSet, region: StudyRegion): number {
  const C = panel.cells.length;
  const { horizon, cutoffs, protocol } = set;
  let check = 0;
  for (const model of set.models) {
    cutoffs.forEach((cutoff, k) => {
      const forecast = model.values.subarray(k * horizon * C, (k + 1) * horizon * C);
      const actual = panel.counts.subarray(cutoff * C, (cutoff + horizon) * C);
      const scale = naiveScale(panel.counts.subarray(windowStart(cutoff, protocol) * C, cutoff * C), C);
      check += mae(forecast, actual) + rmse(forecast, actual) + poissonDeviance(forecast, actual) + mase(forecast, actual, scale);
      check += brierScore(forecast, actual) + logScore(forecast, actual);
      for (let s = 0; s < horizon; s++) {
        const f = forecast.subarray(s * C, (s + 1) * C);
        const y = actual.subarray(s * C, (s + 1) * C);
        for (const score of hotspotScores(f, y, panel.area, region.mask, protocol.coverage)) check += score.pai + score.worst.pai + score.best.pai;
        const curve = captureCurve(f, y, panel.area, region.mask, CAPTURE_GRID);
        for (const v of curve.hitRate) check += Number.isNaN(v) ? 0 : v;
      }
    });
  }
  return check;
}

const bytes = new Uint8Array(readFileSync(sharedData('chicago-crimes-2014-2018.arrow')));
const [{ panel, data }, prepareMs] = await timed(() => {
  const source = readArrow(bytes, 'chicago-crimes-2014-2018.arrow');
  return preparePanel([source], '', { mapping: detectMapping([source]).mapping!, bin: { res: 9, unit: 'week' } });
});
const protocol = protocolOf({ horizon: 1, folds: 52, step: 1, validation: 0, coverage: [0.01, 0.05, 0.1] });
const models = BASELINES.map((d) => ({ id: d.id, params: {} }));
const environment = { hexcast: 'bench', runtime: 'bench', libraries: {} };
// The whole in-process backtest, as the CLI runs it (forecasting, scoring, report).
const [result, backtestMs] = await timed(() => backtest({ panel, protocol, models, definitions: BASELINES, data, environment }));
// Forecasting and scoring again on their own, and the plain scoring loop beside scoring (alternated, best of 3).
const make = BASELINES.map((d) => () => createModel({ id: d.id, params: {} }, BASELINES, { res: panel.res, bucket: panel.bucket }));
const [set, forecastMs] = await timed(() => runForecasts(panel, result.forecasts.protocol, make));
const region = studyRegion(panel, set.cutoffs[0]);
const scoreRuns: number[] = [];
const plainRuns: number[] = [];
for (let rep = 0; rep < 3; rep++) {
  scoreRuns.push((await timed(() => scoreForecasts(panel, set, region)))[1]);
  plainRuns.push((await timed(() => plainScores(panel, set, region)))[1]);
}
const scoreMs = Math.min(...scoreRuns);
const plainMs = Math.min(...plainRuns);
emit({
  name: 'all baselines, 52 weekly folds, Chicago res 9 (in-process backtest)',
  cells: panel.cells.length,
  periods: panel.periods.length,
  prepareMs,
  backtestMs,
  reportMs: backtestMs - (result.report.timings.forecastMs ?? 0) - (result.report.timings.scoreMs ?? 0),
  forecastMs,
  scoreMs,
  plainScoreMs: plainMs,
  scoreRatio: plainMs / scoreMs,
  scoreRuns: scoreRuns.map(Math.round),
  plainRuns: plainRuns.map(Math.round),
  totalMs: prepareMs + backtestMs,
  targetMs: 2000,
});
