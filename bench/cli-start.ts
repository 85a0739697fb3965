/**
 * Issue 14: how long `hexcast --help` takes from a cold process, against a bare Node process
 * that only imports apache-arrow and h3-js (the plain floor any Hexcast CLI pays), measured in
 * the same run, interleaved. Three ways to start the same sources: the esbuild bundle of
 * `npm run build:cli` (what bin/hexcast.js runs when it is fresh), tsx compiling the sources
 * (its own on-disk cache warm after the first run: HEXCAST_CLI=source), and tsx with its cache
 * off (TSX_DISABLE_CACHE=1: a fresh clone's first start).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../bin/build-cli.js';
import { emit, timed } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const [, buildMs] = await timed(() => buildCli());

const ways: Record<string, { args: string[]; env?: Record<string, string> }> = {
  bare: { args: ['-e', "await import('apache-arrow'); await import('h3-js')", '--input-type=module'] },
  bundle: { args: ['bin/hexcast.js', '--help'] },
  tsxCached: { args: ['bin/hexcast.js', '--help'], env: { HEXCAST_CLI: 'source' } },
  tsxUncached: { args: ['bin/hexcast.js', '--help'], env: { HEXCAST_CLI: 'source', TSX_DISABLE_CACHE: '1' } },
};
const runs = 9;
const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
execFileSync(process.execPath, ways.tsxCached.args, { cwd: root, env: { ...process.env, ...ways.tsxCached.env }, stdio: 'ignore' }); // warms tsx's cache
for (let i = 0; i < runs; i++) {
  for (const [name, way] of Object.entries(ways)) {
    const [, ms] = await timed(() => execFileSync(process.execPath, way.args, { cwd: root, env: { ...process.env, ...way.env }, stdio: 'ignore' }));
    times[name].push(ms);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
emit({
  name: `cli-start: hexcast --help, median of ${runs} interleaved cold processes`,
  buildCliMs: buildMs,
  bareArrowH3Ms: m.bare,
  bundleMs: m.bundle,
  tsxCachedMs: m.tsxCached,
  tsxUncachedMs: m.tsxUncached,
  bundleVsBare: m.bundle / m.bare,
  tsxCachedVsBare: m.tsxCached / m.bare,
  tsxUncachedVsBare: m.tsxUncached / m.bare,
});
