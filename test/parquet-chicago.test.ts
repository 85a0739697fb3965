/**
 * The Parquet route against the Arrow route on real data: DuckDB writes the first 60,000 rows
 * of the Chicago sample as Parquet (snappy and zstd); the same rows as Arrow IPC go through
 * readArrow. Loaded counts, every drop reason and the binned panel must be equal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../src/lib/io/column-mapping';
import { emptyDropCounts } from '../src/lib/io/incidents';
import { readArrow } from '../src/lib/io/read-arrow';
import { readSource } from '../src/lib/io/read-source';
import { preparePanel } from '../src/lib/pipeline/prepare-panel';
import { duckdbParquet, duckdbTableFromArrow, openDuckDB } from './duckdb-parquet';
import { hexcast } from './fixtures/run-hexcast';

const ROWS = 60_000;
const chicago = tableFromIPC(readFileSync(new URL('../../shared/data/chicago-crimes-2014-2018.arrow', import.meta.url))).slice(0, ROWS);
const mapping: ColumnMapping = {
  time: { column: 'occurred_at', timeZone: 'America/Chicago' },
  location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
  category: 'primary_type',
};

describe('Chicago as Parquet (written by DuckDB) loads and bins as the Arrow file does', async () => {
  const duck = await openDuckDB();
  await duckdbTableFromArrow(duck, 'chicago', chicago);
  const arrow = preparePanel([readArrow(tableToIPC(chicago), 'chicago.arrow')], 'sha', { mapping, bin: { res: 8, unit: 'day' } });

  it('the Arrow route on these rows: 60,000 read, 59,609 kept, 388 without a location, 3 geocoded to the Missouri fallback point', () => {
    expect(arrow.data.rows).toEqual({ read: ROWS, kept: 59_609, dropped: { ...emptyDropCounts(), 'location-null': 388, 'location-outlier': 3 } });
  });

  it.each(['snappy', 'zstd'] as const)('%s: same counts, drops, categories, periods, cells and counts', async (compression) => {
    const bytes = await duckdbParquet(duck, 'SELECT * FROM chicago', compression);
    const source = await readSource(bytes, `chicago-${compression}.parquet`);
    expect(source.format).toBe('parquet');
    const parquet = preparePanel([source], 'sha', { mapping, bin: { res: 8, unit: 'day' } });
    expect(parquet.data.rows).toEqual(arrow.data.rows);
    expect(parquet.incidents!.categories).toEqual(arrow.incidents!.categories);
    expect(parquet.incidents!.clock).toBe('wall');
    expect(Array.from(parquet.incidents!.time)).toEqual(Array.from(arrow.incidents!.time));
    const [p, a] = [parquet.panel, arrow.panel];
    expect([p.res, p.bucket, p.cells.length, p.periods.length]).toEqual([a.res, a.bucket, a.cells.length, a.periods.length]);
    expect(p.cells).toEqual(a.cells);
    expect(Array.from(p.periods)).toEqual(Array.from(a.periods));
    expect(p.counts).toEqual(a.counts);
    expect(p.counts.reduce((s, v) => s + v, 0)).toBe(arrow.binReport!.binned);
  });

  it('hexcast inspect and bin take the .parquet file: the same accounting, and a panel of the same counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hexcast-parquet-'));
    try {
      const path = join(dir, 'chicago.parquet');
      writeFileSync(path, await duckdbParquet(duck, 'SELECT * FROM chicago', 'zstd'));
      const inspect = await hexcast('inspect', path, '--json', '--time', 'occurred_at', '--tz', 'America/Chicago');
      expect(inspect.code).toBe(0);
      const out = JSON.parse(inspect.stdout);
      expect([out.rows.read, out.rows.kept]).toEqual([ROWS, 59_609]);
      const bin = await hexcast(
        'bin',
        path,
        '--time',
        'occurred_at',
        '--tz',
        'America/Chicago',
        '--res',
        '8',
        '--bucket',
        'day',
        '--out',
        join(dir, 'panel.arrow'),
      );
      expect(bin.code).toBe(0);
      const panel = tableFromIPC(readFileSync(join(dir, 'panel.arrow')));
      expect((panel.getChild('count')!.toArray() as Float64Array).reduce((s, v) => s + Number(v), 0)).toBe(arrow.binReport!.binned);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
