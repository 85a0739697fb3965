/**
 * Issue 3's target: all baselines, 52 weekly folds, Chicago at res 8, in under 2 s in Node.
 * Timed: forecasting (runForecasts) and scoring (scoreForecasts) separately; the panel is
 * built beforehand.
 */
import { BASELINES } from '../src/lib/forecast/baselines';
import { createModel } from '../src/lib/forecast/model-definition';
import { protocolOf } from '../src/lib/evaluate/protocol';
import { runForecasts } from '../src/lib/evaluate/run-forecasts';
import { scoreForecasts } from '../src/lib/evaluate/score-forecasts';
import { studyRegion } from '../src/lib/grid/study-region';
import { chicagoWeeklyPanel } from './chicago-weekly-panel';
import { emit, timed } from './measure';

const panel = chicagoWeeklyPanel();
const protocol = protocolOf({ horizon: 1, folds: 52, step: 1, validation: 0, coverage: [0.01, 0.05, 0.1] });
const context = { res: panel.res, bucket: panel.bucket };
const make = BASELINES.map((d) => () => createModel({ id: d.id, params: {} }, BASELINES, context));
const [set, forecastMs] = await timed(() => runForecasts(panel, protocol, make));
const [, scoreMs] = await timed(() => scoreForecasts(panel, set, studyRegion(panel, set.cutoffs[0])));
emit({
  name: 'all baselines, 52 weekly folds, Chicago res 8',
  cells: panel.cells.length,
  periods: panel.periods.length,
  models: set.models.length,
  forecastMs,
  scoreMs,
  totalMs: forecastMs + scoreMs,
  perModelMs: Object.fromEntries(set.models.map((m) => [m.name, Math.round(m.fitMs + m.predictMs)])),
  targetMs: 2000,
});
