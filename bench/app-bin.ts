/**
 * Issue 14, the app half of "load + validate + bin the 1.3 M-row Chicago file at res 8 daily at
 * least 3× faster than the plain per-row h3-js loop": in Debian's Chromium (production build with
 * the test hooks, served by `vite preview` with the isolation headers),
 * test/browser/app-bin.test.ts times, interleaved over ROUNDS rounds (default 3) in one browser,
 * (a) the app — from handing the file to the file input of a page opened on a link asking for
 * res 8 daily to the worker's answer to the bin (open → detect → decode → validate → bin) — and
 * (b) the plain implementation in a Web Worker of a page beside it (the file's bytes,
 * apache-arrow `tableFromIPC`, h3-js `latLngToCell(lat, lng, 8)` per row into a Map keyed by
 * cell and day: bench/plain-h3-loop.mjs's loop). It asserts no duration; this reports best-of,
 * medians and the ratio plain/app (the target: at least 3), with the app's stages (when each of
 * its worker's answers arrived, and the worker's time before and after its open's read: `aroundRead`)
 * and its main thread's longest task (budget 100 ms) and every long task as start(duration) after the file was handed over, the base's as well.
 * `HEXCAST_CHICAGO=path` for a checkout not beside the shared data; `HEXCAST_BASE_ROOT=dir`, a
 * checkout of a base commit with dist/ built with the test hooks, times its app too, in the same
 * rounds (`speedUpOverBase`).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emit } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const record = `${root}test/output/bench/app-bin.json`;
rmSync(record, { force: true });
execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'browser', 'test/browser/app-bin.test.ts'], {
  cwd: root,
  stdio: ['ignore', 2, 'inherit'],
  env: { ...process.env, HEXCAST_BENCH: '1' },
});
const times = JSON.parse(readFileSync(record, 'utf8')) as {
  app: number[];
  plain: number[];
  base: number[];
  baseStages: { request: string; at: number; ms: number }[][];
  stages: { request: string; at: number; ms: number }[][];
  longestTaskMs: number[];
  longTasks: string[];
  baseLongestTaskMs: number[];
  baseLongTasks: string[];
  panel: unknown;
  plainCounted: unknown;
  loadBefore: number[];
  loadAfter: number[];
};
/** The median (the mean of the middle two of an even count). */
const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const best = (xs: number[]): number => Math.min(...xs);
const round1 = (xs: number[]): number[] => xs.map((x) => Math.round(x * 10) / 10);
/**
 * Per round, the worker's open around its own `ms` (the read), from the arrivals of its first
 * progress message, its first 'read' one (Chicago's one record batch: the read's end) and its
 * answer: `before` = first 'read' − `ms` − first progress (the work before the read starts),
 * `after` = answer − first 'read' (detection, preview and the answer's hand-over).
 */
const aroundRead = (rounds: { request: string; at: number; ms: number }[][]): string[] =>
  rounds.map((answers) => {
    const at = (request: string): number => answers.find((a) => a.request === request)?.at ?? NaN;
    const ms = answers.find((a) => a.request === 'open')?.ms ?? NaN;
    return `before ${Math.round(at('first-read') - ms - at('first-progress'))} after ${Math.round(at('open') - at('first-read'))}`;
  });
emit({
  name: 'app: Chicago 1.3 M rows, open → bin at res 8 daily, Chromium, vs the plain h3-js loop in a worker',
  rounds: times.app.length,
  appBestMs: best(times.app),
  plainBestMs: best(times.plain),
  bestRatio: best(times.plain) / best(times.app),
  medianRatio: median(times.plain) / median(times.app),
  appMs: times.app.map(Math.round),
  plainMs: times.plain.map(Math.round),
  appStages: times.stages.map((answers) => answers.map((a) => `${a.request}@${a.at}(${a.ms})`).join(' ')),
  openAroundReadMs: aroundRead(times.stages),
  longestTaskMs: times.longestTaskMs.map(Math.round),
  longTasks: times.longTasks,
  ...(times.base.length > 0 && {
    baseBestMs: best(times.base),
    baseMs: times.base.map(Math.round),
    baseBestRatio: best(times.plain) / best(times.base),
    speedUpOverBase: best(times.base) / best(times.app),
    baseLongestTaskMs: times.baseLongestTaskMs.map(Math.round),
    baseLongTasks: times.baseLongTasks,
    baseStages: times.baseStages.map((answers) => answers.map((a) => `${a.request}@${a.at}(${a.ms})`).join(' ')),
    baseOpenAroundReadMs: aroundRead(times.baseStages),
  }),
  panel: times.panel,
  plain: times.plainCounted,
  loadBefore: round1(times.loadBefore),
  loadAfter: round1(times.loadAfter),
});
