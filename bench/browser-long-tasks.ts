/**
 * Responsiveness in the browser: the longest main-thread task (Long Tasks API) while the app
 * opens the bundled sample and runs the default models, opens and runs the full Chicago file,
 * draws ~25,000 cells at H3 res 10, and shows and filters a list of 100,000 categories. Budget: no task over 200 ms.
 *
 * The browser tests that walk those scenarios record their long tasks (test/output/long-tasks/);
 * this benchmark runs them in headless Chromium and reports the records against the budget. The
 * tests themselves assert no duration: a duration check fails on a busy machine.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emit } from './measure';

const BUDGET_MS = 200;
const SCENARIOS = {
  'sample-run': 'test/browser/workbench.test.ts',
  'chicago-full': 'test/browser/large-file.test.ts',
  'res10-map': 'test/browser/fine-resolution.test.ts',
  'categories-100k': 'test/browser/many-categories.test.ts',
  'stream-3m': 'test/browser/stream-open.test.ts',
} as const;

const root = fileURLToPath(new URL('..', import.meta.url));
const records = `${root}test/output/long-tasks/`;
rmSync(records, { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'browser', ...Object.values(SCENARIOS)], {
  cwd: root,
  stdio: ['ignore', 2, 'inherit'],
});
for (const scenario of Object.keys(SCENARIOS)) {
  const { durations } = JSON.parse(readFileSync(`${records}${scenario}.json`, 'utf8')) as { durations: number[] };
  const longestMs = Math.max(0, ...durations);
  emit({ name: `longest main-thread task: ${scenario}`, longTasks: durations.length, longestMs, budgetMs: BUDGET_MS, withinBudget: longestMs < BUDGET_MS });
}
