import { describe, expect, it } from 'vitest';
import type { BucketSpec } from '../../grid/time-bucket';
import { calendarFeatures, calendarNames, calendarParts, type CalendarParts } from './calendar';

describe('calendarParts(unit, span)', () => {
  it.each([
    ['week', 40, { hourHarmonics: 0, weekday: false, yearHarmonics: 0 }], // 280 days: under a year
    ['week', 53, { hourHarmonics: 0, weekday: false, yearHarmonics: 1 }], // 371 days
    ['week', 105, { hourHarmonics: 0, weekday: false, yearHarmonics: 2 }], // 735 days
    ['day', 27, { hourHarmonics: 0, weekday: false, yearHarmonics: 0 }],
    ['day', 28, { hourHarmonics: 0, weekday: true, yearHarmonics: 0 }],
    ['hour', 24 * 6, { hourHarmonics: 0, weekday: false, yearHarmonics: 0 }],
    ['hour', 24 * 7, { hourHarmonics: 3, weekday: false, yearHarmonics: 0 }],
    ['hour', 24 * 28, { hourHarmonics: 3, weekday: true, yearHarmonics: 0 }],
    ['month', 24, { hourHarmonics: 0, weekday: false, yearHarmonics: 2 }],
  ] as const)('%s buckets over %i periods → %o', (unit, span, expected) => {
    expect(calendarParts(unit, span)).toEqual(expected);
  });
});

describe('calendarNames(parts)', () => {
  it('lists hour pairs, weekdays, then year pairs', () => {
    expect(calendarNames({ hourHarmonics: 1, weekday: true, yearHarmonics: 1 })).toEqual([
      'hour-sin1',
      'hour-cos1',
      'mon',
      'tue',
      'wed',
      'thu',
      'fri',
      'sat',
      'sun',
      'year-sin1',
      'year-cos1',
    ]);
  });
});

describe('calendarFeatures(time, bucket, parts, out, offset)', () => {
  const all: CalendarParts = { hourHarmonics: 1, weekday: true, yearHarmonics: 1 };
  const write = (time: number, bucket: BucketSpec): number[] => {
    const out = new Float32Array(12);
    calendarFeatures(time, bucket, all, out, 1);
    return Array.from(out, (v) => Math.round(v * 1e4) / 1e4);
  };

  it('reads a wall clock as it is: Monday 2018-01-01 06:00 → hour sin 1, cos 0; Monday; year sin 0 + 6 h', () => {
    const six = write(Date.UTC(2018, 0, 1, 6), { unit: 'hour', timeZone: 'America/Chicago', clock: 'wall' });
    // offset 1 leaves out[0] alone; 6/24 of a day → sin(π/2) = 1, cos = 0
    expect(six.slice(0, 10)).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    // 6 hours into the year: sin(2π · 0.25 / 365.2425) ≈ 0.0043
    expect(six[10]).toBeCloseTo(Math.sin((2 * Math.PI * 0.25) / 365.2425), 3);
  });

  it('reads an instant on the zone’s clock: 2018-01-01 05:00Z is Sunday 23:00 in Chicago', () => {
    const out = write(Date.UTC(2018, 0, 1, 5), { unit: 'hour', timeZone: 'America/Chicago', clock: 'instant' });
    expect(out.slice(3, 10)).toEqual([0, 0, 0, 0, 0, 0, 1]); // sun
    expect(out[1]).toBeCloseTo(Math.sin((2 * Math.PI * 23) / 24), 4);
  });
});
