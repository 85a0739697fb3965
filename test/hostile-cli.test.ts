/**
 * Hostile data through the `hexcast` command, as test/cli.test.ts runs it (a real process): the
 * CLI prints the core's message as one line ending with the code, no stack trace, exit 1
 * (docs/robustness.md, "Hostile data").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableToIPC, type Table } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { binIncidents } from '../src/lib/grid/bin-incidents';
import { loadIncidents } from '../src/lib/io/load-incidents';
import { plainfield, PLAINFIELD_MAPPING, plainfieldTimes, source, timestamps, withColumns } from './fixtures/hostile-tables';
import { hexcast } from './fixtures/run-hexcast';
import { tableToCsv } from './fixtures/table-to-csv';
import { textLatitude } from './fixtures/text-latitude';

const dir = mkdtempSync(join(tmpdir(), 'hexcast-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, table: Table): string {
  const path = join(dir, name);
  writeFileSync(path, tableToIPC(table, 'file'));
  return path;
}

function withTime(row: number, ms: number): Table {
  const times = plainfieldTimes();
  times[row] = BigInt(ms);
  return withColumns({ occurred_at: timestamps(times) });
}

/** The message the core throws for `run`. */
function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

const MAPPING = ['--time', 'occurred_at', '--lat', 'latitude', '--lng', 'longitude', '--category-column', 'description'];

describe('hostile data through hexcast', () => {
  it("a CSV whose latitude has 'N/A' in one row: detected, that row counted as location-unparseable with its text, the rest kept", async () => {
    const path = join(dir, 'lat-na.csv');
    writeFileSync(path, tableToCsv(textLatitude(plainfield, new Map([[0, 'N/A']]))));
    const { code, stdout } = await hexcast('inspect', path);
    expect(code).toBe(0);
    expect(stdout).toContain('location  latitude / longitude (WGS84 degrees)');
    expect(stdout).toContain('3,225 read = 3,154 kept + 71 dropped');
    expect(stdout).toMatch(
      /location-unparseable +1 +a location column holds text that is no number in the column's format \(such as 'N\/A', 'NULL' or '-'\)\n +e\.g\. lat-na\.csv row 0: latitude=N\/A, longitude=-74\.\d+/,
    );
  });

  it('one row dated in the year 100,000, binned by hour (Node died with "invalid size"): 1 row dropped, the panel written', async () => {
    const path = write('year-100000.arrow', withTime(100, Date.UTC(100000, 5, 1)));
    const { code, stderr } = await hexcast('bin', path, ...MAPPING, '--res', '8', '--bucket', 'hour', '--out', join(dir, 'p.arrow'));
    expect(code).toBe(0);
    expect(stderr).toContain(`3,225 rows read, 3,154 kept; 3,154 incidents in 36 cells × 7,480 hour periods → ${join(dir, 'p.arrow')}`);
  });

  it('epoch seconds in a Timestamp[ms]: exit 1 and the core message on one line, ending (time-unit-implausible)', async () => {
    const table = withColumns({ occurred_at: timestamps(plainfieldTimes().map((ms) => ms / 1000n)) });
    const path = write('seconds-as-ms.arrow', table);
    const expected = messageOf(() => loadIncidents([source(table, 'seconds-as-ms.arrow')], PLAINFIELD_MAPPING));
    const { code, stderr } = await hexcast('inspect', path, ...MAPPING);
    expect(code).toBe(1);
    // The core names the unit's setting in neutral words; the CLI prints its flag.
    const worded = expected.replace('declare the unit s with the time unit setting', 'declare the unit s with --time-unit');
    expect(worded).not.toBe(expected);
    expect(stderr).toBe(`hexcast inspect: ${worded} (time-unit-implausible)\n`);
  });

  it('a row in 2099 kept with --keep-outliers, binned by hour at res 11: refused before allocating, one line naming its time (time-range-implausible)', async () => {
    const table = withTime(100, Date.UTC(2099, 5, 1));
    const path = write('year-2099.arrow', table);
    const incidents = loadIncidents([source(table, 'year-2099.arrow')], { ...PLAINFIELD_MAPPING, keepOutliers: true });
    const expected = messageOf(() => binIncidents(incidents, { res: 11, unit: 'hour' }));
    expect(expected).toMatch(/^the time range 2018-02-24T08:39:00\.000 … 2099-06-01T00:00:00\.000 is stretched by 1 incident far outside the bulk/);
    const { code, stderr } = await hexcast('bin', path, ...MAPPING, '--keep-outliers', '--res', '11', '--bucket', 'hour', '--out', join(dir, 'q.arrow'));
    expect(code).toBe(1);
    // The core's neutral remedy, worded as the CLI's flag.
    const worded = expected.replace('unless the keep-outliers setting is on)', 'unless --keep-outliers is given)');
    expect(worded).not.toBe(expected);
    expect(stderr).toBe(`reading…\nloading and binning…\nhexcast bin: ${worded} (time-range-implausible)\n`);
  });

  it('--max-panel-mb 4: an hourly res-12 panel of 46 MB is refused before allocating, with the numbers and coarser grids (panel-too-large)', async () => {
    const path = write('plainfield.arrow', plainfield);
    const expected = messageOf(() => binIncidents(loadIncidents([source(plainfield)], PLAINFIELD_MAPPING), { res: 12, unit: 'hour', maxValues: 1_000_000 }));
    expect(expected).toMatch(/^a panel of 7,480 hour periods × 1,545 cells = 11,556,600 values \(46 MB\) is too large: the limit is 1,000,000 values \(4 MB\)/);
    const { code, stderr } = await hexcast('bin', path, ...MAPPING, '--res', '12', '--bucket', 'hour', '--max-panel-mb', '4', '--out', join(dir, 'big.arrow'));
    expect(code).toBe(1);
    // The core names the grids that fit and the limit's setting in neutral words; the CLI prints its flags.
    const worded = expected
      .replace('coarser that fits: the time bucket setting at day (', 'coarser that fits: --bucket day (')
      .replace(' or the resolution setting at 8 (≈ ', ' or --res 8 (≈ ')
      .replace('raise the limit with the panel size limit setting', 'raise the limit with --max-panel-mb');
    expect(worded).toMatch(
      /coarser that fits: --bucket day \(312 day periods × 1,545 cells = [^;]+\) or --res 8 \(≈ 7,480 hour periods × 40 cells = [^;]+\); .+ with --max-panel-mb /,
    );
    expect(stderr).toBe(`reading…\nloading and binning…\nhexcast bin: ${worded} (panel-too-large)\n`);
  });

  it('a file cut short in its record batches: exit 1 naming the file and the batch (file-truncated)', async () => {
    const bytes = tableToIPC(plainfield, 'stream');
    const path = join(dir, 'cut.arrows');
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const { code, stderr } = await hexcast('bin', path, ...MAPPING, '--res', '8', '--bucket', 'day', '--out', join(dir, 'cut-panel.arrow'));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^reading…\nhexcast bin: file 'cut\.arrows' is truncated \(\d+ bytes\): the bytes run out in record batch 1 \(after 0 rows, at byte [\d,]+ of [\d,]+\)/,
    );
    expect(stderr).toMatch(/\(file-truncated\)\n$/);
  });

  it('duplicate rows: --duplicates drop counts them as duplicate; any other choice is a usage error', async () => {
    const path = write('doubled.arrow', plainfield.concat(plainfield.slice(0, 5)));
    const { code, stdout } = await hexcast('inspect', path, ...MAPPING, '--duplicates', 'drop', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.rows).toMatchObject({ read: 3_230, kept: 3_155 });
    expect(out.rows.dropped).toMatchObject({ 'location-null': 70, 'location-outlier': 1, duplicate: 4 });
    // Kept, --json warns as the text does: the zone first, each remedy worded as a flag.
    const kept = JSON.parse((await hexcast('inspect', path, ...MAPPING, '--json')).stdout);
    expect(kept.warnings.map((w: string) => w.slice(0, 31) + ' … ' + w.slice(w.lastIndexOf(';') + 2))).toEqual([
      "no time zone declared for 'occu … declare it with --tz ZONE (an IANA name such as America/New_York)",
      '4 rows repeat an earlier row in … drop them with --duplicates drop',
    ]);
    const wrong = await hexcast('inspect', path, '--duplicates', 'maybe');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe("hexcast inspect: --duplicates must be keep or drop, got 'maybe' (usage)\nsee 'hexcast inspect --help'\n");
  });
});
