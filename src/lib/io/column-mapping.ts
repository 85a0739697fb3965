import type { Clock } from './incidents';
import { InputError } from './input-error';

/** Unit of an integer or float epoch column: seconds, milliseconds, microseconds, nanoseconds. */
export type EpochUnit = 's' | 'ms' | 'us' | 'ns';

/** All epoch units, coarsest first. */
export const EPOCH_UNITS: readonly EpochUnit[] = ['s', 'ms', 'us', 'ns'];

/**
 * How the time column is read. `auto` decides from the Arrow type (Timestamp, Date, number,
 * string); `epoch` and `iso` state it, so a column of another type is an error instead of a guess.
 */
export type TimeEncoding = 'auto' | 'epoch' | 'iso';

/** All time encodings. */
export const TIME_ENCODINGS: readonly TimeEncoding[] = ['auto', 'epoch', 'iso'];

/** Which column holds the time of each incident, and how to read it. */
export interface TimeMapping {
  readonly column: string;
  /** Default 'auto'. */
  readonly encoding?: TimeEncoding;
  /** Unit of a numeric epoch column; inferred from the magnitude (with a warning) when absent. */
  readonly unit?: EpochUnit;
  /**
   * IANA zone of the data: for wall-clock data the zone the readings were taken in, for instants
   * the zone to bucket them in. Default: the zone the file declares (Timestamp zone or metadata).
   */
  readonly timeZone?: string;
  /**
   * The clock the values are on, when the type's default is wrong for this export: 'instant'
   * reads zone-less Timestamps and ISO strings without an offset as UTC instants (many systems
   * export UTC without saying so); 'wall' reads epoch numbers as local wall-clock readings.
   * Timestamps with a zone and strings with an offset are always instants, Date32/Date64 always
   * wall-clock dates. Default: from the type.
   */
  readonly clock?: Clock;
}

/** The clocks a time mapping may declare. */
export const CLOCKS: readonly Clock[] = ['instant', 'wall'];

/** Where each incident happened: WGS84 degrees, or projected x/y with a CRS. */
export type LocationMapping =
  | { readonly kind: 'latlng'; readonly lat: string; readonly lng: string }
  /** `crs`: an EPSG code ('EPSG:2913' or '2913') or a proj4 string ('+proj=…'). */
  | { readonly kind: 'xy'; readonly x: string; readonly y: string; readonly crs: string };

/**
 * How the columns of an incident file map onto `Incidents`: a plain JSON-serialisable object,
 * so it can live in the app's URL and in CLI flags.
 *
 * @example
 * const chicago: ColumnMapping = {
 *   time: { column: 'occurred_at', timeZone: 'America/Chicago' },
 *   location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
 *   category: 'primary_type',
 * };
 */
export interface ColumnMapping {
  readonly time: TimeMapping;
  readonly location: LocationMapping;
  /** Column of the incident category (Utf8, dictionary, integer or bool); null/absent: none. */
  readonly category?: string | null;
  /**
   * Column naming the place of each incident in words (district, beat, neighbourhood, ward,
   * address block): cells are named by its most common value (`cellPlaceNames`), and the load's
   * drops are broken down by it. Null/absent: none.
   */
  readonly place?: string | null;
  /** Keep only rows whose category is one of these; others are dropped as 'category-filtered'. */
  readonly categories?: readonly string[];
  /** Keep only rows with start ≤ time < end (epoch ms on the data's clock); others are 'time-filtered'. */
  readonly timeRange?: readonly [number, number];
  /** Keep rows flagged as 'location-outlier' or 'time-outlier' (counted as kept, with a warning). Default false. */
  readonly keepOutliers?: boolean;
  /**
   * Rows that repeat an earlier row in every column: 'keep' them (the default; a warning counts
   * them, with examples) or 'drop' them as 'duplicate'.
   */
  readonly duplicates?: DuplicateChoice;
}

/** What to do with rows that repeat an earlier row in every column. */
export type DuplicateChoice = 'keep' | 'drop';

/** The duplicate choices, the default first. */
export const DUPLICATE_CHOICES: readonly DuplicateChoice[] = ['keep', 'drop'];

/**
 * Validates an untrusted value (parsed JSON from a URL or a CLI flag) as a `ColumnMapping`,
 * throwing an `InputError` that names the offending field, what it held and what was expected.
 *
 * @example
 * parseColumnMapping({ time: { column: 't' }, location: { kind: 'latlng', lat: 'y', lng: 'x' } })
 * // → the same object, typed
 */
export function parseColumnMapping(value: unknown): ColumnMapping {
  const root = record(value, 'mapping');
  const time = record(root.time, 'mapping.time');
  const location = record(root.location, 'mapping.location');
  const encoding = optionalOneOf(time.encoding, TIME_ENCODINGS, 'mapping.time.encoding');
  const unit = optionalOneOf(time.unit, EPOCH_UNITS, 'mapping.time.unit');
  const timeZone = optionalString(time.timeZone, 'mapping.time.timeZone');
  const clock = optionalOneOf(time.clock, CLOCKS, 'mapping.time.clock');
  const timeMapping: TimeMapping = {
    column: text(time.column, 'mapping.time.column'),
    ...(encoding !== undefined && { encoding }),
    ...(unit !== undefined && { unit }),
    ...(timeZone !== undefined && { timeZone }),
    ...(clock !== undefined && { clock }),
  };
  let locationMapping: LocationMapping;
  if (location.kind === 'latlng') {
    locationMapping = { kind: 'latlng', lat: text(location.lat, 'mapping.location.lat'), lng: text(location.lng, 'mapping.location.lng') };
  } else if (location.kind === 'xy') {
    locationMapping = {
      kind: 'xy',
      x: text(location.x, 'mapping.location.x'),
      y: text(location.y, 'mapping.location.y'),
      crs: text(location.crs, 'mapping.location.crs'),
    };
  } else {
    throw new InputError(`mapping.location.kind is ${show(location.kind)}: expected 'latlng' or 'xy'`, invalid('mapping.location.kind'));
  }
  const mapping: { -readonly [K in keyof ColumnMapping]: ColumnMapping[K] } = { time: timeMapping, location: locationMapping };
  if (root.category !== undefined) mapping.category = root.category === null ? null : text(root.category, 'mapping.category');
  if (root.place !== undefined) mapping.place = root.place === null ? null : text(root.place, 'mapping.place');
  if (root.categories !== undefined) {
    if (!Array.isArray(root.categories))
      throw new InputError(`mapping.categories is ${show(root.categories)}: expected an array of strings`, invalid('mapping.categories'));
    mapping.categories = root.categories.map((c, i) => text(c, `mapping.categories[${i}]`));
  }
  if (root.timeRange !== undefined) {
    const range = root.timeRange;
    if (!Array.isArray(range) || range.length !== 2 || !range.every((t) => typeof t === 'number' && Number.isFinite(t)) || range[0] >= range[1]) {
      throw new InputError(`mapping.timeRange is ${show(range)}: expected [startMs, endMs] with start < end`, invalid('mapping.timeRange'));
    }
    mapping.timeRange = [range[0], range[1]];
  }
  if (root.keepOutliers !== undefined) {
    if (typeof root.keepOutliers !== 'boolean')
      throw new InputError(`mapping.keepOutliers is ${show(root.keepOutliers)}: expected true or false`, invalid('mapping.keepOutliers'));
    mapping.keepOutliers = root.keepOutliers;
  }
  const duplicates = optionalOneOf(root.duplicates, DUPLICATE_CHOICES, 'mapping.duplicates');
  if (duplicates !== undefined) mapping.duplicates = duplicates;
  return mapping;
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${path} is ${show(value)}: expected an object`, invalid(path));
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new InputError(`${path} is ${show(value)}: expected a non-empty string`, invalid(path));
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : text(value, path);
}

function optionalOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new InputError(`${path} is ${show(value)}: expected one of ${allowed.join(', ')}`, invalid(path));
  return value as T;
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return `'${value}'`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The code and field of a malformed mapping entry at `path`. */
function invalid(path: string): { code: 'mapping-invalid'; field: string } {
  return { code: 'mapping-invalid', field: path };
}
