import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../src/lib/io/detect-mapping';
import { loadIncidents } from '../../src/lib/io/load-incidents';
import { readArrow } from '../../src/lib/io/read-arrow';
import { tableToCsv } from '../fixtures/table-to-csv';
import { openFileOverSample, useApp } from './harness';

const SAMPLE = new URL('../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url).pathname;
const { open } = useApp();

describe('opening a CSV file in the app', () => {
  it("reads the Chicago sample's first 5,000 rows written as the portal's CSV (01/31/2018 11:59:00 PM) through the file input, with the Arrow route's kept count", async () => {
    const arrow = readArrow(readFileSync(SAMPLE), 'sample.arrow');
    const head = { ...arrow, table: arrow.table.slice(0, 5000) };
    const kept = loadIncidents([head], detectMapping([head]).mapping!).report.kept;
    const csv = tableToCsv(head.table, { times: 'chicago', newline: '\r\n' });
    expect(csv.split('\r\n')[1]).toMatch(/^\d\d\/\d\d\/2014 \d\d:\d\d:\d\d [AP]M,/);

    const app = await open();
    await openFileOverSample(app.page, { name: 'chicago-portal.csv', mimeType: 'text/csv', bytes: new TextEncoder().encode(csv) }, kept);
    expect(kept).toBeGreaterThan(4900);
    await app.screenshot('csv-upload-chicago-portal');
  });
});
