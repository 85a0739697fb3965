/**
 * `hexcast check-claim`, `leakage` and `fit` print the load's warnings on stderr as `backtest`
 * and `bin` do (`noteLoadWarnings`, through `loadFromFlags`), worded as `inspect` words them, on
 * the real Portland file: no time zone declared for its dates, and 66 rows repeated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hexcast } from './fixtures/run-hexcast';

const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
const BINNING = ['--crs', 'EPSG:2913', '--res', '7', '--bucket', 'month'];
const dir = mkdtempSync(join(tmpdir(), 'hexcast-run-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The load's warnings as `hexcast inspect` prints them. */
let warnings: string[] = [];
beforeAll(async () => {
  const { code, stdout } = await hexcast('inspect', PORTLAND, '--crs', 'EPSG:2913');
  expect(code).toBe(0);
  warnings = stdout
    .split('\n')
    .filter((line) => line.startsWith('Warning: '))
    .map((line) => line.slice('Warning: '.length));
}, 60_000);

describe("the load's warnings on stderr, on Portland (--crs EPSG:2913)", () => {
  it("inspect's two: the zone first, then the 66 repeated rows, each naming its flag", () => {
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^no time zone declared for 'occ_date' \(local wall-clock readings\): .+; declare it with --tz ZONE \(an IANA name such as America\/New_York\)$/,
    );
    expect(warnings[1]).toMatch(
      /^66 rows repeat an earlier row in every column \(in portland-nij-burglary-vehicle-2012-2017\.arrow: row 545 repeats row 544; .+\): kept; drop them with --duplicates drop$/,
    );
  });

  it.each([
    ['check-claim', ['--models', 'naive', '--vary', 'none', '--claim', 'captures 40 % of incidents in 3 % of the area']],
    ['leakage', ['--models', 'naive']],
    ['fit', ['--model', 'poisson-glm', '--out', join(dir, 'glm.json')]],
  ])(
    'hexcast %s prints them after the load, before its own work',
    async (command, flags) => {
      const { code, stderr } = await hexcast(command, PORTLAND, ...BINNING, ...flags);
      expect(code).toBe(0);
      const lines = stderr.split('\n');
      const at = lines.indexOf('loading and binning…');
      expect(at).toBeGreaterThan(0);
      expect(lines.slice(at + 1, at + 3)).toEqual(warnings.map((warning) => `warning: ${warning}`));
      expect(stderr.match(/^warning: /gm)).toHaveLength(2);
    },
    120_000,
  );

  it('--tz declares the zone: only the repeated rows are left to warn of', async () => {
    const { code, stderr } = await hexcast('fit', PORTLAND, ...BINNING, '--tz', 'America/Los_Angeles', '--model', 'poisson-glm', '--out', join(dir, 'tz.json'));
    expect(code).toBe(0);
    expect(stderr.match(/^warning: .*$/gm)).toEqual([`warning: ${warnings[1]}`]);
  }, 120_000);
});
