import { Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './byte-source';
import type { ColumnMapping } from './column-mapping';
import { loadIncidents } from './load-incidents';
import { loadIncidentsStream } from './load-incidents-stream';
import { readArrow } from './read-arrow';
import { arrowBatchSource } from './read-arrow-stream';

const mapping: ColumnMapping = { time: { column: 't' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' } };

const LNG = [-87.6, -87.61, -87.62];

/** An IPC stream of `count` record batches of two rows: times and latitudes as given. */
function stream(t: (batch: number) => unknown[], lat: (batch: number) => unknown[], count = 3): Uint8Array {
  const batches = Array.from({ length: count }, (_, b) => b).map(
    (b) =>
      new Table({
        t: vectorFromArray(t(b)),
        lat: vectorFromArray(lat(b)),
        lng: vectorFromArray([LNG[b], -87.7]),
      }).batches[0],
  );
  return tableToIPC(new Table(batches), 'stream');
}

describe('loadIncidentsStream with a CoordinateWatch', () => {
  const days = (b: number): Date[] => [new Date(Date.UTC(2020, 0, 1 + b)), new Date(Date.UTC(2020, 0, 4 + b))];
  const lats = (b: number): (number | null)[] => [[41.8, 41.81, 41.82][b], b === 1 ? null : 41.9];

  it('sees each batch raw coordinates in order, in the arrays it allocated, and changes nothing in the load', async () => {
    const bytes = stream(days, lats);
    const seen: number[][] = [];
    const allocated: Float64Array[] = [];
    const watched = await loadIncidentsStream([await arrowBatchSource(bytesSource('w.arrows', bytes))], mapping, {
      allocate: (rows) => {
        const array = new Float64Array(new SharedArrayBuffer(rows * 8));
        allocated.push(array);
        return array;
      },
      batch: (lat, lng) => seen.push([...lat, ...lng]),
    });
    expect(seen).toEqual([
      [41.8, 41.9, -87.6, -87.7],
      [41.81, NaN, -87.61, -87.7], // a null latitude reads as NaN
      [41.82, 41.9, -87.62, -87.7],
    ]);
    expect(allocated.length).toBeGreaterThanOrEqual(3); // time, lat and lng (more when the arrays grew)
    const plain = await loadIncidentsStream([await arrowBatchSource(bytesSource('w.arrows', bytes))], mapping);
    expect(watched).toEqual(plain);
    expect(watched.report.dropped['location-null']).toBe(1);
    expect(watched).toEqual(loadIncidents([readArrow(bytes, 'w.arrows')], mapping));
  });

  it('still names the time column first when the time and the location columns are both of the wrong type', async () => {
    const bytes = stream(
      () => [true, false],
      () => [true, false],
      1,
    );
    const load = loadIncidentsStream([await arrowBatchSource(bytesSource('bad.arrows', bytes))], mapping, { batch: () => {} });
    await expect(load).rejects.toThrow(/time column 't'/);
    const locationOnly = stream(days, () => [true, false], 1); // text would be read as numbers ('location-unparseable')
    const seen: unknown[] = [];
    await expect(
      loadIncidentsStream([await arrowBatchSource(bytesSource('bad.arrows', locationOnly))], mapping, { batch: (lat) => seen.push(lat) }),
    ).rejects.toThrow(/location column 'lat' in file 'bad.arrows' has type Bool/);
    expect(seen).toEqual([]); // nothing read is watched
  });
});
