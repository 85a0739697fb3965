import { Dictionary, Float64, Int32, TimestampMillisecond, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { arrowTableBytes } from '../io/arrow-table-bytes';
import type { ColumnMapping } from '../io/column-mapping';
import { loadIncidents } from '../io/load-incidents';
import { readArrow } from '../io/read-arrow';
import { binLoaded, panelTotals } from './bin';
import { loadMapped, openedSources } from './load';

const DAY = 86_400_000;
const MAPPING: ColumnMapping = { time: { column: 'time' }, location: { kind: 'latlng', lat: 'lat', lng: 'lng' }, category: 'type' };

/** Five rows on two days: THEFT, ROBBERY, THEFT, a row without a location (a THEFT), and one without a type. */
const opened = () =>
  openedSources(
    [
      readArrow(
        arrowTableBytes({
          time: vectorFromArray([0, 0, DAY, DAY, DAY], new TimestampMillisecond()),
          lat: vectorFromArray([41.88, 41.881, 41.88, null, 41.88], new Float64()),
          lng: vectorFromArray([-87.63, -87.631, -87.63, null, -87.63], new Float64()),
          type: vectorFromArray(['THEFT', 'ROBBERY', 'THEFT', 'THEFT', null], new Dictionary(new Utf8(), new Int32())),
        }),
        'five.arrow',
      ),
    ],
    'sha',
  );

describe('binLoaded', () => {
  it('filters categories as loadIncidents does with mapping.categories: the same rows, report, examples, warnings and dictionary', () => {
    const files = opened();
    const loaded = loadMapped(files, MAPPING);
    const binned = binLoaded(files, loaded, { res: 8, unit: 'day', timeZone: null, categories: ['THEFT', 'ARSON'] });
    const direct = loadIncidents(files.sources, { ...MAPPING, categories: ['THEFT', 'ARSON'] });
    // Kept: rows 0 and 2 (THEFT). Row 3 is a THEFT without a location: dropped for that first, not for its category.
    expect(binned.panel.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(binned.data.rows).toEqual({ read: 5, kept: 2, dropped: { ...direct.report.dropped } });
    expect(direct.report.dropped).toMatchObject({ 'location-null': 1, 'category-filtered': 2 });
    expect(direct.report.warnings).toEqual(["category filter value 'ARSON' does not occur in column 'type'"]);
    expect(direct.categories).toEqual(['THEFT']);
    expect(binned.filtered).toBe(loaded.incidents.length - direct.length); // 4 loaded − 2 kept
    expect(binned.data.mapping).toEqual({ ...MAPPING, categories: ['THEFT', 'ARSON'] });
  });

  it('decodes a category list once per load: binning again at another resolution reuses it, another list decodes anew', () => {
    const files = opened();
    const loaded = loadMapped(files, MAPPING);
    const a = binLoaded(files, loaded, { res: 8, unit: 'day', timeZone: null, categories: ['ROBBERY'] });
    const b = binLoaded(files, loaded, { res: 7, unit: 'day', timeZone: null, categories: ['ROBBERY'] });
    expect(b.data.rows).toEqual(a.data.rows);
    expect(binLoaded(files, loaded, { res: 8, unit: 'day', timeZone: null, categories: ['THEFT'] }).data.rows.kept).toBe(2);
    expect(binLoaded(files, loaded, { res: 8, unit: 'day', timeZone: null, categories: null })).toMatchObject({ filtered: 0, data: { rows: { kept: 4 } } });
  });
});

describe('binLoaded: the report data keeps the load warnings', () => {
  const ZONE =
    "no time zone declared for 'time' (local wall-clock readings): days and weeks are cut on the clock as recorded, and the panel calls it UTC; declare the zone with the time zone setting";

  it('the zone warning first (no zone in force), then the filtered load report warnings, with neutral remedies', () => {
    const files = opened();
    const binned = binLoaded(files, loadMapped(files, MAPPING), { res: 8, unit: 'day', timeZone: null, categories: ['THEFT', 'ARSON'] });
    expect(binned.data.warnings).toEqual([ZONE, "category filter value 'ARSON' does not occur in column 'type'"]);
  });

  it('no zone warning when the binning or the mapping puts a zone in force', () => {
    const files = opened();
    const settings = { res: 8, unit: 'day' as const, categories: null };
    expect(binLoaded(files, loadMapped(files, MAPPING), { ...settings, timeZone: 'America/Chicago' }).data.warnings).toBeUndefined();
    const zoned = { ...MAPPING, time: { column: 'time', timeZone: 'America/Chicago' } };
    expect(binLoaded(files, loadMapped(files, zoned), { ...settings, timeZone: null }).data.warnings).toBeUndefined();
    expect(binLoaded(files, loadMapped(files, MAPPING), { ...settings, timeZone: null }).data.warnings).toEqual([ZONE]);
  });
});

describe('binLoaded with { except }', () => {
  it('leaves out exactly the listed categories and records the kept ones in the report mapping', () => {
    const files = opened();
    const loaded = loadMapped(files, MAPPING);
    const binned = binLoaded(files, loaded, { res: 8, unit: 'day', timeZone: null, categories: { except: ['THEFT'] } });
    // Loaded: THEFT (rows 0, 2), ROBBERY (row 1), no type (row 4). Left out: the two THEFTs and, not being ROBBERY, the untyped row.
    expect(binned.filtered).toBe(3);
    expect(binned.data.mapping).toEqual({ ...MAPPING, categories: ['ROBBERY'] });
    expect(binLoaded(files, loaded, { res: 8, unit: 'day', timeZone: null, categories: { except: [] } }).filtered).toBe(0);
  });

  it("20,000 categories, all but one kept: the filter drops exactly that category's rows (the load looks each name up in a set, not in the list)", () => {
    const n = 20_000;
    const names = Array.from({ length: n }, (_, i) => `type ${i}`);
    const rows = [...names, 'type 7', 'type 7']; // 'type 7' has three rows
    const files = openedSources(
      [
        readArrow(
          arrowTableBytes({
            time: vectorFromArray(
              rows.map(() => 0),
              new TimestampMillisecond(),
            ),
            lat: vectorFromArray(
              rows.map(() => 41.88),
              new Float64(),
            ),
            lng: vectorFromArray(
              rows.map(() => -87.63),
              new Float64(),
            ),
            type: vectorFromArray(rows, new Dictionary(new Utf8(), new Int32())),
          }),
          'many.arrow',
        ),
      ],
      'sha',
    );
    const loaded = loadMapped(files, MAPPING);
    const binned = binLoaded(files, loaded, { res: 8, unit: 'day', timeZone: null, categories: { except: ['type 7'] } });
    expect(binned.filtered).toBe(3);
    expect(binned.report.binned).toBe(n + 2 - 3);
    expect((binned.data.mapping as ColumnMapping).categories).toHaveLength(n - 1);
  });
});

describe('panelTotals', () => {
  it('panelTotals sums period-major counts per cell and per period', () => {
    const totals = panelTotals({ cells: ['a', 'b'], periods: Float64Array.of(0, DAY), counts: Float32Array.of(1, 2, 3, 4) });
    expect(Array.from(totals.cellTotals)).toEqual([1 + 3, 2 + 4]);
    expect(Array.from(totals.periodTotals)).toEqual([1 + 2, 3 + 4]);
  });
});
