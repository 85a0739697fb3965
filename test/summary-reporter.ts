import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line with the counts of the whole run, e.g.
 * `412 passed, 0 failed, 3 skipped (38.2 s)`, after vitest's own summary, so CI logs and
 * scripts can read the outcome from the last line.
 */
export default class SummaryReporter implements Reporter {
  private started = performance.now();

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let brokenFiles = 0;
    for (const module of modules) {
      if (module.state() === 'failed' && !module.ok()) {
        // A file that failed to load has no tests of its own: count it as one failure.
        const hasTests = [...module.children.allTests()].length > 0;
        if (!hasTests) brokenFiles++;
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    failed += brokenFiles + errors.length;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped (${seconds} s)\n`);
  }
}
