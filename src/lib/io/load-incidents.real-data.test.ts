import { readFileSync } from 'node:fs';
import { tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './column-mapping';
import { detectMapping } from './detect-mapping';
import { DROP_REASONS, emptyDropCounts, type LoadReport } from './incidents';
import { loadIncidents } from './load-incidents';
import { readArrow } from './read-arrow';
import { summariseIncidents } from './summarise-incidents';

// The shared data folder sits beside the repository (../shared/data from the repo root; see its README).
const data = new URL('../../../../shared/data/', import.meta.url);
const read = (name: string) => readArrow(readFileSync(new URL(name, data)), name);

function expectAccounting(report: LoadReport): void {
  expect(report.read).toBe(report.kept + DROP_REASONS.reduce((sum, reason) => sum + report.dropped[reason], 0));
}

describe('loadIncidents on the real Chicago file', () => {
  const chicago = read('chicago-crimes-2014-2018.arrow');
  const mapping: ColumnMapping = {
    time: { column: 'occurred_at' },
    location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
    category: 'primary_type',
  };

  it('detectMapping suggests occurred_at (wall clock, America/Chicago from metadata), latitude/longitude and primary_type', () => {
    expect(detectMapping(chicago).mapping).toEqual({
      time: { column: 'occurred_at', encoding: 'auto', timeZone: 'America/Chicago' },
      location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
      category: 'primary_type',
    });
  });

  it('loadIncidents accounts for all 1,306,393 rows: 13,084 without location, 5 geocoded to Missouri', () => {
    const incidents = loadIncidents([chicago], mapping);
    const { report } = incidents;
    expect(report.read).toBe(1_306_393);
    expect(report.kept).toBe(1_293_304);
    expect(report.dropped).toEqual({ ...emptyDropCounts(), 'location-null': 13_084, 'location-outlier': 5 });
    expectAccounting(report);
    // Every flagged row is the fallback point (36.62, −91.69), ~671 km from the city: no genuine row is flagged.
    const outliers = report.examples.filter((e) => e.reason === 'location-outlier');
    expect(outliers.map((e) => [e.row, e.values.latitude, e.values.longitude, e.values.distance_km])).toEqual(
      [27651, 52891, 55752, 107894, 209588].map((row) => [row, '36.619446395', '-91.686565684', '671.4']),
    );
    expect(outliers[0].values.threshold_km).toBe('92.4'); // 4 × q99 (23.1 km)
    expect(incidents.clock).toBe('wall');
    expect(incidents.timeZone).toBe('America/Chicago');
    expect(incidents.categories).toHaveLength(33);
    expect(report.warnings).toEqual([]);
  });

  it('summariseIncidents: 2014-01-01T00:00 to 2018-11-12T23:59 (wall clock), THEFT most frequent, extent within Chicago', () => {
    const summary = summariseIncidents(loadIncidents([chicago], mapping));
    expect(summary.time).toMatchObject({ firstText: '2014-01-01T00:00:00.000', lastText: '2018-11-12T23:59:00.000' });
    expect(summary.categories[0]).toEqual({ name: 'THEFT', count: 298_128 });
    expect(summary.extent).toEqual({ south: 41.644589713, west: -87.934324301, north: 42.022671246, east: -87.524529378 });
  });

  it('loadIncidents with keepOutliers keeps the 5 Missouri rows and warns', () => {
    const { report } = loadIncidents([chicago], { ...mapping, keepOutliers: true });
    expect(report.kept).toBe(1_293_309);
    expect(report.warnings).toEqual([
      '5 rows lie more than 92.4 km from the median location (41.8622, -87.6652): kept because the keep-outliers setting is on',
    ]);
  });
});

describe('loadIncidents on the real Portland file (EPSG:2913 feet, date-only)', () => {
  const portland = read('portland-nij-burglary-vehicle-2012-2017.arrow');
  const mapping: ColumnMapping = {
    time: { column: 'occ_date' },
    location: { kind: 'xy', x: 'x_coordinate', y: 'y_coordinate', crs: 'EPSG:2913' },
    category: 'category',
  };

  it('detectMapping sees projected coordinates and asks for a CRS instead of guessing', () => {
    const suggestion = detectMapping(portland);
    expect(suggestion.mapping).toBeNull();
    expect(suggestion.missing).toEqual([
      "a CRS for 'x_coordinate'/'y_coordinate': values look projected (x 7.6e6–7.7e6, y 6.5e5–7.3e5): declare their CRS " +
        '(an EPSG code, a proj4 string or WKT; the CRSs that put these points on land inside their area of use are ranked for you)',
    ]);
    expect(suggestion.time[0].mapping).toEqual({ column: 'occ_date', encoding: 'auto' });
    expect(suggestion.category[0].column).toBe('category');
  });

  it('loadIncidents keeps all 15,206 rows: dates as wall-clock midnights from 2012-03-01 to 2017-05-31, inside Portland', () => {
    const incidents = loadIncidents([portland], mapping);
    expect(incidents.report.read).toBe(15_206);
    expect(incidents.report.kept).toBe(15_206);
    expect(incidents.report.dropped).toEqual(emptyDropCounts());
    expectAccounting(incidents.report);
    const summary = summariseIncidents(incidents);
    expect(summary.clock).toBe('wall');
    expect(summary.time).toMatchObject({ first: Date.UTC(2012, 2, 1), last: Date.UTC(2017, 4, 31) });
    expect(incidents.time.every((t) => t % 86_400_000 === 0)).toBe(true);
    expect(summary.categories).toEqual([
      { name: 'MOTOR VEHICLE THEFT', count: 9842 },
      { name: 'BURGLARY', count: 5364 },
    ]);
    // Portland's city limits lie within 45.43–45.66°N, 122.84–122.47°W.
    const { south, west, north, east } = summary.extent!;
    expect([south > 45.43, north < 45.66, west > -122.84, east < -122.47]).toEqual([true, true, true, true]);
  });

  it('loadIncidents reads the Portland file re-written as an IPC stream into identical incidents', () => {
    const file = loadIncidents([portland], mapping);
    const stream = loadIncidents([readArrow(tableToIPC(portland.table, 'stream'), 'portland.arrows')], mapping);
    for (const key of ['time', 'lat', 'lng', 'category'] as const) expect(stream[key]).toEqual(file[key]);
  });
});
