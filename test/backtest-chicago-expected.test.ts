/**
 * `hexcast backtest` of every baseline on the real Chicago file at res 9, weekly, 8 folds, gives
 * the report numbers and the forecasts file that the code before the backtest's speed work
 * (commit e326e12: each baseline restricting the panel on its own, intervals from a full sort of
 * the resamples, the tie order sorted afresh every fold) gave — on one thread and with
 * `--threads 2`. The expectations are SHA-256 digests of what e326e12's CLI wrote for these
 * commands (the report as `reportNumbers` leaves it, without clock readings or the environment's versions), so any changed number
 * fails. To re-derive them, run this file's commands with a build of e326e12.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { reportNumbers } from './thread-parity';

const run = promisify(execFile);
const CHICAGO = '../shared/data/chicago-crimes-2014-2018.arrow';
const ARGS = [
  ...['backtest', CHICAGO, '--time', 'occurred_at', '--lat', 'latitude', '--lng', 'longitude', '--category-column', 'primary_type'],
  ...['--res', '9', '--bucket', 'week', '--folds', '8', '--horizon', '1', '--step', '1', '--quiet'],
];
/** What e326e12 wrote for ARGS (report numbers and forecasts file: SHA-256, bytes). */
const EXPECTED = {
  report: '66d35a82f1e277e8479dd7b330461515d8d870c4f81d69c8e1a97eb4673eb922',
  forecasts: 'd44d854f80c282569227373ed33cb12172ac35268def4d5911f5ce411e604f78',
  forecastsBytes: 3_450_594,
};
const dir = mkdtempSync(join(tmpdir(), 'hexcast-chicago-expected-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

describe('hexcast backtest, every baseline, Chicago res 9: the numbers of the code before the speed work', () => {
  it.each([{ threads: [] }, { threads: ['--threads', '2'] }])(
    'threads $threads: the same report numbers and forecasts file, byte for byte',
    async ({ threads }) => {
      const name = threads.length ? 'two' : 'one';
      const out = join(dir, `${name}.json`);
      const forecasts = join(dir, `${name}.arrow`);
      await run(process.execPath, ['bin/hexcast.js', ...ARGS, ...threads, '--out', out, '--forecasts', forecasts], { maxBuffer: 1 << 26 });
      const report = readFileSync(out, 'utf8');
      expect(JSON.parse(report).models).toHaveLength(8);
      const file = readFileSync(forecasts);
      // The environment (versions of Hexcast, Node and the libraries) is not a result of the run.
      const { environment, ...numbers } = reportNumbers(report) as Record<string, unknown>;
      expect(environment).toBeDefined();
      expect({ report: sha256(JSON.stringify(numbers)), forecasts: sha256(file), forecastsBytes: file.length }).toEqual(EXPECTED);
    },
    180_000,
  );
});
