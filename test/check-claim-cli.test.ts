/**
 * `hexcast check-claim` as a user runs it, on real files: Plainfield (where The Markup measured
 * Geolitica's success rate), the whole Chicago file and the bundled Chicago sample.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const PLAINFIELD = '../shared/data/plainfield-nj-crime-reports-2018.arrow';
const CHICAGO = '../shared/data/chicago-crimes-2014-2018.arrow';
const SAMPLE = 'public/samples/chicago-3-types-2014-2018.arrow';
const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';

async function hexcast(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/hexcast.js', 'check-claim', ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hexcast check-claim', () => {
  it("checks The Markup's Plainfield success rate (under 0.5 %) as precision of flagged cell-periods: every baseline does far better", async () => {
    const { code, stdout } = await hexcast(
      PLAINFIELD,
      '--res',
      '9',
      '--bucket',
      'week',
      '--claim',
      'under 0.5 % of predictions were followed by a crime',
      '--vary',
      'period',
      '--json',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.claim).toEqual({
      text: 'under 0.5 % of predictions were followed by a crime',
      kind: 'success-rate',
      metric: 'precision',
      coverage: null,
      value: 0.005,
      bound: 'under',
    });
    expect(out.measured).toMatchObject({
      metric: 'precision',
      coverage: 0.05,
      coverageStated: false,
      res: 9,
      bucket: 'week',
      folds: 26,
      regionCells: 148,
      incidents: 1812,
    });
    expect(out.best).toBe('historic-average');
    const best = out.baselines.find((b: { name: string }) => b.name === 'historic-average').value;
    expect(best.mean).toBeCloseTo(0.882, 3);
    expect(best.lo).toBeGreaterThan(0.7);
    expect(out.random.mean).toBeCloseTo(0.279, 3); // a constant forecast: the share of region cells with an incident
    expect(out.ceiling.mean).toBeCloseTo(0.962, 3);
    expect(out.verdict.kind).toBe('below-baselines');
    expect(out.undefined.map((t: { term: string }) => t.term)).toEqual(['area', 'period', 'incidents']);
    const period = out.undefined.find((t: { term: string }) => t.term === 'period');
    expect(period.choices.map((c: { label: string }) => c.label)).toEqual(['week', 'day', 'month']);
    // a day is a shorter window: the best baseline's precision drops to 15.7 %, still 31 times the claim
    expect(period.choices[1].best.value.mean).toBeCloseTo(0.157, 3);
    expect(period.range.lo).toBeCloseTo(0.157, 3);
    expect(period.changesVerdict).toBe(false);
  });

  it('finds "10 times better than random" undefined on Chicago burglaries: possible at 1 % of the area, impossible at 5 % and 10 %', async () => {
    const { code, stdout } = await hexcast(
      CHICAGO,
      '--category',
      'BURGLARY',
      '--res',
      '8',
      '--bucket',
      'week',
      '--claim',
      '10 times better than random',
      '--vary',
      'none',
      '--json',
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.claim).toMatchObject({ kind: 'random-multiple', metric: 'pai', value: 10, coverage: null });
    expect(out.measured).toMatchObject({ regionCells: 789, incidents: 6342 });
    expect(out.ceiling.mean).toBeCloseTo(7.62, 2); // at the assumed 5 %: hindsight's PAI
    expect(out.verdict).toMatchObject({ kind: 'undefined', needs: ['the share of the area flagged'] });
    const area = out.undefined.find((t: { term: string }) => t.term === 'area');
    expect(area.choices.map((c: { label: string; verdict: string }) => [c.label, c.verdict])).toEqual([
      ['1 %', 'beats-baselines'],
      ['5 %', 'impossible'],
      ['10 %', 'impossible'],
    ]);
    expect(area.range.lo).toBeCloseTo(2.57, 2);
    expect(area.range.hi).toBeCloseTo(3.78, 2);
  });

  it('prints the worked example of the README on the bundled sample: 40 % in 3 % of the area is above the hindsight ceiling', async () => {
    const { code, stdout } = await hexcast(
      SAMPLE,
      '--res',
      '8',
      '--bucket',
      'week',
      '--claim',
      'captures 40 % of incidents in 3 % of the area',
      '--vary',
      'none',
      '--quiet',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('Checked on: 16,517 incidents in the test periods, 826 region cells (H3 res 8), week periods, 26 folds');
    expect(stdout).toMatch(/ {2}historic-average {2}\(best\) +11\.8 % {2}11\.3 %–12\.2 %/);
    expect(stdout).toMatch(/ {2}hindsight ceiling +18\.7 % {2}18\.4 %–19 %/);
    expect(stdout).toContain('Verdict: above the hindsight ceiling: impossible on this data');
  });

  it('says what an unquantified claim would need (Argentina, Resolución 710/2024)', async () => {
    const { code, stdout } = await hexcast(PLAINFIELD, '--res', '9', '--bucket', 'week', '--example', 'argentina-710-2024', '--vary', 'none', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.claim).toMatchObject({ kind: 'unquantified', metric: null, value: null });
    expect(out.example).toMatchObject({ id: 'argentina-710-2024', status: 'confirmed' });
    expect(out.example.source.title).toMatch(/^Ministerio de Seguridad, Resolución 710\/2024/);
    expect(out.verdict.kind).toBe('undefined');
    expect(out.verdict.needs).toEqual([
      'a figure',
      'the metric it is on',
      'the share of the area flagged',
      'the period length',
      'the cell size',
      'the incidents counted',
    ]);
    expect(out.undefined.find((t: { term: string }) => t.term === 'metric').choices.map((c: { label: string }) => c.label)).toEqual([
      'hitRate',
      'precision',
      'accuracy',
      'auc',
    ]);
  });

  it('bins its variants under --max-panel-mb as the run, and words a left-out variant without a grid the user cannot change it to', async () => {
    // Portland at res 7 weekly: 273 × 94 = 25,662 values fit a 125,000-value limit (0.5 MB); daily (1,918 × 94) and res 8 (273 × 481) do not.
    const flags = '--crs EPSG:2913 --res 7 --bucket week --max-panel-mb 0.5 --models naive'.split(' ');
    const { code, stdout, stderr } = await hexcast(PORTLAND, ...flags, '--claim', 'captures 40 % of incidents in 3 % of the area');
    expect(code).toBe(0);
    const tail = 'keep fewer incidents (a category filter, a shorter date range), or raise the limit with --max-panel-mb where the memory is there';
    const indexes = 'the limit is 125,000 values (500 kB), and binning also holds 8 bytes per incident, 120 kB for these 15,206';
    const leftOut = stderr.split('\n').filter((line) => line.startsWith('left out '));
    expect(leftOut).toEqual([
      `left out day: a panel of 1,918 day periods × 94 cells = 180,292 values (740 kB) is too large: ${indexes}; ${tail}`,
      `left out H3 res 8: a panel of 273 week periods × 481 cells = 131,313 values (530 kB) is too large: ${indexes}; ${tail}`,
    ]);
    expect(stdout).toMatch(/^ {4}month +naive/m);
    expect(stdout).toMatch(/^ {4}H3 res 6 +naive/m);
    expect(stdout).not.toMatch(/^ {4}day +naive/m);
  });

  it('answers a claim it cannot read with the forms, before reading any file (exit 1), and a missing --claim with usage (exit 2)', async () => {
    const unread = await hexcast('no-such-file.arrow', '--res', '9', '--bucket', 'week', '--claim', 'our software is great');
    expect(unread.code).toBe(1);
    expect(unread.stderr).toMatch(
      /^hexcast check-claim: cannot read the claim "our software is great": it matches none of the forms the checker reads: \(claim-unrecognised\)/,
    );
    const missing = await hexcast(PLAINFIELD, '--res', '9', '--bucket', 'week');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--claim "TEXT" (or --example ID) is required');
  });
});
