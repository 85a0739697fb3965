/**
 * Issue 14's GLM target: fit + predict of the Poisson GLM per fold ≤ 0.5 s on Chicago, res 8,
 * weekly (888 cells × ~250 weeks, all crimes). Timed: the whole poisson-glm fold as the
 * backtest runs it (features, Newton fit, validation, forecast), and the Newton fit alone on
 * the same training rows with today's plain-TypeScript float64 fit (forecast/glm) and with the
 * plain implementation it replaced, measured in the same run: the tfjs fit (XᵀΛX by tfjs
 * matMul in float32, bench/tfjs-irls.ts), alternated, WASM backend. Also reports how far the
 * two fits' results are apart: coefficients, training deviance, standard errors, and the
 * fitted rates on the validation span.
 */
import { timeModels } from '../src/lib/forecast/tf';
import { ensureBackend, initNodeBackend } from '../src/lib/forecast/tf/backend';
import { featureContext, featureLayout, priorStrength } from '../src/lib/forecast/tf/features';
import { glmNetwork } from '../src/lib/forecast/tf/glm-network';
import { trainingInputs } from '../src/lib/forecast/tf/inputs';
import { fitGlmIrls } from '../src/lib/forecast/tf/irls';
import { seriesOf } from '../src/lib/forecast/tf/series';
import { logRates, type TrainData } from '../src/lib/forecast/tf/train';
import { historyOf } from '../src/lib/forecast/history';
import { neighbours } from '../src/lib/grid/neighbours';
import { chicagoWeeklyPanel } from './chicago-weekly-panel';
import { emit, timed } from './measure';
import { fitGlmIrlsTfjs } from './tfjs-irls';

await initNodeBackend({ prefer: 'wasm' });
const backend = (await ensureBackend()).backend;
const panel = chicagoWeeklyPanel();
const P = panel.periods.length;
const lists = neighbours(panel.cells, 2);
const V = 8;
const FIRST = 4;
const settings = { iterations: 25, l2: 1e-6, standardErrors: true };

/** The GLM's training data at a cutoff, as learnedForecaster builds it. */
function glmData(cutoff: number): { data: TrainData; features: number; outputBias: number } {
  const history = historyOf(panel, lists, cutoff);
  const C = history.cells.length;
  const end = history.periods.length - V;
  const series = seriesOf(history, 0);
  const layout = featureLayout(history.bucket.unit, FIRST, end);
  const ctx = featureContext(series, history.bucket, layout, priorStrength(series, end));
  const { inputs } = trainingInputs(ctx, { sample: 'cell', window: 0 }, FIRST, end);
  const units = (from: number, to: number) => Int32Array.from({ length: (to - from) * C }, (_, i) => from * C + i);
  const meanCount = (series.cumMean[end] - series.cumMean[FIRST]) / (end - FIRST);
  return {
    data: { train: units(FIRST, end), validation: units(end, end + V), unitSize: 1, ...inputs },
    features: layout.names.length,
    outputBias: Math.log(meanCount + 1e-3),
  };
}

type Fit = typeof fitGlmIrls;
/** One fit: wall time, coefficients, last training loss, standard errors, validation rates. */
async function run(fit: Fit, data: TrainData, features: number, outputBias: number) {
  const glm = glmNetwork({ features, window: 0, channels: 0, cells: 0, hidden: 0, outputBias });
  try {
    const [result, ms] = await timed(() => fit(glm, data, settings, { seed: 1, validation: V }, performance.now()));
    const beta = [...glm.linear.w.dataSync(), glm.linear.b.dataSync()[0]];
    const rates = Array.from(logRates(glm, data.batch(data.validation)), Math.exp);
    return { ms, beta, loss: result.epochs.at(-1)!.loss, iterations: result.epochs.length, se: Array.from(result.standardErrors!), rates };
  } finally {
    glm.dispose();
  }
}

const maxRel = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i]) / Math.max(1e-12, Math.abs(b[i]))));
const maxAbs = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i])));
const plain: number[] = [];
const tfjs: number[] = [];
const gaps: Record<string, number>[] = [];
for (const cutoff of [P - 2, P - 1]) {
  const { data, features, outputBias } = glmData(cutoff);
  for (let rep = 0; rep < 2; rep++) {
    const a = await run(fitGlmIrls, data, features, outputBias);
    const b = await run(fitGlmIrlsTfjs, data, features, outputBias);
    plain.push(a.ms);
    tfjs.push(b.ms);
    if (rep === 0) {
      gaps.push({
        iterations: a.iterations,
        iterationsTfjs: b.iterations,
        coefMaxAbs: maxAbs(a.beta, b.beta),
        lossRel: Math.abs(a.loss - b.loss) / b.loss,
        seMaxRel: maxRel(a.se, b.se),
        rateMaxRel: maxRel(a.rates, b.rates),
      });
    }
  }
}
const [timings] = await timeModels(panel, { backend: 'wasm', models: [{ id: 'poisson-glm', params: {} }], cutoffs: [P - 3, P - 2, P - 1] });
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
emit({
  name: `poisson-glm per fold, Chicago res 8 weekly (${backend})`,
  cells: panel.cells.length,
  periods: P,
  foldMs: timings.folds.map((f) => Math.round(f.fitMs + f.predictMs)),
  foldMedianMs: median(timings.folds.map((f) => f.fitMs + f.predictMs)),
  newtonMs: plain.map(Math.round),
  tfjsNewtonMs: tfjs.map(Math.round),
  newtonRatio: median(tfjs) / median(plain),
  gaps,
  targetMs: 500,
});
