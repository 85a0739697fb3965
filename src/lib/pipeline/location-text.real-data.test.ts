import { readFileSync } from 'node:fs';
import { Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../test/fixtures/table-to-csv';
import { textLatitude } from '../../../test/fixtures/text-latitude';
import { bytesSource } from '../io/byte-source';
import type { ColumnMapping } from '../io/column-mapping';
import { detectMapping } from '../io/detect-mapping';
import { DROP_REASONS, type LoadReport } from '../io/incidents';
import { loadMappingCrs } from '../io/load-crs';
import { loadIncidents } from '../io/load-incidents';
import { readArrow } from '../io/read-arrow';
import { readCsv } from '../io/read-csv';
import { loadStreams } from './load';

const NAME = 'plainfield-nj-crime-reports-2018.arrow';
const PORTLAND = 'portland-nij-burglary-vehicle-2012-2017.arrow';
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

  it('an IPC stream with its latitude as text is read whole (its number format is decided over the whole column), with the same report as the CSV', async () => {
    const table = textLatitudes();
    const batches = new Table([0, 1000, 2000, 3000].map((from) => table.slice(from, from + 1000).batches).flat());
    expect(batches.batches.length).toBeGreaterThan(3);
    const bytes = tableToIPC(batches, 'stream');
    const streamed = await loadStreams([bytesSource('plainfield.arrows', bytes, 4096)], (heads) => detectMapping(heads[0]).mapping!);
    expect(streamed.loaded).toBeUndefined();
    const source = streamed.opened.sources[0];
    const { report } = loadIncidents([source], detectMapping(source).mapping!);
    expect([report.kept, report.dropped['location-unparseable'], report.dropped['location-null']]).toEqual([3_152, 3, 69]);
  });

  it("projected x/y written with ',' thousands: one 'N/A' among them does not change how the others read", async () => {
    const portland = readArrow(new Uint8Array(readFileSync(new URL(`../../../../shared/data/${PORTLAND}`, import.meta.url))), PORTLAND);
    const head = portland.table.slice(0, 200);
    const grouped = (name: string, na: boolean) =>
      vectorFromArray(
        Array.from(head.getChild(name)!.toArray() as Float64Array, (v, i) => (na && i === 5 ? 'N/A' : Math.round(v).toLocaleString('en-US'))),
        new Utf8(),
      );
    const csvOf = (na: boolean) =>
      readCsv(
        new TextEncoder().encode(
          tableToCsv(new Table({ occ_date: head.getChild('occ_date')!, x: grouped('x_coordinate', false), y: grouped('y_coordinate', na) })),
        ),
        'feet.csv',
      );
    const mapping: ColumnMapping = { time: { column: 'occ_date' }, location: { kind: 'xy', x: 'x', y: 'y', crs: 'EPSG:2913' } };
    await loadMappingCrs(mapping);
    const clean = loadIncidents([csvOf(false)], mapping);
    const withNa = loadIncidents([csvOf(true)], mapping);
    expect([clean.report.kept, withNa.report.kept, withNa.report.dropped['location-unparseable']]).toEqual([200, 199, 1]);
    // Row 5 is the one dropped: every other row lies where it lay (Portland, 45.4–45.7° N).
    expect(Array.from(withNa.lat)).toEqual([...Array.from(clean.lat).slice(0, 5), ...Array.from(clean.lat).slice(6)]);
    expect(Math.min(...clean.lat)).toBeGreaterThan(45.4);
    // The choice is stated: a convention decided it.
    expect(withNa.report.warnings).toContain(
      "location column 'y' in file 'feet.csv' holds text: 199 values read as numbers with decimal point, ',' thousands (as many read with decimal comma, giving other numbers; chosen for a ','-delimited file); the rest (text, or numbers in another format) is dropped as location-unparseable",
    );
    expect(clean.report.warnings.filter((w) => w.includes('holds text'))).toEqual([]);
  });
});
