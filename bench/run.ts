/**
 * `npm run bench`: runs each benchmark in its own Node process (so peak memory is its own)
 * and prints a table. Record results in BENCHMARKS.md with the machine and the date.
 * Pass names to run a subset: `npm run bench -- load-bin baselines`.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

const ALL = [
  'load-bin',
  'compressed-read',
  'read-csv',
  'baselines',
  'backtest-res9',
  'learned',
  'glm-fit',
  'fold-interval',
  'browser-long-tasks',
  'hostile-data',
  'builder-glm',
  'map-frames',
  'apportion-areas',
  'lesson-feedback',
  'lesson-paint',
  'lesson-leakage',
  'lesson-regression',
  'lesson-ceiling',
  'lesson-accuracy',
  'big-panel',
  'stream-load',
  'cli-start',
  'pool',
  'app-pool',
  'read-parquet',
  'app-stream-hash',
  'load-bin-cli',
  'backtest-cli',
  'learned-threads',
  'app-stream-memory',
  'app-bin',
];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const results: Record<string, unknown>[] = [];
console.log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString().slice(0, 10)}`,
);
for (const name of chosen) {
  const output = execFileSync(process.execPath, ['bin/run-ts.js', `bench/${name}.ts`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  for (const line of output.split('\n')) {
    if (!line.startsWith('BENCH ')) continue;
    const result = JSON.parse(line.slice(6));
    results.push(result);
    console.log(`\n${result.name}`);
    for (const [key, value] of Object.entries(result)) {
      if (key === 'name') continue;
      const shown = typeof value === 'number' ? (Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1)) : JSON.stringify(value);
      console.log(`  ${key.padEnd(16)} ${shown}`);
    }
  }
}
