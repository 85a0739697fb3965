/**
 * The closing line must tell the truth when setup fails: vitest is run on the fixture files
 * of test/fixtures/failing-setup/ (a file whose beforeAll throws, as the browser tests' does
 * when Chromium cannot launch; a file that throws while loading; a suite whose beforeAll throws
 * beside a healthy suite) and the reporter's counts are read back.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import SummaryReporter, { summaryLine } from './summary-reporter';

const FIXTURES = fileURLToPath(new URL('./fixtures/failing-setup/', import.meta.url));

/** Runs vitest on the named fixture files and returns what the summary reporter printed. */
async function closingLine(files: string[]): Promise<string> {
  let printed = '';
  const vitest = await startVitest(
    'test',
    [],
    { root: FIXTURES, config: false, include: files, reporters: [new SummaryReporter({ write: (text) => void (printed += text) })], watch: false },
    {},
  );
  await vitest?.close();
  process.exitCode = 0; // the fixtures fail on purpose; startVitest sets the exit code of the outer run
  return printed.trim().replace(/ \([\d.]+ s\)$/, '');
}

describe('SummaryReporter', () => {
  it('counts a file whose beforeAll threw as 1 failure and its 3 tests as not run, never as skipped', async () => {
    expect(await closingLine(['broken-before-all.fixture.ts'])).toBe('0 passed, 1 failed (1 file, suite or hook), 0 skipped, 3 not run');
  });

  it('counts a file that failed to load (no tests collected) as 1 failure', async () => {
    expect(await closingLine(['broken-import.fixture.ts'])).toBe('0 passed, 1 failed (1 file, suite or hook), 0 skipped');
  });

  it('counts a suite whose beforeAll threw as 1 failure beside a failed test; a test skipped on purpose stays skipped', async () => {
    expect(await closingLine(['broken-suite-hook.fixture.ts'])).toBe('1 passed, 2 failed (1 file, suite or hook), 1 skipped, 2 not run');
  });

  it('prints the plain line when nothing failed', () => {
    expect(summaryLine({ passed: 412, failed: 0, failedSetups: 0, skipped: 3, notRun: 0 }, 38.21)).toBe('412 passed, 0 failed, 3 skipped (38.2 s)');
  });
});
