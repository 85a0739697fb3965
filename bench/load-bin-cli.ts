/**
 * Issue 14's target, as whole processes: `hexcast bin` (the prebuilt CLI bundle) on the 1.3 M-row
 * Chicago file at res 8, daily, every column named (so no column detection), against the plain
 * per-row h3-js loop (`bench/plain-h3-loop.mjs`, plain Node) on the same file — at least 3×
 * faster. Runs are interleaved (plain, Hexcast on two threads, Hexcast on one thread), each
 * timed by /usr/bin/time (user + system CPU, wall, peak RSS); the best of ROUNDS (default 3) is
 * reported, with the load average before and after. When BASE_CLI names another checkout's
 * bin/hexcast.js (its bundle built), that build runs too (two threads), in the same rounds — the
 * "before" of a change — and its panel file must equal this build's byte for byte.
 */
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../bin/build-cli.js';
import { emit, sharedData } from './measure';
import { timedProcess, type ProcessRun } from './timed-process';

const file = sharedData('chicago-crimes-2014-2018.arrow');
const out = join(tmpdir(), 'hexcast-load-bin-cli.arrow');
const rounds = Number(process.env.ROUNDS ?? 3);
const base = process.env.BASE_CLI;
const baseOut = join(tmpdir(), 'hexcast-load-bin-cli-base.arrow');
await buildCli();

type Run = ProcessRun;

const hexcast = ['bin/hexcast.js', 'bin', file, '--time', 'occurred_at', '--lat', 'latitude', '--lng', 'longitude', '--category-column', 'primary_type'];
const binArgs = [...hexcast, '--res', '8', '--bucket', 'day', '--out', out, '--quiet'];
const runs: Record<'plain' | 'two' | 'one' | 'base', Run[]> = { plain: [], two: [], one: [], base: [] };
const loadBefore = loadavg()[0];
for (let round = 0; round < rounds; round++) {
  runs.plain.push(timedProcess(['bench/plain-h3-loop.mjs', file]));
  if (base) runs.base.push(timedProcess([base, ...binArgs.slice(1, -3), '--out', baseOut, '--quiet']));
  runs.two.push(timedProcess(binArgs));
  runs.one.push(timedProcess(binArgs, { HEXCAST_BIN_THREAD: 'off' }));
  if (base && !readFileSync(out).equals(readFileSync(baseOut))) throw new Error(`the panel files of this build and ${base} differ`);
}
const best = (list: Run[], key: keyof Run): number => Math.min(...list.map((r) => r[key]));
const round2 = (x: number): number => Math.round(x * 100) / 100;
emit({
  name: 'hexcast bin Chicago res 8 daily, whole process, against the plain h3-js loop',
  rounds,
  loadAverage: [round2(loadBefore), round2(loadavg()[0])],
  plainCpuS: round2(best(runs.plain, 'cpu')),
  plainWallS: round2(best(runs.plain, 'wall')),
  hexcastCpuS: round2(best(runs.two, 'cpu')),
  hexcastWallS: round2(best(runs.two, 'wall')),
  hexcastRssMb: Math.round(best(runs.two, 'rssMb')),
  oneThreadCpuS: round2(best(runs.one, 'cpu')),
  oneThreadWallS: round2(best(runs.one, 'wall')),
  wallRatio: round2(best(runs.plain, 'wall') / best(runs.two, 'wall')),
  cpuRatio: round2(best(runs.plain, 'cpu') / best(runs.two, 'cpu')),
  oneThreadWallRatio: round2(best(runs.plain, 'wall') / best(runs.one, 'wall')),
  ...(base && {
    baseCpuS: round2(best(runs.base, 'cpu')),
    baseWallS: round2(best(runs.base, 'wall')),
    baseRssMb: Math.round(best(runs.base, 'rssMb')),
    baseWallRatio: round2(best(runs.plain, 'wall') / best(runs.base, 'wall')),
  }),
  all: Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, v.map((r) => `${round2(r.cpu)} cpu / ${round2(r.wall)} wall`)])),
  targetWallRatio: 3,
});
