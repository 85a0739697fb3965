import { readFileSync } from 'node:fs';
import { Table, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../test/fixtures/table-to-csv';
import { textLatitude } from '../../../test/fixtures/text-latitude';
import { bytesSource } from '../io/byte-source';
import { detectMapping } from '../io/detect-mapping';
import { DROP_REASONS, type LoadReport } from '../io/incidents';
import { loadIncidents } from '../io/load-incidents';
import { readArrow } from '../io/read-arrow';
import { readCsv } from '../io/read-csv';
import { loadStreams } from './load';

const NAME = 'plainfield-nj-crime-reports-2018.arrow';
const plainfield = readArrow(new Uint8Array(readFileSync(new URL(`../../../../shared/data/${NAME}`, import.meta.url))), NAME);
/** Rows 0, 1 and 2500 (in the third record batch when streamed) are kept in the file as published; their latitude becomes text that is no number. */
const JUNK = new Map([
  [0, 'N/A'],
  [1, 'NULL'],
  [2500, '-'],
]);

/** Plainfield with its latitude as text, `JUNK`'s rows replaced. */
const textLatitudes = (): Table => textLatitude(plainfield.table, JUNK);

function dropped(report: LoadReport): number {
  return DROP_REASONS.reduce((sum, reason) => sum + report.dropped[reason], 0);
}

describe('a location column of text (a CSV latitude with N/A in it)', () => {
  const published = detectMapping(plainfield).mapping!;
  const before = loadIncidents([plainfield], published).report;

  it('is detected as the latitude, read as numbers, and its three rows of other text are dropped as location-unparseable with their text', () => {
    const csv = readCsv(new TextEncoder().encode(tableToCsv(textLatitudes())), 'plainfield.csv');
    expect(String(csv.table.getChild('latitude')!.type)).toBe('Utf8');
    const mapping = detectMapping(csv).mapping!;
    expect(mapping.location).toEqual({ kind: 'latlng', lat: 'latitude', lng: 'longitude' });
    const { report } = loadIncidents([csv], mapping);
    expect(before.kept).toBe(3_155);
    expect(report.read).toBe(3_225);
    expect(report.kept).toBe(3_152);
    expect(report.dropped['location-unparseable']).toBe(3);
    expect(report.dropped['location-null']).toBe(before.dropped['location-null']);
    expect(report.read).toBe(report.kept + dropped(report));
    expect(report.examples.filter((e) => e.reason === 'location-unparseable').map((e) => [e.row, e.values.latitude])).toEqual([
      [0, 'N/A'],
      [1, 'NULL'],
      [2500, '-'],
    ]);
  });

  it('streamed record batch by record batch, the text is read alike: the same report as the whole file', async () => {
    const table = textLatitudes();
    const batches = new Table([0, 1000, 2000, 3000].map((from) => table.slice(from, from + 1000).batches).flat());
    expect(batches.batches.length).toBeGreaterThan(3);
    const bytes = tableToIPC(batches, 'stream');
    const whole = loadIncidents([readArrow(bytes, 'plainfield.arrows')], detectMapping(readArrow(bytes, 'plainfield.arrows')).mapping!).report;
    const streamed = await loadStreams([bytesSource('plainfield.arrows', bytes, 4096)], (heads) => detectMapping(heads[0]).mapping!);
    expect(streamed.loaded).toBeDefined();
    const report = streamed.loaded!.incidents.report;
    expect(report.dropped['location-unparseable']).toBe(3);
    expect(report).toEqual(whole);
  });
});
