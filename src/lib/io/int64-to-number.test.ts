import { describe, expect, it } from 'vitest';
import type { EpochUnit } from './column-mapping';
import { int64ToMs, int64ToNumbers } from './int64-to-number';

/** floor(v × ms-per-unit) with BigInt arithmetic: the slow, obviously right reference. */
function referenceMs(v: bigint, unit: EpochUnit): number {
  if (unit === 's') return Number(v * 1000n);
  if (unit === 'ms') return Number(v);
  const d = unit === 'us' ? 1000n : 1000000n;
  const q = v / d;
  return Number(v < 0n && q * d !== v ? q - 1n : q);
}

describe('int64ToMs', () => {
  it.each([
    // [unit, raw value, expected ms, why]
    ['s', 1388534460n, 1388534460000, '2014-01-01T00:01:00Z in seconds'],
    ['s', -1n, -1000, 'one second before the epoch'],
    ['ms', 1388534460123n, 1388534460123, 'ms pass through'],
    ['ms', -86400000n, -86400000, '1969-12-31'],
    ['us', 1388534460123456n, 1388534460123, 'µs: .456 ms truncated'],
    ['us', -1n, -1, '−1 µs lies in the millisecond [−1, 0)'],
    ['us', -1000n, -1, 'exactly −1 ms'],
    ['us', -1001n, -2, '−1.001 ms floors to −2'],
    ['ns', 1500000000123456789n, 1500000000123, 'a 2017 instant in ns (> 2^53)'],
    ['ns', 1500000000123999999n, 1500000000123, 'just below the next ms: no rounding up'],
    ['ns', -1n, -1, '−1 ns'],
    ['ns', -1000000n, -1, 'exactly −1 ms in ns'],
    ['ns', -631152000000000001n, -631152000001, '1 ns before 1950-01-01T00:00Z'],
    ['ns', 9223372036854775807n, 9223372036854, 'int64 max in ns: 2262-04-11'],
    ['ns', -9223372036854775808n, -9223372036855, 'int64 min in ns'],
  ] as [EpochUnit, bigint, number, string][])('int64ToMs(%s) of %s → %s (%s)', (unit, raw, expected) => {
    const out = new Float64Array(1);
    int64ToMs(new BigInt64Array([raw]), 1, unit, out, 0);
    expect(out[0]).toBe(expected);
  });

  it('int64ToMs matches BigInt floor division on 10,000 seeded random values in every unit', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const values = new BigInt64Array(10_000);
    for (let i = 0; i < values.length; i++) {
      // Spread over ±2^62 with random low bits, so both words vary.
      const hi = BigInt(Math.floor((random() - 0.5) * 2 ** 31));
      const lo = BigInt(Math.floor(random() * 2 ** 32));
      values[i] = (hi << 32n) | lo;
    }
    for (const unit of ['us', 'ns'] as const) {
      const out = new Float64Array(values.length);
      int64ToMs(values, values.length, unit, out, 0);
      const wrong = Array.from(values).findIndex((v, i) => out[i] !== referenceMs(v, unit));
      expect(wrong).toBe(-1);
    }
  });

  it('int64ToMs writes at the given offset and reads only `length` values', () => {
    const out = new Float64Array([7, 7, 7, 7]);
    int64ToMs(new BigInt64Array([1n, 2n, 3n]), 2, 'ms', out, 1);
    expect(Array.from(out)).toEqual([7, 1, 2, 7]);
  });
});

describe('int64ToNumbers', () => {
  it('int64ToNumbers reads signed and unsigned words exactly below 2^53', () => {
    const out = new Float64Array(4);
    int64ToNumbers(new BigInt64Array([-1n, 2n ** 40n + 5n, -(2n ** 52n), 0n]), 4, out, 0);
    expect(Array.from(out)).toEqual([-1, 2 ** 40 + 5, -(2 ** 52), 0]);
    const unsigned = new Float64Array(1);
    int64ToNumbers(new BigUint64Array([2n ** 63n]), 1, unsigned, 0);
    expect(unsigned[0]).toBe(2 ** 63);
  });
});
