/**
 * Issue 14: the app's worker pool in Chromium (production build with the test hooks, served by
 * `vite preview` with the isolation headers): poisson-glm and naive over 8 weekly folds of the
 * bundled sample, with the pool off (`?workers=1`, the single-worker path) and on (`?workers=2`:
 * the worker and one helper, this machine's default on 2 cores), two runs each, alternately in
 * two pages of one browser so both meet the same load; from pressing Run to the results on screen.
 * test/browser/worker-pool.test.ts drives the pages and records the times (it asserts none; it
 * checks the pooled forecasts file equals the single-worker one byte for byte). On a 2-core
 * machine the speed-up is bounded by 2.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emit } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const record = `${root}test/output/bench/app-pool.json`;
rmSync(record, { force: true });
execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'browser', 'test/browser/worker-pool.test.ts'], {
  cwd: root,
  stdio: ['ignore', 2, 'inherit'],
  env: { ...process.env, HEXCAST_BENCH: '1' },
});
const times = JSON.parse(readFileSync(record, 'utf8')) as { off: number[]; on: number[]; loadBefore: number[]; loadAfter: number[]; workers: string };
/** The median (the mean of the middle two of an even count). */
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
emit({
  name: 'app worker pool: poisson-glm + naive, 8 folds, Chromium (sample), pool off vs on',
  reps: times.on.length,
  offMedianMs: median(times.off),
  onMedianMs: median(times.on),
  speedUp: median(times.off) / median(times.on),
  bestSpeedUp: Math.min(...times.off) / Math.min(...times.on),
  offMs: times.off.map((t) => Math.round(t)),
  onMs: times.on.map((t) => Math.round(t)),
  workers: times.workers,
  loadBefore: times.loadBefore.map((l) => Math.round(l * 10) / 10),
  loadAfter: times.loadAfter.map((l) => Math.round(l * 10) / 10),
});
