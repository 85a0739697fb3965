/**
 * Derives the app's bundled samples from the shared real data (../shared/data), small enough
 * to commit: `node bin/run-ts.js scripts/make-samples.ts`.
 *
 * - chicago-3-types-2014-2018.arrow: BURGLARY, ROBBERY and MOTOR VEHICLE THEFT from the
 *   Chicago file, with only the columns a forecast needs (time, category, lat/lng as float32,
 *   ~0.3 m precision) — nulls and defects kept as they are, so the sample still teaches
 *   row accounting.
 * - portland-nij-burglary-vehicle-2012-2017.arrow: the NIJ challenge file as published
 *   (EPSG:2913 feet, date-only), to show CRS handling.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { Dictionary, Float32, Int8, TimestampMillisecond, Utf8, tableFromIPC, vectorFromArray } from 'apache-arrow';
import { arrowTableBytes } from '../src/lib/io/arrow-table-bytes';

const shared = new URL('../../shared/data/', import.meta.url);
const source = tableFromIPC(readFileSync(new URL('chicago-crimes-2014-2018.arrow', shared)));
const keep = ['BURGLARY', 'ROBBERY', 'MOTOR VEHICLE THEFT'];
const type = source.getChild('primary_type')!;
const time = source.getChild('occurred_at')!;
const lat = source.getChild('latitude')!;
const lng = source.getChild('longitude')!;
const rows: number[] = [];
for (let i = 0; i < source.numRows; i++) if (keep.includes(type.get(i) as string)) rows.push(i);
const valid = (v: unknown): boolean => v !== null && v !== undefined;
const latitude = rows.map((i) => lat.get(i) as number | null);
const longitude = rows.map((i) => lng.get(i) as number | null);
const columns = {
  occurred_at: vectorFromArray(
    rows.map((i) => time.get(i) as number),
    new TimestampMillisecond(),
  ),
  primary_type: vectorFromArray(
    rows.map((i) => type.get(i) as string),
    new Dictionary(new Utf8(), new Int8()),
  ),
  latitude: vectorFromArray(latitude, new Float32()),
  longitude: vectorFromArray(longitude, new Float32()),
};
const bytes = arrowTableBytes(columns, {
  source: 'City of Chicago Data Portal, Crimes - 2001 to present (CPD CLEAR); subset made by scripts/make-samples.ts',
  occurred_at: 'local wall-clock time, America/Chicago',
});
writeFileSync(new URL('../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url), bytes);
copyFileSync(
  new URL('portland-nij-burglary-vehicle-2012-2017.arrow', shared),
  new URL('../public/samples/portland-nij-burglary-vehicle-2012-2017.arrow', import.meta.url),
);
console.log(`chicago sample: ${rows.length} rows (${latitude.filter((v) => !valid(v)).length} without location), ${(bytes.length / 1e6).toFixed(2)} MB`);
