/**
 * Issue 14's GLM target: fit + predict of the Poisson GLM per fold ≤ 0.5 s on Chicago, res 8,
 * weekly (888 cells × ~250 weeks, all crimes). Timed: the whole poisson-glm fold as the
 * backtest runs it (features, Newton fit, validation, forecast), and the Newton fit alone on
 * the same training rows (`fitPoissonNewton`), alternated in the same run: today's fit (the
 * columns a period's cells share summed once per period), the same fit with row-by-row sums
 * (no `groupSize` hint: the arithmetic before), and the plain reference — textbook IRLS in
 * numpy (XᵀΛX by BLAS on one thread, bench/glm-numpy-irls.py) for the same number of
 * Hessians, the design written to /work/tmp-data (or $TMPDIR). The Newton fits are timed in
 * CPU time of their process (user + system; numpy's `process_time`), the whole folds in wall
 * time. Also how far the results are apart.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { timeModels } from '../src/lib/forecast/tf';
import { ensureBackend, initNodeBackend } from '../src/lib/forecast/tf/backend';
import { featureContext, featureLayout, priorStrength } from '../src/lib/forecast/tf/features';
import { trainingInputs } from '../src/lib/forecast/tf/inputs';
import { seriesOf } from '../src/lib/forecast/tf/series';
import { fitPoissonNewton, type PoissonDesign } from '../src/lib/forecast/glm/poisson-newton';
import { historyOf } from '../src/lib/forecast/history';
import { neighbours } from '../src/lib/grid/neighbours';
import { chicagoWeeklyPanel } from './chicago-weekly-panel';
import { emit } from './measure';

await initNodeBackend({ prefer: 'wasm' });
const backend = (await ensureBackend()).backend;
const panel = chicagoWeeklyPanel();
const P = panel.periods.length;
const lists = neighbours(panel.cells, 2);
const V = 8;
const FIRST = 4;
const settings = { iterations: 25, l2: 1e-6, standardErrors: true };

/** The GLM's training design at a cutoff, as learnedForecaster builds it, and its start (w = 0, b = log mean). */
function glmDesign(cutoff: number): { design: PoissonDesign; start: Float64Array } {
  const history = historyOf(panel, lists, cutoff);
  const C = history.cells.length;
  const end = history.periods.length - V;
  const series = seriesOf(history, 0);
  const layout = featureLayout(history.bucket.unit, FIRST, end);
  const ctx = featureContext(series, history.bucket, layout, priorStrength(series, end));
  const { inputs } = trainingInputs(ctx, { sample: 'cell', window: 0 }, FIRST, end);
  const units = Int32Array.from({ length: (end - FIRST) * C }, (_, i) => FIRST * C + i);
  const batch = inputs.batch(units);
  const F = layout.names.length;
  const meanCount = (series.cumMean[end] - series.cumMean[FIRST]) / (end - FIRST);
  const start = new Float64Array(F + 1);
  start[F] = Math.log(meanCount + 1e-3);
  return { design: { rows: batch.n, features: F, tab: batch.tab, y: inputs.targets(units), groupSize: C }, start };
}

/** Runs `work` and returns its result with the process's CPU time (user + system, ms): steadier than wall time on a shared machine. */
async function cpuTimed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return [result, (used.user + used.system) / 1000];
}

const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));
const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i]) / Math.max(1e-12, Math.abs(b[i]))));
const grouped: number[] = [];
const rowByRow: number[] = [];
const gaps: Record<string, number>[] = [];
let last: { design: PoissonDesign; start: Float64Array; steps: number; beta: Float64Array } | undefined;
for (const cutoff of [P - 2, P - 1]) {
  const { design, start } = glmDesign(cutoff);
  for (let rep = 0; rep < 2; rep++) {
    const [a, aMs] = await cpuTimed(() => fitPoissonNewton(design, start, settings));
    const [b, bMs] = await cpuTimed(() => fitPoissonNewton({ ...design, groupSize: undefined }, start, settings));
    grouped.push(aMs);
    rowByRow.push(bMs);
    if (rep === 0)
      gaps.push({ steps: a.steps, stepsRowByRow: b.steps, coefMaxAbs: maxAbs(a.beta, b.beta), seMaxRel: maxRel(a.standardErrors!, b.standardErrors!) });
    last = { design, start, steps: a.steps, beta: a.beta };
  }
}

// The plain reference on the last design: numpy IRLS, one BLAS thread, as many Hessians as the fit computed (steps + 1).
const dir = existsSync('/work/tmp-data') ? '/work/tmp-data' : tmpdir();
mkdirSync(dir, { recursive: true });
const prefix = `${dir}/learned-glm-design`;
const { design, start, steps, beta } = last!;
writeFileSync(`${prefix}.tab`, new Uint8Array(design.tab.buffer, design.tab.byteOffset, design.tab.byteLength));
writeFileSync(`${prefix}.y`, new Uint8Array(design.y.buffer, design.y.byteOffset, design.y.byteLength));
writeFileSync(`${prefix}.json`, JSON.stringify({ rows: design.rows, features: design.features, l2: settings.l2, start: Array.from(start) }));
let numpy: { ms: number[]; beta: number[]; numpy: string } | undefined;
try {
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  numpy = JSON.parse(execFileSync('python3', ['bench/glm-numpy-irls.py', prefix, String(steps + 1), '3'], { encoding: 'utf8', env }));
} catch (error) {
  console.error(`numpy reference not run: ${(error as Error).message.split('\n')[0]}`);
}
const oneMore = await cpuTimed(() => fitPoissonNewton(design, start, settings));

const [timings] = await timeModels(panel, { backend: 'wasm', models: [{ id: 'poisson-glm', params: {} }], cutoffs: [P - 3, P - 2, P - 1] });
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
emit({
  name: `poisson-glm per fold, Chicago res 8 weekly (${backend})`,
  cells: panel.cells.length,
  periods: P,
  rows: design.rows,
  features: design.features,
  foldMs: timings.folds.map((f) => Math.round(f.fitMs + f.predictMs)),
  foldMedianMs: Math.round(median(timings.folds.map((f) => f.fitMs + f.predictMs))),
  // Newton fits: CPU ms of this process (user + system); the whole folds: wall ms.
  newtonMs: [...grouped, oneMore[1]].map(Math.round),
  rowByRowNewtonMs: rowByRow.map(Math.round),
  rowByRowRatio: median(rowByRow) / median([...grouped, oneMore[1]]),
  ...(numpy && {
    numpyIrlsMs: numpy.ms.map(Math.round),
    numpyRatio: median([...grouped, oneMore[1]]) / median(numpy.ms),
    numpyCoefMaxAbs: maxAbs(beta, numpy.beta),
    numpyVersion: numpy.numpy,
  }),
  gaps,
  targetMs: 500,
});
