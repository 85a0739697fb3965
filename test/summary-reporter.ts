import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

/** The outcome of a run, as the closing line prints it. */
export interface RunCounts {
  readonly passed: number;
  /** Failed tests + failed files, suites and hooks + errors outside any test. */
  readonly failed: number;
  /** Of `failed`: files that did not load, suites and hooks (beforeAll, afterAll) that threw, errors outside any test. */
  readonly failedSetups: number;
  /** Tests skipped on purpose (`it.skip`, `it.todo`, `ctx.skip()`, another test's `only`). */
  readonly skipped: number;
  /** Tests that never ran because the file or a suite around them failed (e.g. a beforeAll that could not launch the browser). */
  readonly notRun: number;
}

/**
 * Counts a run from vitest's reported modules. A file, suite or hook that failed counts as one
 * failure of its own; the tests vitest then marks "skipped" under it count as "not run", never
 * as skipped, so a run that exits 1 can never print `0 failed`.
 *
 * Example: a file whose `beforeAll` throws, with 3 tests → `{ passed: 0, failed: 1,
 * failedSetups: 1, skipped: 0, notRun: 3 }`.
 */
export function countRun(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): RunCounts {
  let passed = 0;
  let failedTests = 0;
  let failedSetups = errors.length;
  let skipped = 0;
  let notRun = 0;
  const broken = (entity: TestModule | TestSuite): boolean => entity.errors().length > 0;
  const underBroken = (test: TestCase): boolean => {
    for (let parent: TestModule | TestSuite = test.parent; ; parent = parent.parent) {
      if (broken(parent)) return true;
      if (parent.type === 'module') return false;
    }
  };
  for (const module of modules) {
    if (broken(module)) failedSetups++;
    for (const suite of module.children.allSuites()) if (broken(suite)) failedSetups++;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedTests++;
      else if (state === 'skipped' && test.options.mode !== 'skip' && test.options.mode !== 'todo' && underBroken(test)) notRun++;
      else skipped++;
    }
  }
  return { passed, failed: failedTests + failedSetups, failedSetups, skipped, notRun };
}

/**
 * The closing line: `412 passed, 0 failed, 3 skipped (38.2 s)`; when a file, suite or hook
 * failed, how many of the failures they are and how many tests never ran, e.g.
 * `0 passed, 1 failed (1 file, suite or hook), 0 skipped, 14 not run (3.0 s)`.
 */
export function summaryLine(counts: RunCounts, seconds: number): string {
  const setups = counts.failedSetups > 0 ? ` (${counts.failedSetups} ${counts.failedSetups === 1 ? 'file, suite or hook' : 'files, suites or hooks'})` : '';
  const notRun = counts.notRun > 0 ? `, ${counts.notRun} not run` : '';
  return `${counts.passed} passed, ${counts.failed} failed${setups}, ${counts.skipped} skipped${notRun} (${seconds.toFixed(1)} s)`;
}

/**
 * Prints one closing line with the counts of the whole run (see `summaryLine`) after vitest's
 * own summary, so CI logs and scripts can read the outcome from the last line.
 */
export default class SummaryReporter implements Reporter {
  private started = performance.now();

  private readonly write: (text: string) => void;

  /** `write` replaces standard output (tests); vitest passes the reporter's options here, `{}` by default. */
  constructor(options: { write?: (text: string) => void } = {}) {
    this.write = options.write ?? ((text) => void process.stdout.write(text));
  }

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    this.write(`\n${summaryLine(countRun(modules, errors), (performance.now() - this.started) / 1000)}\n`);
  }
}
