import { Float64, TimestampMillisecond, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cliErrorMessage, cliLoadWarnings } from '../../cli/load-warnings';
import { binIncidents } from '../../lib/grid/bin-incidents';
import { arrowTableBytes } from '../../lib/io/arrow-table-bytes';
import { emptyDropCounts } from '../../lib/io/incidents';
import { loadIncidents } from '../../lib/io/load-incidents';
import { readArrow } from '../../lib/io/read-arrow';
import { swapVerdict } from '../../lib/io/swap-verdict';
import { appErrorMessage, appLoadWarnings } from './load-warnings';

const DAY = 86_400_000;
const MAPPING = { time: { column: 'time' }, location: { kind: 'latlng' as const, lat: 'lat', lng: 'lng' }, category: null };

/** A file of `n` rows a day apart from 2018-02-24 (or with `times` as given) around Plainfield. */
function file(n: number, times?: number[]) {
  const t = times ?? Array.from({ length: n }, (_, i) => 1_519_430_400_000 + i * DAY);
  const bytes = arrowTableBytes({
    time: vectorFromArray(t, new TimestampMillisecond()),
    lat: vectorFromArray(
      t.map((_, i) => 40.61 + (i % 50) * 0.001),
      new Float64(),
    ),
    lng: vectorFromArray(
      t.map((_, i) => -74.41 - (i % 50) * 0.001),
      new Float64(),
    ),
  });
  return readArrow(bytes, 'p.arrow');
}

const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing thrown');
};

// The three messages the core made with a CLI flag in them: each shell now names its own control.
describe('remedies each shell words as its own control', () => {
  it('latitude and longitude swapped (a load warning): the app names its fields, the CLI its --lat and --lng', () => {
    const warning = swapVerdict({ kind: 'latlng', lat: 'latitude', lng: 'longitude' }, 2, 2, 2, { lats: [], lngs: [] })!;
    const report = { files: [], read: 2, kept: 0, dropped: emptyDropCounts(), examples: [], warnings: [warning] };
    const swapped = "latitude and longitude look swapped: map lat = 'longitude', lng = 'latitude'";
    expect(appLoadWarnings(report, { clock: 'wall', timeZone: 'UTC' }, 'time', null)).toEqual([
      `2 of 2 located rows are not valid latitude/longitude degrees as mapped, but 2 are with the two columns exchanged: ${swapped} in the Latitude and Longitude fields of the column mapping`,
    ]);
    expect(cliLoadWarnings({ clock: 'wall', timeZone: 'UTC', report }, MAPPING)[0]).toMatch(new RegExp(`${swapped} with --lat and --lng$`));
  });

  it('epoch seconds in a Timestamp[ms] (a load error): the app names its Epoch unit field, the CLI --time-unit', () => {
    const seconds = Array.from({ length: 20 }, (_, i) => 1_519_430_400 + i * 86_400);
    const error = thrown(() => loadIncidents([file(0, seconds)], MAPPING));
    expect(error.message).toMatch(/: declare the unit s with the time unit setting \(mapping\.time\.unit\)$/);
    expect(appErrorMessage(error)).toMatch(/: declare the unit s in the Epoch unit field of the column mapping \(mapping\.time\.unit\)$/);
    expect(cliErrorMessage(error)).toMatch(/: declare the unit s with --time-unit \(mapping\.time\.unit\)$/);
    expect(appErrorMessage(error)).not.toContain('--');
  });

  it("a panel too large (a binning error): the app names the page address's ?panelmb, the CLI --max-panel-mb", () => {
    const error = thrown(() => binIncidents(loadIncidents([file(300)], MAPPING), { res: 12, unit: 'hour', maxValues: 100_000 }));
    expect(error.message).toMatch(/, or raise the limit with the panel size limit setting where the memory is there$/);
    expect(appErrorMessage(error)).toMatch(/, or raise the limit by adding \?panelmb=N \(megabytes\) to the page's address where the memory is there$/);
    expect(cliErrorMessage(error)).toMatch(/, or raise the limit with --max-panel-mb where the memory is there$/);
  });

  it("the grids that fit a refused panel: the app names its Binning step's Time bucket and H3 resolution, the CLI --bucket and --res, with the same sizes", () => {
    const error = thrown(() => binIncidents(loadIncidents([file(300)], MAPPING), { res: 12, unit: 'hour', maxValues: 100_000 }));
    const day = '(300 day periods × 50 cells = 15,000 values (63 kB))';
    const res8 = '(≈ 7,177 hour periods × 10 cells = 71,770 values (340 kB))';
    expect(error.message).toContain(`; coarser that fits: the time bucket setting at day ${day} or the resolution setting at 8 ${res8}; or keep fewer`);
    expect(appErrorMessage(error)).toContain(
      `; coarser that fits: the Binning step's Time bucket set to day ${day} or the Binning step's H3 resolution set to 8 ${res8}; or keep fewer`,
    );
    expect(appErrorMessage(error)).not.toMatch(/--|setting/);
    expect(cliErrorMessage(error)).toContain(`; coarser that fits: --bucket day ${day} or --res 8 ${res8}; or keep fewer`);
  });
  it("outliers kept (a load warning) and the time range they stretch (a binning error): the app names its 'Keep outliers' box, the CLI --keep-outliers", () => {
    const times = [...Array.from({ length: 300 }, (_, i) => 1_519_430_400_000 + i * DAY), Date.UTC(2099, 5, 1)];
    const incidents = loadIncidents([file(0, times)], { ...MAPPING, keepOutliers: true });
    const warnings = appLoadWarnings(incidents.report, incidents, 'time', null);
    const late = warnings.find((w) => w.includes('after the median time'));
    expect(late).toMatch(/: kept because 'Keep outliers' is ticked in the column mapping, they stretch the time range$/);
    expect(cliLoadWarnings(incidents, MAPPING).find((w) => w.includes('after the median time'))).toMatch(
      /: kept because --keep-outliers is given, they stretch the time range$/,
    );
    const error = thrown(() => binIncidents(incidents, { res: 8, unit: 'hour', maxValues: 1_000_000 }));
    expect(appErrorMessage(error)).toMatch(/\(the loader drops them as time-outlier unless 'Keep outliers' is ticked in the column mapping\)$/);
    expect(cliErrorMessage(error)).toMatch(/\(the loader drops them as time-outlier unless --keep-outliers is given\)$/);
    expect([...warnings, appErrorMessage(error)].join('\n')).not.toMatch(/keepOutliers|setting|--/);
  });
});
