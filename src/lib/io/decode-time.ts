import { DataType, DateUnit, TimeUnit, type Data } from 'apache-arrow';
import { isTimeZone } from '../base/time-zone';
import type { EpochUnit, TimeMapping } from './column-mapping';
import { decodeIsoChunk, isoClock, isStringType, type IsoSeen } from './decode-iso-time';
import { dateOrderOf, type DateOrder } from './parse-slash-time';
import { DROP_CODE } from './drop-codes';
import { checkTimeUnit } from './check-time-unit';
import { assertSameFamily, type ColumnInput } from './find-column';
import type { Clock } from './incidents';
import { inferEpochUnit } from './infer-epoch-unit';
import { InputError } from './input-error';
import { int64ToMs } from './int64-to-number';
import { isPlausibleTime } from './plausible-time';
import { timeZoneHint, type MetadataHint } from './metadata-hints';
import { readNumbers } from './read-numbers';

/** The time column decoded: its clock, the zone the data declares (if any), and warnings. */
export interface DecodedTime {
  readonly clock: Clock;
  /** A Timestamp's own IANA zone, else a zone named in the file's metadata; null if neither. */
  readonly declaredZone: MetadataHint | null;
  /** The epoch unit used for a Timestamp or numeric column (declared or inferred); null for other types. */
  readonly unit: EpochUnit | null;
  readonly warnings: readonly string[];
  /** Rows with a usable time (no drop reason once decoded): what `timeOutlierRule` would count first. */
  readonly timed?: number;
}

/** Kinds of time column that load together: each decodes to one clock. */
export type TimeFamily = 'zoned timestamp' | 'wall-clock timestamp or date' | 'numeric epoch' | 'ISO-8601 strings';

/** Largest |epoch ms| a JavaScript Date accepts (±100,000,000 days). */
const MAX_MS = 8.64e15;
const UNIT_OF: Record<TimeUnit, EpochUnit> = {
  [TimeUnit.SECOND]: 's',
  [TimeUnit.MILLISECOND]: 'ms',
  [TimeUnit.MICROSECOND]: 'us',
  [TimeUnit.NANOSECOND]: 'ns',
};
const MS_PER_UNIT: Record<EpochUnit, number> = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };
const EXPECTED = 'expected a Timestamp, Date32/Date64, an integer or float epoch, or ISO-8601 strings';

/**
 * The family of an Arrow type as a time column, or null if it cannot hold times.
 *
 * @example
 * timeFamily(new TimestampMillisecond()) // → 'wall-clock timestamp or date'
 */
export function timeFamily(type: DataType): TimeFamily | null {
  if (DataType.isTimestamp(type)) return type.timezone ? 'zoned timestamp' : 'wall-clock timestamp or date';
  if (DataType.isDate(type)) return 'wall-clock timestamp or date';
  if (DataType.isInt(type) || DataType.isFloat(type)) return 'numeric epoch';
  if (isStringType(type)) return 'ISO-8601 strings';
  return null;
}

/**
 * Decodes the time column of every file into epoch ms — the one audited place where Arrow
 * time encodings become numbers. `out[row]` receives the time of each global row; `reasons[row]`
 * is set to 'time-null' (null, NaN, blank string, INT64_MIN — NumPy's NaT), 'time-unparseable'
 * (a bad string) or 'time-implausible' (before 1900, from 2100 on, or an int64 beyond the Date
 * range: `isPlausibleTime`); a row so marked gets `out[row] = NaN`. Per type:
 * - Timestamp (s/ms/µs/ns) with a zone → instants; without → wall-clock readings (UTC-encoded).
 *   int64 → ms exactly, rounding toward −∞, via `int64ToMs` (no BigInt per element). The unit is
 *   the type's unless `mapping.unit` overrides it; a type's unit the values contradict (epoch
 *   seconds in a Timestamp[ms]) is an InputError naming the unit that fits (`checkTimeUnit`).
 * - Date32 (days) / Date64 (ms) → wall-clock midnight of the date.
 * - Integer or float epoch in `mapping.unit` → instants; integers round toward −∞, floats to the
 *   nearest ms (a float carries representation error both ways). Without a unit, it is inferred
 *   from the magnitude (`inferEpochUnit`) with a warning, or the user is asked for it.
 * - ISO-8601 strings (Utf8 or dictionary) → see `decodeIsoChunk`; mixing offset and no-offset
 *   strings is an error.
 * `mapping.clock` overrides the clock where the values allow it (see `TimeMapping.clock`).
 *
 * @example
 * decodeTime(findColumn([chicago], 'occurred_at', 'time'), { column: 'occurred_at' }, out, reasons)
 * // → { clock: 'wall', declaredZone: { value: 'America/Chicago', … }, unit: 'ms', warnings: [] }
 */
export function decodeTime(inputs: readonly ColumnInput[], mapping: TimeMapping, out: Float64Array, reasons: Uint8Array): DecodedTime {
  checkTimeColumns(inputs, mapping);
  const plan = timePlan(inputs, mapping);
  const seen: IsoSeen = { instants: [], walls: [] };
  for (const input of inputs) {
    let at = input.start;
    for (const data of input.vector.data) {
      decodeTimeChunk(plan, data, out, at, reasons, seen);
      at += data.length;
    }
  }
  const warnings = [...plan.warnings];
  if (plan.family === 'ISO-8601 strings') {
    const unparseable = unparseableWarning(inputs, reasons);
    if (unparseable) warnings.push(unparseable);
  }
  const clock = plan.family === 'ISO-8601 strings' ? isoClock(seen, inputs) : null;
  return finishTime(plan, inputs[0], mapping, out, reasons, clock, warnings);
}

/** How a time column is read, decided from its type and values before any row is decoded (`timePlan`). */
export interface TimePlan {
  readonly family: TimeFamily;
  readonly unit: EpochUnit | null;
  readonly dates: DateOrder | null;
  readonly warnings: readonly string[];
}

/**
 * Checks that every file's time column can be read as `mapping.time.encoding` asks and that the
 * files agree in type family; an InputError naming file, column and type otherwise.
 * @example checkTimeColumns(findColumn([chicago], 'occurred_at', 'time'), { column: 'occurred_at' }) // passes
 */
export function checkTimeColumns(inputs: readonly ColumnInput[], mapping: TimeMapping): void {
  const encoding = mapping.encoding ?? 'auto';
  for (const { source, field } of inputs) {
    const family = timeFamily(field.type);
    const wanted = encoding === 'epoch' ? family === 'numeric epoch' : encoding === 'iso' ? family === 'ISO-8601 strings' : family !== null;
    if (!wanted) {
      const expected =
        encoding === 'epoch'
          ? "expected an integer or float column for encoding 'epoch'"
          : encoding === 'iso'
            ? "expected Utf8 or Dictionary<Utf8> strings for encoding 'iso'"
            : EXPECTED;
      throw new InputError(`time column '${field.name}' in file '${source.name}' has type ${String(field.type)}: ${expected}`, {
        code: 'column-type',
        file: source.name,
        column: field.name,
      });
    }
  }
  assertSameFamily(inputs, (input) => timeFamily(input.field.type), 'time');
}

/**
 * The epoch unit (declared, the type's, or inferred from the values' magnitude), the date order
 * of day/month strings and the warnings these choices give, looked up in `inputs` — the whole
 * column for a whole-file load, the first record batch for a streamed one.
 * @example timePlan(findColumn([chicago], 'occurred_at', 'time'), { column: 'occurred_at' }).unit // → 'ms'
 */
export function timePlan(inputs: readonly ColumnInput[], mapping: TimeMapping): TimePlan {
  const { field } = inputs[0];
  const family = timeFamily(field.type) as TimeFamily;
  const warnings: string[] = [];
  let unit: EpochUnit | null = null;
  if (DataType.isTimestamp(field.type)) {
    // A declared mapping unit overrides the type's: the way to read epoch seconds stored as Timestamp[ms].
    unit = mapping.unit ?? UNIT_OF[field.type.unit as TimeUnit];
    const warning = checkTimeUnit(inputs, unit, mapping.unit !== undefined);
    if (warning) warnings.push(warning);
  } else if (family === 'numeric epoch' && mapping.unit !== undefined) {
    unit = mapping.unit;
    const warning = checkTimeUnit(inputs, unit, true);
    if (warning) warnings.push(warning);
  } else if (family === 'numeric epoch') {
    unit = mapping.unit ?? null;
    if (unit === null) {
      const inferred = inferEpochUnit(inputs.flatMap((input) => input.vector.data));
      if (inferred.unit === null) {
        throw new InputError(
          `time column '${field.name}' holds numbers (median |value| ${inferred.median.toPrecision(3)}) that do not look like ` +
            'epoch seconds, ms, µs or ns between 1973 and 2286: declare the unit (s, ms, us or ns) in the mapping',
          { code: 'time-unit-unknown', column: field.name, field: 'mapping.time.unit' },
        );
      }
      unit = inferred.unit;
      warnings.push(
        `time column '${field.name}' has no declared unit: read as epoch ${unit} because the median |value| ` +
          `${inferred.median.toPrecision(3)} lies in that unit's 1973–2286 range; declare the unit to confirm`,
      );
    }
  }
  const dates = family === 'ISO-8601 strings' ? dateOrderOf(sampleTexts(inputs)) : null;
  if (dates?.ambiguous) {
    warnings.push(
      `time column '${field.name}' writes dates with the year last and no day above 12 in the values sampled: read as month/day/year (the US order); ` +
        'if the file is day/month/year, rewrite the dates as ISO-8601 (2018-01-31)',
    );
  }
  return { family, unit, dates: dates?.order ?? null, warnings };
}

/**
 * Decodes one chunk of a time column into `out[at …]` as `plan` says, marking null and
 * unreadable rows in `reasons` (ISO strings note the kind of each value in `seen`).
 * @example decodeTimeChunk(plan, batch.getChild('occurred_at').data[0], out, 0, reasons, seen)
 */
export function decodeTimeChunk(plan: TimePlan, data: Data, out: Float64Array, at: number, reasons: Uint8Array, seen: IsoSeen): void {
  if (plan.family === 'ISO-8601 strings') decodeIsoChunk(data, out, at, reasons, seen, plan.dates ?? undefined);
  else decodeNumericChunk(data, plan.unit, out, at, reasons);
}

/**
 * The last step over the whole decoded column: implausible times marked, every dropped row's
 * time set to NaN, and the clock (`clock`: the ISO strings' own, else from the type) and the
 * declared zone chosen.
 * @example finishTime(plan, first, mapping, out, reasons, null, plan.warnings).clock // → 'wall'
 */
export function finishTime(
  plan: TimePlan,
  first: ColumnInput,
  mapping: TimeMapping,
  out: Float64Array,
  reasons: Uint8Array,
  isoClockSeen: Clock | null,
  warnings: readonly string[],
): DecodedTime {
  let timed = 0;
  for (let i = 0; i < out.length; i++) {
    if (reasons[i] === 0 && !isPlausibleTime(out[i])) reasons[i] = DROP_CODE['time-implausible'];
    if (reasons[i] !== 0)
      out[i] = NaN; // NaN marks "no usable time" for the time-outlier rule
    else timed++;
  }
  const { family } = plan;
  const natural: Clock = family === 'zoned timestamp' || family === 'numeric epoch' ? 'instant' : (isoClockSeen ?? 'wall');
  const clock = chooseClock(mapping.clock, natural, first);
  return { clock, declaredZone: declaredZone(first) ?? timeZoneHint(first.source.table.schema, first.field), unit: plan.unit, warnings, timed };
}

/**
 * The clock `mapping.clock` declares, where the values allow it: zone-less Timestamps and ISO
 * strings without an offset may be read as UTC instants, epoch numbers as wall-clock readings
 * (the stored numbers stay; only their reading changes). Dates cannot become instants, nor
 * zoned Timestamps and offset strings wall-clock readings: those are errors that say why.
 */
function chooseClock(declared: Clock | undefined, natural: Clock, { field, source }: ColumnInput): Clock {
  if (declared === undefined || declared === natural) return natural;
  const where = `time column '${field.name}' in file '${source.name}'`;
  const context = { code: 'clock-conflict', file: source.name, column: field.name, field: 'mapping.time.clock' } as const;
  if (DataType.isDate(field.type)) {
    throw new InputError(
      `${where} holds calendar dates (${String(field.type)}): they cannot be read as instants; leave the clock on wall-clock readings`,
      context,
    );
  }
  if (DataType.isTimestamp(field.type) && field.type.timezone) {
    throw new InputError(
      `${where} is a Timestamp with zone '${field.type.timezone}': its values are instants and cannot be read as wall-clock readings; ` +
        'leave the clock on instants and set the time zone to bucket them in',
      context,
    );
  }
  if (natural === 'instant' && isStringType(field.type)) {
    throw new InputError(
      `${where} holds ISO-8601 strings with an offset (Z or ±hh:mm): they are instants and cannot be read as wall-clock readings; ` +
        'leave the clock on instants and set the time zone to bucket them in',
      context,
    );
  }
  return declared;
}

function declaredZone({ field }: ColumnInput): MetadataHint | null {
  if (!DataType.isTimestamp(field.type) || !field.type.timezone) return null;
  const zone = field.type.timezone;
  const normal = /^(?:Z|UTC|GMT|Etc\/UTC|[+-]00:?00)$/i.test(zone) ? 'UTC' : zone;
  return isTimeZone(normal) ? { value: normal, source: `the Timestamp type of column '${field.name}'` } : null;
}

/** Timestamp, Date and numeric epoch chunks; `unit` is the epoch unit for numeric columns. */
function decodeNumericChunk(data: Data, epochUnit: EpochUnit | null, out: Float64Array, at: number, reasons: Uint8Array): void {
  const { type, length } = data;
  const values = data.values;
  if (DataType.isTimestamp(type)) {
    int64ToMs(values as BigInt64Array, length, epochUnit ?? UNIT_OF[type.unit], out, at);
  } else if (DataType.isDate(type) && type.unit === DateUnit.DAY) {
    const days = values as Int32Array;
    for (let i = 0; i < length; i++) out[at + i] = days[i] * 86_400_000;
  } else if (DataType.isDate(type)) {
    int64ToMs(values as BigInt64Array, length, 'ms', out, at);
  } else if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    int64ToMs(values, length, epochUnit as EpochUnit, out, at);
  } else {
    readNumbers(data, out, at);
    const scale = MS_PER_UNIT[epochUnit as EpochUnit];
    const round = DataType.isFloat(type) ? Math.round : Math.floor;
    for (let i = 0; i < length; i++) out[at + i] = round(out[at + i] * scale);
  }
  const nulls = data.nullCount > 0 ? (data.nullBitmap ?? null) : null;
  const offset = data.offset;
  for (let i = 0; i < length; i++) {
    const t = out[at + i];
    const bit = offset + i;
    if (t !== t || (nulls !== null && ((nulls[bit >> 3] >> (bit & 7)) & 1) === 0)) reasons[at + i] = DROP_CODE['time-null'];
    else if (!(Math.abs(t) <= MAX_MS)) reasons[at + i] = isNaT(values, i) ? DROP_CODE['time-null'] : DROP_CODE['time-implausible'];
  }
}

const INT64_MIN = -(2n ** 63n);

/** True for INT64_MIN, the "not a time" (NaT) of NumPy and pandas, which some writers store without a null bit. */
function isNaT(values: unknown, i: number): boolean {
  return values instanceof BigInt64Array && values[i] === INT64_MIN;
}

const SAMPLE = 2000;

/** Up to 2,000 non-null values of the time columns, evenly spaced over all rows, as text. */
function* sampleTexts(inputs: readonly ColumnInput[]): Generator<string> {
  const rows = inputs.reduce((sum, input) => sum + input.vector.length, 0);
  const step = Math.max(1, Math.floor(rows / SAMPLE));
  for (const { vector } of inputs) {
    for (let i = 0; i < vector.length; i += step) {
      const value: unknown = vector.get(i);
      if (value !== null && value !== undefined) yield String(value);
    }
  }
}

/**
 * When half or more of the time texts could not be parsed (a layout Hexcast does not read), a
 * warning naming how many, the first with its file and row, and the layouts that are read; else null.
 */
function unparseableWarning(inputs: readonly ColumnInput[], reasons: Uint8Array): string | null {
  let count = 0;
  let valued = 0;
  let first = -1;
  for (let i = 0; i < reasons.length; i++) {
    if (reasons[i] !== DROP_CODE['time-null']) valued++;
    if (reasons[i] !== DROP_CODE['time-unparseable']) continue;
    count++;
    if (first < 0) first = i;
  }
  if (count === 0 || count * 2 < valued) return null; // a few bad values are drops with examples; most of a column is a layout not read
  const input = [...inputs].reverse().find((candidate) => candidate.start <= first) ?? inputs[0];
  const local = first - input.start;
  return (
    `${count.toLocaleString('en-US')} value${count === 1 ? '' : 's'} of time column '${input.field.name}' could not be read as a date-time ` +
    `(the first: file '${input.source.name}' row ${local}, '${String(input.vector.get(local))}'): expected ISO-8601 (2018-01-31, 2018-01-31T23:59:00, ` +
    'optionally with Z or ±hh:mm) or a date with the year last (01/31/2018 11:59:00 PM as US portals export, 31.01.2018 23:59)'
  );
}
