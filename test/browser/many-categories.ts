/**
 * A real-data Arrow file with 100,000 distinct categories, for the category list's
 * responsiveness test: the bundled Chicago sample's rows (time, latitude, longitude as read),
 * with a `category` column whose names are made unique. The first 100,000 rows with a location
 * in Chicago each get their own category (`<primary type> <number, 5 digits>`, e.g.
 * `ROBBERY 04242`); every other row reuses one of the first 1,000, cubically skewed towards
 * the first, so that counts differ and sorting by count means something.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Dictionary, Int32, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';

/** The distinct categories the file holds (every one keeps at least one row when loaded). */
export const MANY_CATEGORIES = 100_000;

const SAMPLE = fileURLToPath(new URL('../../public/samples/chicago-3-types-2014-2018.arrow', import.meta.url));

/** What `writeManyCategoriesFile` wrote: the rows, and the category name and row count of each category number. */
export interface ManyCategories {
  readonly rows: number;
  readonly names: readonly string[];
  readonly counts: Int32Array;
}

/** Writes the file to `path` (Arrow IPC file format). */
export function writeManyCategoriesFile(path: string): ManyCategories {
  const sample = tableFromIPC(readFileSync(SAMPLE));
  const rows = sample.numRows;
  const types = sample.getChild('primary_type')!;
  const lat = sample.getChild('latitude')!;
  const lng = sample.getChild('longitude')!;
  const of = new Int32Array(rows);
  const names: string[] = [];
  let other = 0;
  for (let i = 0; i < rows; i++) {
    const [y, x] = [lat.get(i) as number | null, lng.get(i) as number | null];
    const inChicago = y !== null && x !== null && y > 41.6 && y < 42.1 && x > -88 && x < -87.5;
    if (inChicago && names.length < MANY_CATEGORIES) {
      of[i] = names.length;
      names.push(`${String(types.get(i))} ${String(of[i]).padStart(5, '0')}`);
    } else of[i] = Math.floor((other++ / (rows - MANY_CATEGORIES)) ** 3 * 1000);
  }
  const counts = new Int32Array(MANY_CATEGORIES);
  for (const k of of) counts[k]++;
  const category = vectorFromArray(
    Array.from(of, (k) => names[k]),
    new Dictionary(new Utf8(), new Int32()),
  );
  const table = new Table({ occurred_at: sample.getChild('occurred_at')!, latitude: lat, longitude: lng, category });
  writeFileSync(path, tableToIPC(table, 'file'));
  return { rows, names, counts };
}
