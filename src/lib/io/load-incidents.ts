import { didYouMeanZone } from '../base/closest-time-zones';
import { isTimeZone } from '../base/time-zone';
import type { ColumnMapping } from './column-mapping';
import { decodeCategory } from './decode-category';
import { locateRows, locationColumns, readLocationColumn } from './decode-location';
import { decodeTime, type DecodedTime } from './decode-time';
import { DROP_CODE } from './drop-codes';
import { describeDrops } from './describe-drops';
import { duplicatesWarning, type RepeatPair } from './duplicates-warning';
import { dropsByValue, lostValueWarning } from './drops-by-value';
import { exampleRows, fileRow, MAX_EXAMPLES_PER_REASON, rawExampleValues, type CountedSource } from './drop-examples';
import { columnsOf, duplicateCandidates, repeatedByColumns, schemaKeys } from './find-duplicates';
import { findColumn } from './find-column';
import { formatTime } from './format-cell';
import { DROP_REASONS, emptyDropCounts, type DropReason, type Incidents } from './incidents';
import { crsPlacementWarning } from './crs-placement-warning';
import { InputError } from './input-error';
import { landMaskIfLoaded } from './land-mask';
import { crsAreaIfLoaded } from './load-crs';
import { markOutliers, type MarkedOutliers } from './mark-outliers';
import { timeOutlierRule } from './time-outliers';
import type { ArrowSource } from './read-arrow';

/**
 * Loads one or more incident files as one dataset, following `mapping`: decodes time
 * (`decodeTime`), location (`decodeLocation`), the outlier rule (`outlierRule`) and the category
 * (`decodeCategory`), applies the category and time filters, and keeps exact row accounting —
 * every row read is kept or counted under the first drop reason that applies, in DROP_REASONS
 * order — records a text reader could not make rows of (`source.dropped`) count as read and
 * dropped too — so `report.read === report.kept + Σ report.dropped` always, with up to 5 examples a reason.
 * Files load together when their mapped columns agree in type (an `InputError` names both files
 * and the column otherwise); categories from all files merge into one dictionary, sorted by
 * UTF-16 code units, holding only values some kept row has. The zone is `mapping.time.timeZone`,
 * else the one the data declares (Timestamp zone or metadata), else null.
 * Columns are read chunk by chunk from their buffers (no per-row `.get`).
 *
 * @example
 * loadIncidents([chicago], {
 *   time: { column: 'occurred_at' },
 *   location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
 *   category: 'primary_type',
 * }).report // → { read: 1306393, kept: 1293304, dropped: { 'location-null': 13084, 'location-outlier': 5, … }, … }
 */
export function loadIncidents(sources: readonly ArrowSource[], mapping: ColumnMapping): Incidents {
  if (sources.length === 0) throw new InputError('no incident files given: expected at least one Arrow file', { code: 'no-files' });
  checkLoadMapping(mapping);
  const rows = newRowArrays(
    sources.reduce((sum, source) => sum + source.table.numRows, 0),
    mapping,
  );
  const timeInputs = findColumn(sources, mapping.time.column, 'time');
  const decodedTime = decodeTime(timeInputs, mapping.time, rows.time, rows.reasons);
  const [first, second] = locationColumns(sources, mapping.location);
  const unparsed: number[] = [];
  const locationNotes: string[] = [];
  readLocationColumn(first, rows.lat, unparsed, locationNotes);
  readLocationColumn(second, rows.lng, unparsed, locationNotes);
  const values = mapping.category ? decodeCategory(findColumn(sources, mapping.category, 'category'), rows.codes) : [];
  const placeValues = mapping.place && rows.placeCodes ? decodeCategory(findColumn(sources, mapping.place, 'place'), rows.placeCodes) : [];
  const settled = settleLoad(mapping, { ...rows, values, placeValues, decodedTime, unparsed, locationNotes });
  const repeated = repeatedAmong(sources, settled.candidates);
  const raw = new Map(settled.picks.map(({ row, reason }) => [row, rawValuesAt(sources, row, reason, mapping)]));
  return completeLoad(sources, mapping, settled, repeated, raw);
}

function rawValuesAt(sources: readonly ArrowSource[], row: number, reason: DropReason, mapping: ColumnMapping): Record<string, string> {
  const { source, local } = fileRow(sources, row);
  return rawExampleValues(source.table, local, reason, mapping);
}

function repeatedAmong(sources: readonly ArrowSource[], candidates: Int32Array): Map<number, number> {
  const keys = schemaKeys(sources.map((source) => source.table.schema));
  const columns = sources.map((source) => columnsOf(source.table));
  return repeatedByColumns(candidates, (i) => {
    const { source, local } = fileRow(sources, candidates[i]);
    const file = sources.indexOf(source);
    return { key: keys[file], columns: columns[file], row: local };
  });
}

/**
 * Checks what a mapping asks of any load before a row is read: a known time zone (else an
 * error naming the closest zones, `didYouMeanZone`), and a
 * category filter only with a category column (InputErrors naming the mapping field).
 * @example checkLoadMapping({ time: { column: 't', timeZone: 'Mars/Base' }, … }) // throws 'time-zone-unknown'
 */
export function checkLoadMapping(mapping: ColumnMapping): void {
  const zone = mapping.time.timeZone;
  if (zone !== undefined && !isTimeZone(zone)) {
    throw new InputError(`time zone '${zone}' is not a known IANA zone${didYouMeanZone(zone)}: expected a name such as 'America/Chicago' or 'UTC'`, {
      code: 'time-zone-unknown',
      field: 'mapping.time.timeZone',
    });
  }
  if (mapping.categories && !mapping.category) {
    throw new InputError('a category filter (mapping.categories) needs a category column (mapping.category)', {
      code: 'category-filter-without-column',
      field: 'mapping.category',
    });
  }
}

/** The per-row arrays a load decodes into (one entry per row read, files in order). */
export interface RowArrays {
  readonly reasons: Uint8Array;
  readonly time: Float64Array;
  /** Latitude, or y (northing) before `locateRows` projects it. */
  readonly lat: Float64Array;
  /** Longitude, or x (easting) before `locateRows` projects it. */
  readonly lng: Float64Array;
  readonly codes: Int32Array;
  readonly placeCodes: Int32Array | null;
}

/**
 * Zeroed per-row arrays for `read` rows (29 bytes a row, 33 with a place column); codes −1.
 * `floats` allocates the time, lat and lng arrays (a shell may put them on shared memory).
 * @example newRowArrays(3, mapping).codes // → Int32Array [-1, -1, -1]
 */
export function newRowArrays(read: number, mapping: ColumnMapping, floats = (rows: number): Float64Array => new Float64Array(rows)): RowArrays {
  return {
    reasons: new Uint8Array(read),
    time: floats(read),
    lat: floats(read),
    lng: floats(read),
    codes: new Int32Array(read).fill(-1),
    placeCodes: mapping.place ? new Int32Array(read).fill(-1) : null,
  };
}

/** Every row decoded: time finished (`finishTime`), raw coordinates read, category and place codes with their values. */
export interface DecodedRows extends RowArrays {
  readonly values: string[];
  readonly placeValues: string[];
  readonly decodedTime: DecodedTime;
  /** Rows whose location text is no number (`readLocationColumn`), in any order, maybe repeated. */
  readonly unparsed?: readonly number[];
  /** How text location columns were read (`textColumnNote`), for the warnings. */
  readonly locationNotes?: readonly string[];
}

/** A load after every rule that needs only the decoded arrays; what it still needs of the raw rows is `candidates` and `picks`. */
export interface SettledLoad extends DecodedRows {
  readonly warnings: string[];
  readonly outliers: MarkedOutliers;
  /** Rows whose whole text decides whether they repeat an earlier row (`duplicateCandidates`). */
  readonly candidates: Int32Array;
  /** Dropped rows shown as examples whose raw values are quoted (`exampleRows`, before duplicates are dropped). */
  readonly picks: readonly { row: number; reason: DropReason }[];
}

/**
 * The rules of `loadIncidents` that look at every row, run on the decoded arrays alone: the
 * time-outlier rule, locating (drops, projection, `locateRows`), location and time outliers,
 * the CRS placement check, the category and time filters, and stage 1 of the duplicate finder.
 * A streamed load calls it once every record batch has been decoded and released, so both
 * loads decide the same.
 * @example settleLoad(mapping, decoded).candidates // → rows to compare as whole rows
 */
export function settleLoad(mapping: ColumnMapping, rows: DecodedRows): SettledLoad {
  const { reasons, time, lat, lng, codes, values } = rows;
  const read = reasons.length;
  const warnings: string[] = [...rows.decodedTime.warnings, ...(rows.locationNotes ?? [])];
  // Both counts were taken by the passes before (`finishTime`, `locateRows`), on the rows as they are here.
  const timeRule = timeOutlierRule(time, reasons, rows.decodedTime.timed);
  const located = locateRows(mapping.location, lat, lng, reasons, rows.unparsed);
  warnings.push(...located.warnings);
  const outliers = markOutliers(lat, lng, time, reasons, timeRule, mapping.keepOutliers === true, located.usable);
  warnings.push(...outliers.warnings);
  if (mapping.location.kind === 'xy') {
    const area = crsAreaIfLoaded(mapping.location.crs);
    const placed = area && crsPlacementWarning(mapping.location.crs, area, lat, lng, reasons, landMaskIfLoaded());
    if (placed) warnings.push(placed);
  }
  if (mapping.categories) {
    const allowed = new Set(mapping.categories);
    const keep = Uint8Array.from(values, (value) => (allowed.has(value) ? 1 : 0));
    const present = new Set(values); // a Set: 100,000 categories with 99,999 ticked must not cost 10^10 comparisons
    for (const wanted of mapping.categories) {
      if (!present.has(wanted)) warnings.push(`category filter value '${wanted}' does not occur in column '${mapping.category ?? '(none)'}'`);
    }
    for (let i = 0; i < read; i++) {
      if (reasons[i] === 0 && (codes[i] < 0 || keep[codes[i]] === 0)) reasons[i] = DROP_CODE['category-filtered'];
    }
  }
  if (mapping.timeRange) {
    const [start, end] = mapping.timeRange;
    for (let i = 0; i < read; i++) if (reasons[i] === 0 && !(time[i] >= start && time[i] < end)) reasons[i] = DROP_CODE['time-filtered'];
  }
  const candidates = duplicateCandidates(time, lat, lng, codes, reasons);
  const picks = exampleRows(reasons).filter(({ reason }) => reason !== 'duplicate');
  return { ...rows, warnings, outliers, candidates, picks };
}

/** What the end of a load needs of each file: its name, bytes, rows and the records its reader could not make rows of. */
export type LoadedFile = CountedSource & Pick<ArrowSource, 'bytes' | 'dropped'>;

/**
 * The end of `loadIncidents` once the raw rows it quotes have been read: stage 2 of the
 * duplicate finder's result (`duplicateOf`: each repeating candidate row, ascending, → the earlier
 * row it repeats, `repeatedByColumns`), the drop counts, breakdowns and examples (`raw`: each
 * picked row's raw values, `rawExampleValues`), the final dictionaries and the kept rows compacted.
 * @example completeLoad(sources, mapping, settled, repeatedByColumns(settled.candidates, placeOf), raw).report.read // → rows read
 */
export function completeLoad(
  sources: readonly LoadedFile[],
  mapping: ColumnMapping,
  settled: SettledLoad,
  duplicateOf: ReadonlyMap<number, number>,
  raw: ReadonlyMap<number, Record<string, string>>,
): Incidents {
  const { reasons, time, lat, lng, codes, values, placeCodes, placeValues, decodedTime, outliers, warnings } = settled;
  const read = reasons.length;
  const zone = mapping.time.timeZone;
  const where = (row: number): string => {
    const { source, record } = fileRow(sources, row);
    return `${source.name} row ${record.toLocaleString('en-US')}`;
  };
  const repeats: RepeatPair[] = [];
  for (const [row, of] of duplicateOf) {
    if (repeats.length < MAX_EXAMPLES_PER_REASON) {
      const [a, b] = [fileRow(sources, row), fileRow(sources, of)];
      const [source, ofSource] = [sources.indexOf(a.source), sources.indexOf(b.source)];
      repeats.push({ source, file: a.source.name, row: a.record, ofSource, ofFile: b.source.name, ofRow: b.record });
    }
    if (mapping.duplicates === 'drop') reasons[row] = DROP_CODE.duplicate;
  }
  if (duplicateOf.size > 0 && mapping.duplicates !== 'drop') warnings.push(duplicatesWarning(duplicateOf.size, repeats));

  const dropped = emptyDropCounts();
  let kept = 0;
  for (let i = 0; i < read; i++) {
    const code = reasons[i];
    if (code === 0) kept++;
    else dropped[DROP_REASONS[code - 1]]++;
  }
  // Records a text reader could not make rows of (a CSV record with the wrong field count, a GeoJSON feature without a Point).
  const unread = (source: LoadedFile): number => Object.values(source.dropped?.counts ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
  for (const source of sources) for (const [reason, n] of Object.entries(source.dropped?.counts ?? {})) dropped[reason as DropReason] += n ?? 0;
  const records = read + sources.reduce((sum, source) => sum + unread(source), 0);
  const breakdown = [
    ...(mapping.category ? [dropsByValue('category', mapping.category, values, codes, reasons, leftOut(values, mapping.categories))] : []),
    ...(mapping.place && placeCodes
      ? [dropsByValue('place', mapping.place, placeValues, placeCodes, reasons, placesLeftOut(placeValues, placeCodes, values, codes, mapping.categories))]
      : []),
  ];
  // With no row kept at all, the one warning below says why; naming each value would repeat it.
  for (const { role, values: entries, lost } of kept > 0 ? breakdown : []) {
    const named = new Set(lost.slice(0, 10));
    for (const entry of entries) if (entry.value !== null && named.has(entry.value)) warnings.push(lostValueWarning(role, entry));
    if (lost.length > named.size)
      warnings.push(`${(lost.length - named.size).toLocaleString('en-US')} more ${role} values lost every row (${lost.slice(10, 13).join(', ')}, …)`);
  }
  const { categories, remap } = finalDictionary(values, codes, reasons);
  const placeDictionary = placeCodes ? finalDictionary(placeValues, placeCodes, reasons) : null;
  if (kept === 0 && read > 0) warnings.push(`no rows kept: all ${records.toLocaleString('en-US')} rows were dropped: ${describeDrops(dropped)}`);

  const parsing = sources.flatMap((source) => source.dropped?.examples ?? []);
  // Examples read the decoded values of dropped rows: before the kept rows move down below.
  const examples = exampleRows(reasons).map(({ row, reason }) => {
    const { source, record } = fileRow(sources, row);
    return { file: source.name, row: record, reason, values: { ...(raw.get(row) ?? {}), ...explain(row, reason) } };
  });
  function explain(row: number, reason: DropReason): Record<string, string> {
    if (reason === 'location-outlier' && outliers.location) {
      const where: Record<string, string> = mapping.location.kind === 'xy' ? { lat: lat[row].toFixed(6), lng: lng[row].toFixed(6) } : {};
      return { ...where, ...outliers.explain(row, reason) };
    }
    if (reason === 'duplicate') return { repeats: where(duplicateOf.get(row)!) };
    if (reason === 'time-filtered' || reason === 'time-outlier') return { time: formatTime(time[row], decodedTime.clock), ...outliers.explain(row, reason) };
    return {};
  }
  const out = compactKept(reasons, kept, time, lat, lng, codes, remap, placeCodes, placeDictionary?.remap ?? null);
  return {
    length: kept,
    time: out.time,
    lat: out.lat,
    lng: out.lng,
    category: out.category,
    categories,
    ...(out.place && placeDictionary && { place: out.place, places: placeDictionary.categories }),
    clock: decodedTime.clock,
    timeZone: zone ?? decodedTime.declaredZone?.value ?? null,
    report: {
      files: sources.map((source) => ({ name: source.name, rows: source.table.numRows + unread(source), bytes: source.bytes })),
      read: records,
      kept,
      dropped,
      examples: [...parsing, ...examples],
      warnings,
      ...(breakdown.length > 0 && { breakdown }),
    },
  };
}

/**
 * The kept rows' values moved to the front of the per-row arrays, in order (row k ≤ i, so in
 * place), with category and place codes remapped to the final dictionaries. When at least three
 * rows in four are kept the result views those arrays (no second set of 20 M-row arrays); with
 * fewer, a copy of the right size, so a filtered load does not hold the unfiltered rows' memory.
 */
function compactKept(
  reasons: Uint8Array,
  kept: number,
  time: Float64Array,
  lat: Float64Array,
  lng: Float64Array,
  codes: Int32Array,
  remap: Int32Array,
  placeCodes: Int32Array | null,
  placeRemap: Int32Array | null,
): { time: Float64Array; lat: Float64Array; lng: Float64Array; category: Int32Array; place: Int32Array | null } {
  for (let i = 0, k = 0; i < reasons.length; i++) {
    if (reasons[i] !== 0) continue;
    time[k] = time[i];
    lat[k] = lat[i];
    lng[k] = lng[i];
    codes[k] = codes[i] < 0 ? -1 : remap[codes[i]];
    if (placeCodes && placeRemap) placeCodes[k] = placeCodes[i] < 0 ? -1 : placeRemap[placeCodes[i]];
    k++;
  }
  const view = 4 * kept >= 3 * reasons.length;
  const cut = <T extends Float64Array | Int32Array>(array: T): T => (view ? array.subarray(0, kept) : array.slice(0, kept)) as T;
  return { time: cut(time), lat: cut(lat), lng: cut(lng), category: cut(codes), place: placeCodes && cut(placeCodes) };
}

/** The values some kept row uses, sorted and de-duplicated, and the provisional → final code map. */
function finalDictionary(values: readonly string[], codes: Int32Array, reasons: Uint8Array): { categories: string[]; remap: Int32Array } {
  const used = new Uint8Array(values.length);
  for (let i = 0; i < codes.length; i++) if (reasons[i] === 0 && codes[i] >= 0) used[codes[i]] = 1;
  const categories = [...new Set(values.filter((_, code) => used[code] === 1))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const finalCode = new Map(categories.map((value, code) => [value, code]));
  const remap = Int32Array.from(values, (value) => finalCode.get(value) ?? -1);
  return { categories, remap };
}

/** The values a category filter leaves out (none without a filter): `dropsByValue` does not call them lost. */
function leftOut(values: readonly string[], categories: readonly string[] | undefined | null): ReadonlySet<string> {
  if (!categories) return new Set();
  const allowed = new Set(categories);
  return new Set(values.filter((value) => !allowed.has(value)));
}

/**
 * The places a category filter leaves out entirely (none without a filter): those with no row of
 * a category it keeps. `dropsByValue` does not call them lost, though some of their rows were
 * dropped first for another reason; a place with a row the filter keeps is named when it loses all.
 */
function placesLeftOut(
  places: readonly string[],
  placeCodes: Int32Array,
  categoryValues: readonly string[],
  categoryCodes: Int32Array,
  categories: readonly string[] | undefined | null,
): ReadonlySet<string> {
  if (!categories) return new Set();
  const allowed = new Set(categories);
  const keeps = categoryValues.map((value) => allowed.has(value));
  const reached = new Set<string>();
  for (let i = 0; i < placeCodes.length; i++) {
    const category = categoryCodes[i];
    if (placeCodes[i] >= 0 && category >= 0 && keeps[category]) reached.add(places[placeCodes[i]]);
  }
  return new Set(places.filter((place) => !reached.has(place)));
}
