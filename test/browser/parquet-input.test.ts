import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/lib/io/read-source';
import { detectMapping } from '../../src/lib/io/detect-mapping';
import { loadIncidents } from '../../src/lib/io/load-incidents';
import { duckdbParquet, duckdbTableFromArrow, openDuckDB } from '../duckdb-parquet';
import { openFileOverSample, useApp } from './harness';

const SAMPLES = new URL('../../public/samples/', import.meta.url).pathname;
const { open } = useApp();

describe('a Parquet file in the app', () => {
  it('opens 20,000 rows of the Chicago sample written by DuckDB (zstd) with the same accounting as the core in Node', async () => {
    const sample = tableFromIPC(readFileSync(`${SAMPLES}chicago-3-types-2014-2018.arrow`)).slice(0, 20_000);
    const duck = await openDuckDB();
    await duckdbTableFromArrow(duck, 'sample', sample);
    const bytes = await duckdbParquet(duck, 'SELECT * FROM sample', 'zstd');
    const source = await readSource(bytes, 'chicago-20k.parquet');
    const kept = loadIncidents([source], detectMapping([source]).mapping!).report.kept;

    const app = await open();
    const { page } = app;
    await openFileOverSample(page, { name: 'chicago-20k.parquet', mimeType: 'application/vnd.apache.parquet', bytes }, kept, 60_000);
    expect(kept).toBeGreaterThan(19_000);
    await page.getByRole('region', { name: 'Open files' }).getByRole('cell', { name: 'Parquet', exact: true }).waitFor();
    await app.screenshot('parquet-opened');
  });
});
