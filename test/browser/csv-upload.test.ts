import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../src/lib/io/detect-mapping';
import { loadIncidents } from '../../src/lib/io/load-incidents';
import { readArrow } from '../../src/lib/io/read-arrow';
import { tableToCsv } from '../fixtures/table-to-csv';
import { textLatitude } from '../fixtures/text-latitude';
import { openFileOverSample, SHARED_DATA, useApp } from './harness';

const PLAINFIELD = `${SHARED_DATA}plainfield-nj-crime-reports-2018.arrow`;
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

  it("reads Plainfield as CSV with 'N/A', 'NULL' and '-' among its latitudes: the column is detected, three rows are counted as location-unparseable with their text", async () => {
    const plainfield = readArrow(readFileSync(PLAINFIELD), 'plainfield.arrow');
    const csv = tableToCsv(
      textLatitude(
        plainfield.table,
        new Map([
          [0, 'N/A'],
          [1, 'NULL'],
          [2500, '-'],
        ]),
      ),
    );
    const app = await open();
    await openFileOverSample(app.page, { name: 'plainfield-na.csv', mimeType: 'text/csv', bytes: new TextEncoder().encode(csv) }, 3_152);
    const report = app.page.getByText("a location column holds text that is no number in the column's format (such as 'N/A', 'NULL' or '-')");
    await report.first().waitFor();
    await app.screenshot('csv-upload-latitude-na');
  });
});
