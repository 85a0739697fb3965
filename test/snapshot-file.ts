/**
 * File snapshots that are reviewed, not rubber-stamped: `expectSnapshotFile('capture-plot.svg',
 * text)` compares `text` with the committed test/snapshots/plots/capture-plot.svg. When they
 * differ (or the file is missing) the test fails, writes what it got to
 * test/output/snapshots/ (git-ignored) and says how to look at both and how to accept the new
 * one: `UPDATE_SNAPSHOTS=1` rewrites the committed file instead of failing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const COMMITTED = fileURLToPath(new URL('./snapshots/plots/', import.meta.url));
const ACTUAL = fileURLToPath(new URL('./output/snapshots/', import.meta.url));

/** Compares `text` with the committed snapshot `name` (see the file comment). */
export function expectSnapshotFile(name: string, text: string): void {
  const committed = `${COMMITTED}${name}`;
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(COMMITTED, { recursive: true });
    writeFileSync(committed, text);
    return;
  }
  const expected = existsSync(committed) ? readFileSync(committed, 'utf8') : null;
  if (expected === text) return;
  mkdirSync(ACTUAL, { recursive: true });
  writeFileSync(`${ACTUAL}${name}`, text);
  const what = expected === null ? `has no committed snapshot test/snapshots/plots/${name}` : `differs from test/snapshots/plots/${name}`;
  const message =
    `${name} ${what}. What this run drew is in test/output/snapshots/${name}: open both in a browser ` +
    `(or diff them). If the change is intended, accept it with ` +
    `UPDATE_SNAPSHOTS=1 TZ=Australia/Adelaide npx vitest run test/plot-snapshots.test.ts and commit the snapshot.`;
  expect(text, message).toBe(expected);
}

/**
 * Rounds every decimal number with more than `digits` decimals in `text` to `digits` places,
 * so that last-bit differences between machines do not change a snapshot ('1.0' stays).
 * @example roundNumbers('M60.123456,12.5L-0.0001,3') // → 'M60.12,12.5L0,3'
 */
export function roundNumbers(text: string, digits = 2): string {
  return text.replace(new RegExp(`-?\\d+\\.\\d{${digits + 1},}(?:e-?\\d+)?`, 'g'), (m) => String(+Number(m).toFixed(digits)));
}
