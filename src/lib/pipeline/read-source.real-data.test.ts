/**
 * The CSV, gzip and GeoJSON routes against the Arrow route on the real files: each file is
 * written in the other format by the test (apache-arrow reads it, a small writer writes it),
 * opened through `openFiles` (so `readSource` tells the format from the bytes) and loaded and
 * binned by `preparePanel`. Loaded counts, drops by reason and the binned panel must equal the
 * Arrow route's — except where the format itself changes a row's fate, which is spelled out.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../test/fixtures/table-to-csv';
import type { ColumnMapping } from '../io/column-mapping';
import { detectMapping } from '../io/detect-mapping';
import { readArrow } from '../io/read-arrow';
import { openFiles } from './load';
import { preparePanel, type PreparedPanel } from './prepare-panel';

const data = new URL('../../../../shared/data/', import.meta.url);
const arrowBytes = (name: string) => new Uint8Array(readFileSync(new URL(name, data)));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function prepare(name: string, bytes: Uint8Array, mapping: ColumnMapping, bin: { res: number; unit: 'day' | 'week' }): Promise<PreparedPanel> {
  const opened = await openFiles([{ name, bytes }]);
  return preparePanel(opened.sources, opened.sha256, { mapping, bin });
}

/** Loaded counts, drops and the panel, as plain data to compare. */
function summary({ incidents, panel }: PreparedPanel) {
  const { read, kept, dropped } = incidents!.report;
  return { read, kept, dropped, res: panel.res, cells: panel.cells, periods: Array.from(panel.periods), counts: Array.from(panel.counts) };
}

describe('readSource routes on real data', () => {
  const portland = readArrow(arrowBytes('portland-nij-burglary-vehicle-2012-2017.arrow'), 'portland.arrow');
  const portlandMapping: ColumnMapping = {
    time: { column: 'occ_date' },
    location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
    category: 'category',
  };
  const portlandCsv = utf8(tableToCsv(portland.table, { newline: '\r\n' }));

  it('Portland as CSV loads and bins exactly as the Arrow file (15,206 rows, EPSG:2913 feet, weekly at res 8)', async () => {
    const arrow = summary(
      await prepare('portland.arrow', arrowBytes('portland-nij-burglary-vehicle-2012-2017.arrow'), portlandMapping, { res: 8, unit: 'week' }),
    );
    const csv = await prepare('portland.csv', portlandCsv, portlandMapping, { res: 8, unit: 'week' });
    expect(csv.opened.sources[0].format).toBe('csv');
    expect(arrow.read).toBe(15_206);
    expect(summary(csv)).toEqual(arrow);
  });

  it('Portland as CSV gets the same column mapping detected as the Arrow file', async () => {
    const opened = await openFiles([{ name: 'portland.csv', bytes: portlandCsv }]);
    expect(detectMapping(opened.sources).mapping).toEqual(detectMapping([portland]).mapping);
  });

  it('Portland as gzipped CSV (.csv.gz) loads and bins as the plain CSV, and reports the compressed size', async () => {
    const gz = new Uint8Array(gzipSync(portlandCsv));
    const zipped = await prepare('portland.csv.gz', gz, portlandMapping, { res: 8, unit: 'week' });
    const plain = await prepare('portland.csv', portlandCsv, portlandMapping, { res: 8, unit: 'week' });
    expect(zipped.incidents!.report.files).toEqual([{ name: 'portland.csv.gz', rows: 15_206, bytes: gz.length }]);
    expect(zipped.opened.sources[0].notes?.[0]).toBe(
      `decompressed from gzip: ${gz.length.toLocaleString('en-US')} → ${portlandCsv.length.toLocaleString('en-US')} bytes`,
    );
    expect(summary(zipped)).toEqual(summary(plain));
  });

  it('Portland as CSV with 3 records cut short counts them as malformed, with their lines, and loses only those rows', async () => {
    const lines = new TextDecoder().decode(portlandCsv).split('\r\n');
    for (const line of [2, 101, 15_001]) lines[line - 1] = lines[line - 1].slice(0, lines[line - 1].lastIndexOf(',')); // drop the last field
    const cut = await prepare('cut.csv', utf8(lines.join('\r\n')), portlandMapping, { res: 8, unit: 'week' });
    const whole = await prepare('portland.csv', portlandCsv, portlandMapping, { res: 8, unit: 'week' });
    const report = cut.incidents!.report;
    expect(report.read).toBe(15_206);
    expect(report.dropped['record-malformed']).toBe(3);
    // Rows 0, 99 and 14,999 of the file were kept on the whole route: 3 fewer kept, nothing else moves.
    expect(report.kept).toBe(whole.incidents!.report.kept - 3);
    expect(report.examples.filter((e) => e.reason === 'record-malformed')).toEqual(
      [2, 101, 15_001].map((line, i) => ({
        file: 'cut.csv',
        row: [0, 99, 14_999][i],
        reason: 'record-malformed',
        values: { line: String(line), problem: '3 fields, expected 4' },
      })),
    );
  });

  it("Chicago's first 20,000 rows as the portal's CSV (01/31/2018 11:59:00 PM times) load and bin as the Arrow rows, daily at res 8", async () => {
    const chicago = readArrow(arrowBytes('chicago-crimes-2014-2018.arrow'), 'chicago.arrow');
    const head: Table = chicago.table.slice(0, 20_000);
    const mapping = detectMapping([{ ...chicago, table: head }]).mapping!;
    expect(mapping.time).toEqual({ column: 'occurred_at', encoding: 'auto', timeZone: 'America/Chicago' });
    const arrowRoute = summary(preparePanelOf({ ...chicago, table: head }, mapping));
    const csvText = tableToCsv(head, { times: 'chicago' });
    expect(csvText.split('\n')[1]).toBe(
      '10002447,01/01/2014 12:01:00 AM,DECEPTIVE PRACTICE,FRAUD OR CONFIDENCE GAME,RESIDENCE,false,false,2412,24,50,2,11,41.997920408,-87.6788725',
    );
    const csv = await prepare(
      'chicago.csv',
      utf8(csvText),
      { ...mapping, time: { column: 'occurred_at', timeZone: 'America/Chicago' } },
      { res: 8, unit: 'day' },
    );
    expect(arrowRoute.read).toBe(20_000);
    expect(summary(csv)).toEqual(arrowRoute);
    expect(csv.incidents!.report.warnings).toEqual(preparePanelOf({ ...chicago, table: head }, mapping).incidents!.report.warnings);
  });

  it('Plainfield as GeoJSON points loads as the Arrow file; its 69 ungeocoded rows become features without a Point (dropped as such)', async () => {
    const plainfield = readArrow(arrowBytes('plainfield-nj-crime-reports-2018.arrow'), 'plainfield.arrow');
    const mapping: ColumnMapping = {
      time: { column: 'occurred_at' },
      location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
      category: 'description',
    };
    const arrow = summary(preparePanelOf(plainfield, mapping));
    const geojson = await prepare('plainfield.geojson', utf8(pointsGeoJson(plainfield.table)), mapping, { res: 8, unit: 'week' });
    expect(geojson.opened.sources[0].format).toBe('geojson');
    const { 'location-null': nulls, ...others } = arrow.dropped;
    expect(nulls).toBe(69);
    expect(summary(geojson)).toEqual({ ...arrow, dropped: { ...others, 'location-null': 0, 'feature-not-point': 69 } });
    expect(geojson.incidents!.report.examples.filter((e) => e.reason === 'feature-not-point').length).toBe(5);
  });
});

function preparePanelOf(source: Parameters<typeof preparePanel>[0][number], mapping: ColumnMapping): PreparedPanel {
  return preparePanel([source], 'sha', { mapping, bin: { res: 8, unit: source.name.startsWith('chicago') ? 'day' : 'week' } });
}

/** A FeatureCollection with one Point feature per row (null geometry where a coordinate is null), every other column a property; times as ISO text. */
function pointsGeoJson(table: Table): string {
  const names = table.schema.fields.map((f) => f.name).filter((name) => name !== 'latitude' && name !== 'longitude');
  const features = table.toArray().map((row) => {
    const record = row.toJSON() as Record<string, unknown>;
    const { latitude, longitude } = record;
    const properties = Object.fromEntries(
      names.map((name) => [name, name === 'occurred_at' ? new Date(Number(record[name])).toISOString().slice(0, 19) : (record[name] ?? null)]),
    );
    const geometry = latitude === null || longitude === null ? null : { type: 'Point', coordinates: [longitude, latitude] };
    return { type: 'Feature', geometry, properties };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
