/**
 * Issue 14's target as a whole process: `hexcast backtest` of all baselines over 52 weekly folds
 * on Chicago at res 9, every column named, from the CLI bundle — ≤ 2 s wall. Runs, interleaved
 * and each under /usr/bin/time (CPU = user + system, wall, peak RSS): the plain per-row h3-js
 * loop over the same file (`bench/plain-h3-loop.mjs`, the reference for how fast the machine is
 * right now); this build; this build on the whole-file load path (HEXCAST_STREAM=off,
 * HEXCAST_BIN_THREAD=off); and, when BASE_CLI names another checkout's bin/hexcast.js (its
 * bundle built), that build — the "before" of a change, measured in the same run. Best of ROUNDS
 * (default 3), with the load average before and after.
 */
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../bin/build-cli.js';
import { emit, sharedData } from './measure';
import { timedProcess, type ProcessRun } from './timed-process';

const file = sharedData('chicago-crimes-2014-2018.arrow');
const rounds = Number(process.env.ROUNDS ?? 3);
const base = process.env.BASE_CLI;
await buildCli();

/** The command, every column named (no detection), as issue 14 states the target. */
const FLAGS = '--time occurred_at --lat latitude --lng longitude --category-column primary_type --res 9 --bucket week --folds 52 --horizon 1 --step 1 --quiet';
const backtest = (cli: string): string[] => [cli, 'backtest', file, ...FLAGS.split(' '), '--out', join(tmpdir(), 'hexcast-backtest-cli.json')];
const runs: Record<string, ProcessRun[]> = { plain: [], hexcast: [], wholeFile: [], ...(base && { base: [] }) };
const loadBefore = loadavg();
for (let round = 0; round < rounds; round++) {
  runs.plain.push(timedProcess(['bench/plain-h3-loop.mjs', file]));
  if (base) runs.base.push(timedProcess(backtest(base)));
  runs.hexcast.push(timedProcess(backtest('bin/hexcast.js')));
  runs.wholeFile.push(timedProcess(backtest('bin/hexcast.js'), { HEXCAST_STREAM: 'off', HEXCAST_BIN_THREAD: 'off' }));
}
const best = (list: ProcessRun[], key: keyof ProcessRun): number => Math.min(...list.map((r) => r[key]));
const round2 = (x: number): number => Math.round(x * 100) / 100;
emit({
  name: 'hexcast backtest, all baselines, 52 weekly folds, Chicago res 9, whole process',
  rounds,
  loadAverage: [loadBefore.map(round2), loadavg().map(round2)],
  ...Object.fromEntries(
    Object.entries(runs).flatMap(([name, list]) => [
      [`${name}CpuS`, round2(best(list, 'cpu'))],
      [`${name}WallS`, round2(best(list, 'wall'))],
      [`${name}RssMb`, Math.round(best(list, 'rssMb'))],
    ]),
  ),
  wallOverPlain: round2(best(runs.hexcast, 'wall') / best(runs.plain, 'wall')),
  all: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((r) => `${round2(r.cpu)} cpu / ${round2(r.wall)} wall`)])),
  targetWallS: 2,
});
