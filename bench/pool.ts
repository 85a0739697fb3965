/**
 * Issue 14: folds and models spread over worker_threads (`hexcast backtest --threads N`), against
 * the same command on one thread, in the same run, interleaved (whole processes, from the bundle of
 * `npm run build:cli`). Two scenarios on the bundled Chicago sample, res 8 weekly: the learned GLM
 * over 4 folds (where threads should pay), and every baseline over 26 folds in-process with the
 * pool forced on (minCost 0) — the case `POOL_MIN_COST` keeps on one thread.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../bin/build-cli.js';
import { threadPool } from '../src/cli/thread-pool';
import { backtest } from '../src/lib/evaluate/backtest';
import { protocolOf } from '../src/lib/evaluate/protocol';
import { BASELINES } from '../src/lib/forecast/baselines';
import { preparePanel } from '../src/lib/pipeline/prepare-panel';
import { readArrow } from '../src/lib/io/read-arrow';
import { detectMapping } from '../src/lib/io/detect-mapping';
import { readFileSync } from 'node:fs';
import { emit, timed } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = 'public/samples/chicago-3-types-2014-2018.arrow';
await buildCli();
const glm = (threads: number): number => {
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [
      'bin/hexcast.js',
      'backtest',
      sample,
      '--res',
      '8',
      '--bucket',
      'week',
      '--models',
      'poisson-glm',
      '--folds',
      '4',
      '--threads',
      String(threads),
      '--out',
      `/tmp/hexcast-pool-${threads}.json`,
      '--quiet',
    ],
    { cwd: root, stdio: 'ignore' },
  );
  return performance.now() - t0;
};
const reps = 1;
const times: Record<string, number[]> = { one: [], two: [] };
for (let i = 0; i < reps; i++) {
  times.one.push(glm(1));
  times.two.push(glm(2));
}
const best = (xs: number[]): number => Math.min(...xs);

const bytes = new Uint8Array(readFileSync(`${root}${sample}`));
const source = readArrow(bytes, 'sample.arrow');
const { panel } = preparePanel([source], 'x', { mapping: detectMapping([source]).mapping!, bin: { res: 8, unit: 'week' } });
const input = {
  panel,
  protocol: protocolOf({ horizon: 1, folds: 26, validation: 0 }),
  models: BASELINES.map((d) => ({ id: d.id, params: {} })),
  definitions: BASELINES,
  data: { kind: 'incidents', files: [], sha256: 'x', rows: { read: 0, kept: 0, dropped: {} } },
  environment: { hexcast: 'bench', runtime: 'node', libraries: {} },
} as unknown as Parameters<typeof backtest>[0];
const [, plainMs] = await timed(() => backtest(input));
const pool = threadPool(2, panel, 0);
const [, pooledMs] = await timed(() => backtest({ ...input, pool }));
await pool.close();

emit({
  name: `pool: hexcast backtest --threads, ${cpus().length} cores, Chicago sample res 8 weekly`,
  glm4FoldsOneThreadMs: best(times.one),
  glm4FoldsTwoThreadsMs: best(times.two),
  glmSpeedUp: best(times.one) / best(times.two),
  baselines26FoldsInProcessMs: plainMs,
  baselines26FoldsPooledMs: pooledMs,
  baselinesPooledVsPlain: pooledMs / plainMs,
});
