/**
 * `hexcast backtest` and `check-claim` load their input as `hexcast bin` does (`loadAndBin`:
 * Arrow streamed record batch by record batch, binning split over a second thread for large
 * files). Each run here is compared with the same command on the path before streaming
 * (HEXCAST_STREAM=off, HEXCAST_BIN_THREAD=off: the files read whole, binned on one thread), on
 * the real Chicago and Portland files: the reports equal number for number (their clock aside)
 * and the forecasts files byte for byte.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { reportNumbers } from './thread-parity';

const run = promisify(execFile);
const CHICAGO = '../shared/data/chicago-crimes-2014-2018.arrow';
const PORTLAND = '../shared/data/portland-nij-burglary-vehicle-2012-2017.arrow';
/** Portland in its projected coordinates, weekly. */
const PORTLAND_WEEKS = [PORTLAND, '--crs', 'EPSG:2913', '--bucket', 'week'];
const WHOLE = { HEXCAST_STREAM: 'off', HEXCAST_BIN_THREAD: 'off' };
const dir = mkdtempSync(join(tmpdir(), 'hexcast-streamed-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `hexcast` with extra environment variables; throws with its stderr when it fails. */
async function hexcastEnv(env: Record<string, string>, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/hexcast.js', ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  return stdout;
}

/** The report and forecasts file of one `hexcast backtest` run. */
async function backtestFiles(env: Record<string, string>, name: string, args: string[]): Promise<{ report: string; forecasts: Buffer }> {
  const out = join(dir, `${name}.json`);
  const forecasts = join(dir, `${name}.arrow`);
  await hexcastEnv(env, ['backtest', ...args, '--quiet', '--out', out, '--forecasts', forecasts]);
  return { report: readFileSync(out, 'utf8'), forecasts: readFileSync(forecasts) };
}

describe('hexcast backtest: streamed load and threaded binning equal the whole-file path', () => {
  const cases = [
    {
      name: 'chicago',
      rows: 1_306_393,
      args: [
        CHICAGO,
        '--time',
        'occurred_at',
        '--lat',
        'latitude',
        '--lng',
        'longitude',
        '--category-column',
        'primary_type',
        '--res',
        '9',
        '--bucket',
        'week',
      ],
      extra: ['--folds', '12', '--horizon', '1', '--models', 'naive,historic-average,kde'],
    },
    { name: 'portland', rows: 15_206, args: [...PORTLAND_WEEKS, '--res', '8'], extra: ['--folds', '8'] },
  ];
  it.each(cases)(
    '$name: the reports equal number for number and the forecasts files byte for byte',
    async ({ name, rows, args, extra }) => {
      const streamed = await backtestFiles({}, `${name}-streamed`, [...args, ...extra]);
      const whole = await backtestFiles(WHOLE, `${name}-whole`, [...args, ...extra]);
      const report = JSON.parse(streamed.report);
      expect(report.data.rows.read).toBe(rows);
      expect(report.data.files).toEqual([{ name: args[0].split('/').pop(), bytes: readFileSync(args[0]).length, rows }]);
      expect(reportNumbers(streamed.report)).toEqual(reportNumbers(whole.report));
      expect(streamed.forecasts.length).toBeGreaterThan(1000);
      expect(Buffer.compare(streamed.forecasts, whole.forecasts)).toBe(0);
    },
    180_000,
  );
});

describe('hexcast check-claim: the streamed load gives the same answer as the whole-file path', () => {
  it('Portland, a precision claim with its period and cell variants: the same JSON answer', async () => {
    const args = ['check-claim', ...PORTLAND_WEEKS, '--res', '7', '--claim', 'under 0.5 % of predictions were followed by a crime', '--json', '--quiet'];
    const streamed = await hexcastEnv({}, args);
    const whole = await hexcastEnv(WHOLE, args);
    expect(JSON.parse(streamed)).toEqual(JSON.parse(whole));
    expect(JSON.parse(streamed).claim.metric).toBe('precision');
  }, 180_000);
});
