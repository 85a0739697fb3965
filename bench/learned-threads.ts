/**
 * Issue 14's per-fold targets for learned models with threads (GLM ≤ 0.5 s, GRU ≤ 3 s a fold on
 * Chicago res 8 weekly): `hexcast backtest` from the CLI bundle as whole processes under
 * /usr/bin/time, one lane (`--threads 1`) against two (`--threads 2`: the main thread and one
 * fold thread), interleaved, for the Poisson GLM over GLM_FOLDS (default 8) folds and the GRU over
 * GRU_FOLDS (default 2). Per model: CPU (user + sys), wall, peak RSS, the forecasting stage's
 * wall time (the report's `forecastMs`) per fold, the load average, and whether the two reports
 * are equal number for number apart from their timings. With BASE_CLI (another checkout's
 * bin/hexcast.js, its bundle built: the "before" of a change) the same runs of that build are
 * interleaved with this one's, and the forecasts' largest relative difference between the builds
 * is reported (0 when they agree bit for bit).
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC, Type } from 'apache-arrow';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../bin/build-cli.js';
import { reportNumbers } from '../test/thread-parity';
import { emit, sharedData } from './measure';
import { timedProcess } from './timed-process';

const file = sharedData('chicago-crimes-2014-2018.arrow');
const base = process.env.BASE_CLI;
await buildCli();
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Largest |a − b| / |a| between two forecasts files' model columns (the Arrow tables' Float32 columns). */
function largestDifference(a: string, b: string): number {
  const columns = (path: string): Float32Array[] => {
    const table = tableFromIPC(readFileSync(path));
    const models = table.schema.fields.filter(
      (f) => f.type.typeId === Type.Float && !f.name.startsWith('area_') && f.name !== 'actual' && f.name !== 'naive_scale',
    );
    return models.map((f) => table.getChild(f.name)!.toArray() as Float32Array);
  };
  const [x, y] = [columns(a), columns(b)];
  let worst = 0;
  x.forEach((column, k) => column.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - y[k][i]) / Math.max(Math.abs(v), 1e-9)))));
  return worst;
}

for (const [model, folds] of [
  ['poisson-glm', Number(process.env.GLM_FOLDS ?? 8)],
  ['gru', Number(process.env.GRU_FOLDS ?? 2)],
] as const) {
  const loadBefore = loadavg()[0];
  const builds = base ? (['base', 'this'] as const) : (['this'] as const);
  const runs = [1, 2].flatMap((threads) =>
    builds.map((build) => {
      const out = join(tmpdir(), `hexcast-learned-threads-${model}-${threads}-${build}.json`);
      const forecasts = join(tmpdir(), `hexcast-learned-threads-${model}-${threads}-${build}-forecasts.json`);
      const args = ['backtest', file, '--res', '8', '--bucket', 'week', '--models', model, '--folds', String(folds)];
      const run = timedProcess([
        build === 'base' ? base! : 'bin/hexcast.js',
        ...args,
        '--threads',
        String(threads),
        '--out',
        out,
        '--forecasts',
        forecasts,
        '--quiet',
      ]);
      const json = readFileSync(out, 'utf8');
      const forecastS = (JSON.parse(json) as { timings: { forecastMs: number } }).timings.forecastMs / 1000;
      return { build, threads, ...run, forecastS, json, forecasts };
    }),
  );
  const lanes = [1, 2].map((threads) => runs.find((r) => r.threads === threads && r.build === 'this')!);
  const before = [1, 2].map((threads) => runs.find((r) => r.threads === threads && r.build === 'base'));
  const [one, two] = lanes;
  if (before[0]) {
    emit({
      name: `learned-threads: ${model}, ${folds} folds, base build (BASE_CLI), --threads 1 vs 2`,
      cpuS: before.map((r) => round2(r!.cpu)),
      wallS: before.map((r) => round2(r!.wall)),
      processPeakRssMb: before.map((r) => Math.round(r!.rssMb)),
      forecastSPerFold: before.map((r) => round2(r!.forecastS / folds)),
      largestRelativeDifferenceFromBase: [0, 1].map((i) => largestDifference(before[i]!.forecasts, lanes[i].forecasts)),
    });
  }
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
