/**
 * Issue 14's per-fold targets for learned models with threads (GLM ≤ 0.5 s, GRU ≤ 3 s a fold on
 * Chicago res 8 weekly): `hexcast backtest` from the CLI bundle as whole processes under
 * /usr/bin/time, one lane (`--threads 1`) against two (`--threads 2`: the main thread and one
 * fold thread), interleaved, for the Poisson GLM over GLM_FOLDS (default 8) folds and the GRU over
 * GRU_FOLDS (default 2). Per model: CPU (user + sys), wall, peak RSS, the forecasting stage's
 * wall time (the report's `forecastMs`) per fold, the load average, and whether the two reports
 * are equal number for number apart from their timings.
 */
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../bin/build-cli.js';
import { reportNumbers } from '../test/thread-parity';
import { emit, sharedData } from './measure';
import { timedProcess } from './timed-process';

const file = sharedData('chicago-crimes-2014-2018.arrow');
await buildCli();
const round2 = (x: number): number => Math.round(x * 100) / 100;

for (const [model, folds] of [
  ['poisson-glm', Number(process.env.GLM_FOLDS ?? 8)],
  ['gru', Number(process.env.GRU_FOLDS ?? 2)],
] as const) {
  const loadBefore = loadavg()[0];
  const lanes = [1, 2].map((threads) => {
    const out = join(tmpdir(), `hexcast-learned-threads-${model}-${threads}.json`);
    const args = ['bin/hexcast.js', 'backtest', file, '--res', '8', '--bucket', 'week', '--models', model, '--folds', String(folds)];
    const run = timedProcess([...args, '--threads', String(threads), '--out', out, '--quiet']);
    const json = readFileSync(out, 'utf8');
    const forecastS = (JSON.parse(json) as { timings: { forecastMs: number } }).timings.forecastMs / 1000;
    return { ...run, forecastS, json };
  });
  const [one, two] = lanes;
  emit({
    name: `learned-threads: ${model}, ${folds} folds, Chicago res 8 weekly, hexcast backtest --threads 1 vs 2`,
    loadAverage: [round2(loadBefore), round2(loadavg()[0])],
    cpuS: [round2(one.cpu), round2(two.cpu)],
    wallS: [round2(one.wall), round2(two.wall)],
    processPeakRssMb: [Math.round(one.rssMb), Math.round(two.rssMb)],
    forecastSPerFold: [round2(one.forecastS / folds), round2(two.forecastS / folds)],
    wallSPerFold: [round2(one.wall / folds), round2(two.wall / folds)],
    sameReport: JSON.stringify(reportNumbers(one.json)) === JSON.stringify(reportNumbers(two.json)),
  });
}
