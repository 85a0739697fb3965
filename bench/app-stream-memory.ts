/**
 * A big Arrow incident file in the app (issue 14, "Streaming and memory"): opened (fingerprint),
 * decoded as it streams again and binned with the app's defaults, in headless Chromium, while
 * test/browser/stream-memory.test.ts samples the resident memory of every Chromium process it
 * launched and records the main thread's long tasks. Default file: the 3 M-row generated file
 * the stream-open test makes (/work/tmp-data/app-stream-3m.arrow); another with
 * `HEXCAST_STREAM_MEMORY=path` (e.g. a 20 M-row file from bench/generate-incidents.ts). Budget:
 * no main-thread task over 100 ms.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emit } from './measure';

const BUDGET_MS = 100;
const root = fileURLToPath(new URL('..', import.meta.url));
const file = process.env.HEXCAST_STREAM_MEMORY ?? '/work/tmp-data/app-stream-3m.arrow';
if (!existsSync(file)) throw new Error(`no file ${file}: run test/browser/stream-open.test.ts once, or set HEXCAST_STREAM_MEMORY`);
execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'browser', 'test/browser/stream-memory.test.ts'], {
  cwd: root,
  stdio: ['ignore', 2, 'inherit'],
  env: { ...process.env, HEXCAST_STREAM_MEMORY: file },
});
const result = JSON.parse(readFileSync(`${root}test/output/stream-memory.json`, 'utf8')) as { longestTaskMs: number };
emit({ name: `app: open + streamed decode + bin of ${file}`, ...result, budgetMs: BUDGET_MS, withinBudget: result.longestTaskMs < BUDGET_MS });
