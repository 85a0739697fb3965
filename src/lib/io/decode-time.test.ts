import {
  DateDay,
  DateMillisecond,
  Float64,
  Int32,
  Int64,
  Table,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint32,
  Bool,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { column, dictionary, inputErrorOf, sourceOf, strings } from '../../../test/fixtures/io/arrow-fixtures';
import type { TimeMapping } from './column-mapping';
import { decodeTime } from './decode-time';
import { DROP_CODE } from './drop-codes';
import { findColumn } from './find-column';

const JAN = 1514764800000; // 2018-01-01T00:00:00Z = Date.UTC(2018, 0, 1)
const NULL = DROP_CODE['time-null'];
const BAD = DROP_CODE['time-unparseable'];
const IMPLAUSIBLE = DROP_CODE['time-implausible'];

/** Decodes column `t` of a one-column table (or of several tables, one per file). */
function decode(vectors: Vector | Vector[], mapping: Partial<TimeMapping> = {}) {
  const tables = (Array.isArray(vectors) ? vectors : [vectors]).map((t) => new Table({ t }));
  const sources = tables.map((table, i) => sourceOf(table, `f${i}.arrow`));
  const n = tables.reduce((sum, t) => sum + t.numRows, 0);
  const out = new Float64Array(n);
  const reasons = new Uint8Array(n);
  const decoded = decodeTime(findColumn(sources, 't', 'time'), { column: 't', ...mapping }, out, reasons);
  return { ...decoded, ms: Array.from(out), reasons: Array.from(reasons) };
}

describe('decodeTime', () => {
  it.each([
    // [what, column, mapping, expected ms, clock, declared zone]
    ['Timestamp[s] without zone', column(new TimestampSecond(), [1514764800n]), {}, JAN, 'wall', null],
    ['Timestamp[s, UTC]', column(new TimestampSecond('UTC'), [1514764800n]), {}, JAN, 'instant', 'UTC'],
    ['Timestamp[ms, America/Chicago]', column(new TimestampMillisecond('America/Chicago'), [1514764800123n]), {}, JAN + 123, 'instant', 'America/Chicago'],
    ['Timestamp[µs] without zone', column(new TimestampMicrosecond(), [1514764800123456n]), {}, JAN + 123, 'wall', null],
    ['Timestamp[ns, +00:00]', column(new TimestampNanosecond('+00:00'), [1514764800123456789n]), {}, JAN + 123, 'instant', 'UTC'],
    ['Timestamp[ns] 1 ns before 1970', column(new TimestampNanosecond(), [-1n]), {}, -1, 'wall', null],
    ['Timestamp[µs] 1950-07-01T12:00', column(new TimestampMicrosecond(), [-616507200000000n]), {}, -616507200000, 'wall', null],
    ['Date32 (days)', column(new DateDay(), [17532]), {}, JAN, 'wall', null], // 17532 days × 86,400,000 ms
    ['Date32 before 1970', column(new DateDay(), [-1]), {}, -86_400_000, 'wall', null],
    ['Date64 (ms)', column(new DateMillisecond(), [1514764800000n]), {}, JAN, 'wall', null],
    ['Int64 epoch s', column(new Int64(), [1514764800n]), { unit: 's' }, JAN, 'instant', null],
    ['Int32 epoch s', column(new Int32(), [1514764800]), { unit: 's' }, JAN, 'instant', null],
    ['Uint32 epoch s', column(new Uint32(), [1514764800]), { unit: 's' }, JAN, 'instant', null],
    ['Int64 epoch ms', column(new Int64(), [1514764800007n]), { unit: 'ms' }, JAN + 7, 'instant', null],
    ['Int64 epoch ns', column(new Int64(), [1514764800999999999n]), { unit: 'ns' }, JAN + 999, 'instant', null],
    ['Int32 epoch µs floors', column(new Int32(), [-1]), { unit: 'us' }, -1, 'instant', null],
    ['Float64 epoch s', column(new Float64(), [1514764800.5]), { unit: 's' }, JAN + 500, 'instant', null],
    ['Float64 epoch ms rounds', column(new Float64(), [1514764800123.6]), { unit: 'ms' }, JAN + 124, 'instant', null],
    ['ISO with Z', strings(['2018-01-01T00:00:00Z']), {}, JAN, 'instant', null],
    ['ISO with +offset', strings(['2018-01-01T10:30:00+10:30']), {}, JAN, 'instant', null],
    ['ISO without offset', strings(['2018-01-01T00:00:00']), {}, JAN, 'wall', null],
    ['ISO date only', strings(['2018-01-01']), {}, JAN, 'wall', null],
    ['ISO in a dictionary', dictionary(['2018-01-01 00:00']), { encoding: 'iso' }, JAN, 'wall', null],
  ] as [string, Vector, Partial<TimeMapping>, number, string, string | null][])('decodeTime reads %s', (_, vector, mapping, ms, clock, zone) => {
    const decoded = decode(vector, mapping);
    expect(decoded.ms).toEqual([ms]);
    expect(decoded.reasons).toEqual([0]);
    expect(decoded.clock).toBe(clock);
    expect(decoded.declaredZone?.value ?? null).toBe(zone);
    expect(decoded.warnings).toEqual([]);
  });

  it.each([
    ['Timestamp', column(new TimestampMillisecond(), [null, 1514764800000n, 9_000_000_000_000_000n]), {}, IMPLAUSIBLE],
    ['Date32', column(new DateDay(), [null, 17532, 200_000_000]), {}, IMPLAUSIBLE],
    ['Float64', column(new Float64(), [NaN, 1514764800, Infinity]), { unit: 's' }, IMPLAUSIBLE],
    ['Int64', column(new Int64(), [null, 1514764800n, 9_000_000_000_000n]), { unit: 's' }, IMPLAUSIBLE],
    ['Utf8', strings([null, '2018-01-01', '2018-02-30']), {}, BAD],
    ['dictionary', dictionary(['  ', '2018-01-01', 'yesterday']), {}, BAD],
  ] as [string, Vector, Partial<TimeMapping>, number][])(
    'decodeTime marks a missing %s value time-null, one beyond the Date range time-implausible, an unparseable string time-unparseable',
    (_, vector, mapping, reason) => {
      const decoded = decode(vector, mapping);
      expect(decoded.reasons).toEqual([NULL, 0, reason]);
      expect(decoded.ms[1]).toBe(JAN);
    },
  );

  it('decodeTime reads chunks with offsets (a sliced, multi-batch column) without shifting nulls', () => {
    const a = new Table({ t: column(new TimestampSecond(), [1n, null, 3n, 4n, null, 6n, 7n, 8n, 9n, null]) });
    const b = new Table({ t: column(new TimestampSecond(), [null, 12n]) });
    const table = a.slice(3).concat(b); // rows 3–9 of a (bitmap offset 3), then b
    const out = new Float64Array(table.numRows);
    const reasons = new Uint8Array(table.numRows);
    decodeTime(findColumn([sourceOf(table)], 't', 'time'), { column: 't' }, out, reasons);
    expect(Array.from(reasons)).toEqual([0, NULL, 0, 0, 0, 0, NULL, NULL, 0]);
    expect([out[0], out[2], out[5], out[8]]).toEqual([4000, 6000, 9000, 12000]);
  });

  it('decodeTime infers the unit of an undeclared epoch from its magnitude and warns', () => {
    const decoded = decode(column(new Int64(), [1514764800n, 1514768400n]));
    expect(decoded.ms).toEqual([JAN, JAN + 3_600_000]);
    expect(decoded.unit).toBe('s');
    expect(decoded.warnings).toEqual([
      "time column 't' has no declared unit: read as epoch s because the median |value| 1.51e+9 lies in that unit's 1973–2286 range; declare the unit to confirm",
    ]);
  });

  it('decodeTime asks for the unit when the magnitude fits none', () => {
    expect(inputErrorOf(() => decode(column(new Int32(), [2014, 2015])))).toBe(
      "time column 't' holds numbers (median |value| 2.02e+3) that do not look like epoch seconds, ms, µs or ns " +
        'between 1973 and 2286: declare the unit (s, ms, us or ns) in the mapping',
    );
  });

  it('decodeTime rejects a column mixing ISO strings with and without an offset, quoting rows of each', () => {
    const mixed = strings(['2018-01-01T00:00:00Z', '2018-01-01', '2018-01-02T00:00:00+01:00', '2018-01-01 10:00']);
    expect(inputErrorOf(() => decode(mixed))).toBe(
      "time column 't' mixes ISO-8601 strings with an offset (file 'f0.arrow' row 0: '2018-01-01T00:00:00Z', file 'f0.arrow' row 2: " +
        "'2018-01-02T00:00:00+01:00') and without one (file 'f0.arrow' row 1: '2018-01-01', file 'f0.arrow' row 3: '2018-01-01 10:00'): " +
        'expected all instants (with Z or ±hh:mm) or all wall-clock times (without); fix the export or split the file',
    );
  });

  it('decodeTime rejects offset strings in one file and wall-clock strings in another', () => {
    const files = [strings(['2018-01-01T00:00Z']), strings(['2018-01-01'])];
    expect(inputErrorOf(() => decode(files))).toMatch(/file 'f0.arrow' row 0.*file 'f1.arrow' row 0/);
  });

  it.each([
    [vectorFromArray([true], new Bool()), {}, 'Bool: expected a Timestamp, Date32/Date64, an integer or float epoch, or ISO-8601 strings'],
    [column(new Float64(), [1]), { encoding: 'iso' }, "Float64: expected Utf8 or Dictionary<Utf8> strings for encoding 'iso'"],
    [strings(['1']), { encoding: 'epoch' }, "Utf8: expected an integer or float column for encoding 'epoch'"],
  ] as [Vector, Partial<TimeMapping>, string][])('decodeTime says which type it found and which it expected (%#)', (vector, mapping, message) => {
    expect(inputErrorOf(() => decode(vector, mapping))).toBe(`time column 't' in file 'f0.arrow' has type ${message}`);
  });

  it('decodeTime rejects files whose time columns disagree in type, naming both', () => {
    const files = [column(new TimestampSecond(), [1n]), strings(['2018-01-01'])];
    expect(inputErrorOf(() => decode(files))).toBe(
      "column 't' (time) is wall-clock timestamp or date (Timestamp<SECOND>) in file 'f0.arrow' but ISO-8601 strings (Utf8) " +
        "in file 'f1.arrow': files load together only when their mapped columns agree in type",
    );
  });

  it('decodeTime takes the zone of a zone-less timestamp from the schema metadata', () => {
    const table = new Table({ occurred_at: column(new TimestampMillisecond(), [1514764800000n]) });
    table.schema.metadata.set('occurred_at', 'local wall-clock time, America/Chicago');
    const out = new Float64Array(1);
    const decoded = decodeTime(findColumn([sourceOf(table)], 'occurred_at', 'time'), { column: 'occurred_at' }, out, new Uint8Array(1));
    expect(decoded.declaredZone).toEqual({ value: 'America/Chicago', source: "schema metadata 'occurred_at'" });
  });

  it.each([
    ['a zone-less Timestamp read as UTC instants', column(new TimestampMillisecond(), [1514764800000n]), { clock: 'instant' }, 'instant'],
    ['ISO strings without an offset read as UTC instants', strings(['2018-01-01T00:00:00']), { clock: 'instant' }, 'instant'],
    ['epoch numbers read as wall-clock readings', column(new Int64(), [1514764800n]), { unit: 's', clock: 'wall' }, 'wall'],
    ['a zoned Timestamp declared instant (its own clock)', column(new TimestampSecond('UTC'), [1514764800n]), { clock: 'instant' }, 'instant'],
    ['a date declared wall (its own clock)', column(new DateDay(), [17532]), { clock: 'wall' }, 'wall'],
  ] as [string, Vector, Partial<TimeMapping>, string][])(
    'decodeTime reads %s when the mapping declares the clock, keeping the numbers',
    (_, vector, mapping, clock) => {
      const decoded = decode(vector, mapping);
      expect(decoded.clock).toBe(clock);
      expect(decoded.ms).toEqual([JAN]);
    },
  );

  it.each([
    [
      column(new DateDay(), [17532]),
      'instant',
      "time column 't' in file 'f0.arrow' holds calendar dates (Date32<DAY>): they cannot be read as instants; leave the clock on wall-clock readings",
    ],
    [
      column(new TimestampSecond('America/Chicago'), [1514764800n]),
      'wall',
      "time column 't' in file 'f0.arrow' is a Timestamp with zone 'America/Chicago': its values are instants and cannot be read as " +
        'wall-clock readings; leave the clock on instants and set the time zone to bucket them in',
    ],
    [
      strings(['2018-01-01T00:00:00Z']),
      'wall',
      "time column 't' in file 'f0.arrow' holds ISO-8601 strings with an offset (Z or ±hh:mm): they are instants and cannot be read as " +
        'wall-clock readings; leave the clock on instants and set the time zone to bucket them in',
    ],
  ] as [Vector, 'instant' | 'wall', string][])('decodeTime refuses a clock the values cannot be on, saying why (%#)', (vector, clock, message) => {
    expect(inputErrorOf(() => decode(vector, { clock }))).toBe(message);
  });
});
