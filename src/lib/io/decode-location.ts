import proj4 from 'proj4';
import type { LocationMapping } from './column-mapping';
import { resolveCrs, type ResolvedCrs } from './crs-definitions';
import { DROP_CODE } from './drop-codes';
import { findColumn, type ColumnInput } from './find-column';
import { InputError } from './input-error';
import type { ArrowSource } from './read-arrow';
import { memoiseProjection } from './memoise-projection';
import { namedOpposite, SWAP_SAMPLE, swapVerdict, type SwapSample } from './swap-verdict';
import { isStringType } from './decode-iso-time';
import { isNumericType, readNumbers } from './read-numbers';
import { csvDelimiter } from './csv-column-types';
import { readTextNumbers, textNumberReading, type TextNumberReading } from './read-text-numbers';
import { NUMBER_FORMAT_TEXT } from './number-format';

/** The location columns decoded: the CRS used (for x/y) and warnings. */
export interface DecodedLocation {
  /** 'EPSG:2913', a proj4 string, or null for lat/lng. */
  readonly crs: string | null;
  readonly warnings: readonly string[];
  /** Rows left with a usable location (latitude not NaN): what `outlierRule` would count first. */
  readonly usable?: number;
}

/**
 * How close to 0°, 0° (degrees, about 0.1 m) a projected point must land to be read as the
 * "unknown location" sentinel: PROJ returns (0, 0) to within ~1e-9° for the projection of
 * 0°, 0°, and no real place within 0.1 m of it holds incidents.
 */
export const NULL_ISLAND_DEG = 1e-6;

/**
 * Decodes the location columns of every file into WGS84 `lat`/`lng` (one entry per global row)
 * and marks dropped rows in `reasons` (unless an earlier reason is already there), in this order:
 * - 'location-unparseable': a coordinate of a text column is text that is no number (the rows in
 *   `unparsed`, from `readLocationColumn`);
 * - 'location-null': either coordinate null or NaN;
 * - 'location-zero': both exactly 0 before any projection (a common "unknown" sentinel), or a
 *   projected point that lands within `NULL_ISLAND_DEG` of 0°, 0° (the same sentinel written in
 *   degrees and projected by the publisher's GIS: no incident happens in the Gulf of Guinea);
 * - 'location-out-of-range': |lat| > 90, |lng| > 180 or non-finite after projection (or the
 *   projection failed).
 * x/y are projected with proj4 from the mapping's CRS (`resolveCrs`: a registry code must have been
 * loaded with `loadCrs` first; its notes become warnings) to EPSG:4326, each distinct
 * point once (`memoiseProjection`). The 0/0 test comes first because 0/0 in a projected CRS is a
 * real place: Chicago's (36.62, −91.69) "Missouri" rows are x = y = 0 in EPSG:3435 (Illinois East),
 * the police data's "unknown" sentinel, projected by the publisher. Every
 * dropped row gets lat = lng = NaN whatever its earlier reason, so NaN marks "no usable location"
 * for the outlier rule. Columns must be numeric (any Int or Float width) or text holding numbers
 * (`readLocationColumn`). Latitude and longitude
 * exchanged are pointed out with the remedy (`swapVerdict`), in place of "the values look projected".
 *
 * @example
 * decodeLocation([chicago], { kind: 'latlng', lat: 'latitude', lng: 'longitude' }, lat, lng, reasons)
 * // → { crs: null, warnings: [] }; 13,084 rows marked 'location-null'
 */
export function decodeLocation(
  sources: readonly ArrowSource[],
  mapping: LocationMapping,
  lat: Float64Array,
  lng: Float64Array,
  reasons: Uint8Array,
): DecodedLocation {
  const [first, second] = locationColumns(sources, mapping);
  const unparsed: number[] = [];
  const notes: string[] = [];
  readLocationColumn(first, lat, unparsed, notes);
  readLocationColumn(second, lng, unparsed, notes);
  const located = locateRows(mapping, lat, lng, reasons, unparsed);
  return { ...located, warnings: [...notes, ...located.warnings] };
}

/**
 * The two mapped location columns of every file, in the order they are read into `lat` and
 * `lng`: latitude and longitude, or y (northing) and x (easting) — projected later in place.
 * @example locationColumns([chicago], { kind: 'latlng', lat: 'latitude', lng: 'longitude' })[0][0].field.name // → 'latitude'
 */
export function locationColumns(sources: readonly ArrowSource[], mapping: LocationMapping): [ColumnInput[], ColumnInput[]] {
  return mapping.kind === 'xy'
    ? [findColumn(sources, mapping.y, 'y (northing)'), findColumn(sources, mapping.x, 'x (easting)')]
    : [findColumn(sources, mapping.lat, 'latitude'), findColumn(sources, mapping.lng, 'longitude')];
}

/**
 * The second half of `decodeLocation`, over raw coordinates already read into `lat` and `lng`
 * (`readLocationColumn`: y/x for a projected mapping): marks drops, projects and warns as
 * `decodeLocation` describes; `unparsed` are the rows whose location text is no number. A streamed
 * load reads each record batch's coordinates and calls this once over all rows, so it decides
 * exactly as the whole-file load does.
 * @example locateRows({ kind: 'latlng', lat: 'latitude', lng: 'longitude' }, lat, lng, reasons) // → { crs: null, warnings: [] }
 */
export function locateRows(
  mapping: LocationMapping,
  lat: Float64Array,
  lng: Float64Array,
  reasons: Uint8Array,
  unparsed: readonly number[] = [],
): DecodedLocation {
  // Text that is no number was read as NaN; its rows get their own reason (ahead of 'location-null').
  for (const row of unparsed) if (reasons[row] === 0) reasons[row] = DROP_CODE['location-unparseable'];
  const xy = mapping.kind === 'xy';
  const resolved = xy ? resolveCrs(mapping.crs) : null;
  const project = resolved ? projector(resolved) : null;
  // `swapVerdict`'s counts are taken in this pass (for lat/lng, its "invalid" rows are the out-of-range ones here).
  const named = namedOpposite(mapping);
  const sample: SwapSample | null = mapping.kind === 'latlng' && !named ? { lats: [], lngs: [] } : null;
  let validSwapped = 0;
  const n = lat.length;
  let outOfRange = 0;
  let located = 0;
  let usable = 0;
  for (let i = 0; i < n; i++) {
    let a = lat[i];
    let b = lng[i];
    let code = 0;
    if (a !== a || b !== b) code = DROP_CODE['location-null'];
    else if (a === 0 && b === 0) code = DROP_CODE['location-zero'];
    else {
      located++;
      if (sample) {
        if (sample.lats.length < SWAP_SAMPLE) {
          sample.lats.push(a);
          sample.lngs.push(b);
        }
        if (Math.abs(b) <= 90 && Math.abs(a) <= 180) validSwapped++;
      }
      if (project) {
        const projected = project(b, a);
        b = projected[0];
        a = projected[1];
      }
      if (project && Math.abs(a) < NULL_ISLAND_DEG && Math.abs(b) < NULL_ISLAND_DEG) code = DROP_CODE['location-zero'];
      else if (!(Math.abs(a) <= 90 && Math.abs(b) <= 180)) {
        code = DROP_CODE['location-out-of-range'];
        outOfRange++;
      }
    }
    if (code === 0) {
      lat[i] = a;
      lng[i] = b;
      if (a === a) usable++;
    } else {
      lat[i] = NaN;
      lng[i] = NaN;
      if (reasons[i] === 0) reasons[i] = code;
    }
  }
  const swapped = named ?? (sample && mapping.kind === 'latlng' ? swapVerdict(mapping, located, outOfRange, validSwapped, sample) : null);
  const warnings: string[] = [...(resolved?.notes ?? [])];
  if (swapped) warnings.push(swapped);
  else if (located > 0 && outOfRange > located / 2) {
    warnings.push(
      xy
        ? `${outOfRange} of ${located} located rows fall outside valid latitude/longitude after projection from ${mapping.crs}: is that the right CRS?`
        : `${outOfRange} of ${located} located rows are not valid latitude/longitude degrees: the values look projected; map them as x/y with a CRS`,
    );
  }
  return { crs: resolved ? resolved.label : null, warnings, usable };
}

/**
 * Reads one location column of every file into `out` at each file's global rows, as numbers
 * (null → NaN). A numeric column is copied; a text column is read by
 * `readTextNumbers` in the one number format its values in that file decide
 * (`textNumberFormat`, with a CSV's delimiter), and the rows whose text is no number in it
 * ('N/A', 'NULL', '-') get NaN and are appended to `unparsed` (global rows), for `locateRows`
 * to drop as 'location-unparseable'. (A streamed load calls this per record batch, so there each
 * batch decides; `streamable` reads files with text coordinates whole.) Each text column read adds
 * a line to `notes` saying the format chosen, and the other reading when its values allowed one
 * (`textColumnNote`). Any other type is an InputError naming file, column and type.
 * @example readLocationColumn(findColumn([chicago], 'latitude', 'latitude'), lat, unparsed)
 */
export function readLocationColumn(inputs: readonly ColumnInput[], out: Float64Array, unparsed: number[], notes?: string[]): void {
  for (const { source, field, vector, start } of inputs) {
    const text = isStringType(field.type);
    if (!text && !isNumericType(field.type)) {
      throw new InputError(
        `location column '${field.name}' in file '${source.name}' has type ${String(field.type)}: expected a numeric type (Float64, Float32 or an integer) or text holding numbers`,
        { code: 'column-type', file: source.name, column: field.name },
      );
    }
    const delimiter = csvDelimiter(source.table.schema);
    const reading = text ? textNumberReading(vector.data, delimiter) : null;
    const format = reading?.format ?? 0;
    if (reading && notes) notes.push(textColumnNote(field.name, source.name, reading, delimiter));
    let at = start;
    for (const data of vector.data) {
      if (text) readTextNumbers(data, out, at, unparsed, format);
      else readNumbers(data, out, at);
      at += data.length;
    }
  }
}

/** A function projecting (x, y) in the CRS to [lng, lat], once per distinct point; [NaN, NaN] where proj4 fails. */
function projector({ label, definition }: ResolvedCrs): (x: number, y: number) => readonly number[] {
  let converter: proj4.Converter;
  try {
    converter = proj4(definition, 'EPSG:4326');
  } catch (error) {
    const why = error instanceof Error && error.message ? `: ${error.message}` : '';
    throw new InputError(`proj4 cannot use the CRS '${label}'${why}: expected an EPSG code or a valid proj4 string`, {
      code: 'crs-invalid',
      field: 'mapping.location.crs',
    });
  }
  const failed = [NaN, NaN];
  // Columns are (easting, northing), except in CRSs whose axes point west and south (+axis=wsu,
  // South Africa's Lo grids): there they hold (westing, southing), as published.
  const westSouth = /\+axis=(?:wsu|swu)\b/.test(definition);
  return memoiseProjection((point) => {
    try {
      return converter.forward(point, westSouth);
    } catch {
      return failed;
    }
  });
}

/**
 * How a text location column was read, for the load's warnings: the format and how many values it
 * read, and the reading with the other decimal separator (which gives other numbers) when at least
 * half as many values fit it, with why it lost.
 * @example textColumnNote('y', 'feet.csv', { format: NumberFormat.PointCommaGroups, read: 199, other: NumberFormat.Comma, otherRead: 199 }, ',')
 * // → "location column 'y' in file 'feet.csv' holds text: 199 values read as numbers with decimal point, ',' thousands (as many read with decimal comma, giving other numbers; chosen for a ','-delimited file); the rest (text, or numbers in another format) is dropped as location-unparseable"
 */
export function textColumnNote(column: string, file: string, reading: TextNumberReading, delimiter: string): string {
  const values = (n: number): string => `${n.toLocaleString('en-US')} value${n === 1 ? '' : 's'}`;
  const why = delimiter === '' ? 'a file with no delimiter to decide' : `a ${delimiter === '\t' ? 'tab' : `'${delimiter}'`}-delimited file`;
  const otherWords = NUMBER_FORMAT_TEXT[reading.other];
  const also =
    reading.other === 0 || reading.otherRead * 2 < reading.read
      ? ''
      : reading.otherRead === reading.read
        ? ` (as many read with ${otherWords}, giving other numbers; chosen for ${why})`
        : ` (${values(reading.otherRead)} read with ${otherWords} instead, giving other numbers; fewer)`;
  return `location column '${column}' in file '${file}' holds text: ${values(reading.read)} read as numbers with ${NUMBER_FORMAT_TEXT[reading.format]}${also}; the rest (text, or numbers in another format) is dropped as location-unparseable`;
}
