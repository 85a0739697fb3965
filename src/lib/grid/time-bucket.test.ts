import { describe, expect, it } from 'vitest';
import { bucketIndices, timeBucket } from './time-bucket';

const H = 3_600_000;
const iso = (t: number): string => new Date(t).toISOString();

describe('timeBucket in America/Chicago (instant clock)', () => {
  const day = timeBucket({ unit: 'day', timeZone: 'America/Chicago', clock: 'instant' });

  it('day buckets start at local midnight and last 23 h on the spring-forward day, 25 h on the fall-back day', () => {
    const spring = day.range(Date.UTC(2018, 2, 10, 12), Date.UTC(2018, 2, 12, 12));
    expect([...spring].map(iso)).toEqual(['2018-03-10T06:00:00.000Z', '2018-03-11T06:00:00.000Z', '2018-03-12T05:00:00.000Z']);
    expect((spring[2] - spring[1]) / H).toBe(23);
    const fall = day.range(Date.UTC(2018, 10, 4, 12), Date.UTC(2018, 10, 5, 12));
    expect([...fall].map(iso)).toEqual(['2018-11-04T05:00:00.000Z', '2018-11-05T06:00:00.000Z']);
    expect((fall[1] - fall[0]) / H).toBe(25);
  });

  it('hour buckets keep both 01:00 hours of the fall-back night apart', () => {
    const hour = timeBucket({ unit: 'hour', timeZone: 'America/Chicago', clock: 'instant' });
    const starts = hour.range(Date.UTC(2018, 10, 4, 5), Date.UTC(2018, 10, 4, 8, 30));
    // 00:00 CDT, 01:00 CDT, 01:00 CST, 02:00 CST
    expect([...starts].map(iso)).toEqual(['2018-11-04T05:00:00.000Z', '2018-11-04T06:00:00.000Z', '2018-11-04T07:00:00.000Z', '2018-11-04T08:00:00.000Z']);
    expect(hour.floor(Date.UTC(2018, 10, 4, 7, 59))).toBe(Date.UTC(2018, 10, 4, 7));
  });

  it('week buckets start on Monday local midnight; month buckets on the 1st', () => {
    const week = timeBucket({ unit: 'week', timeZone: 'America/Chicago', clock: 'instant' });
    // Sunday 2018-03-11 12:00 CDT falls in the week of Monday 2018-03-05 00:00 CST (06:00 UTC).
    expect(iso(week.floor(Date.UTC(2018, 2, 11, 17)))).toBe('2018-03-05T06:00:00.000Z');
    const month = timeBucket({ unit: 'month', timeZone: 'America/Chicago', clock: 'instant' });
    expect([...month.range(Date.UTC(2018, 1, 20), Date.UTC(2018, 3, 2))].map(iso)).toEqual([
      '2018-02-01T06:00:00.000Z',
      '2018-03-01T06:00:00.000Z',
      '2018-04-01T05:00:00.000Z',
    ]);
  });

  it('offset steps forward and back by whole buckets', () => {
    const start = day.floor(Date.UTC(2018, 2, 10, 12));
    expect(iso(day.offset(start, 2))).toBe('2018-03-12T05:00:00.000Z');
    expect(day.offset(day.offset(start, 2), -2)).toBe(start);
  });
});

describe('timeBucket in a half-hour zone and on a wall clock', () => {
  it('hour buckets in Australia/Adelaide (UTC+10:30 in January) start at :30 UTC', () => {
    const hour = timeBucket({ unit: 'hour', timeZone: 'Australia/Adelaide', clock: 'instant' });
    expect(iso(hour.floor(Date.UTC(2018, 0, 4, 5, 10)))).toBe('2018-01-04T04:30:00.000Z');
  });

  it('wall-clock buckets ignore the zone: a wall day is always 24 h, even on a DST day', () => {
    const day = timeBucket({ unit: 'day', timeZone: 'America/Chicago', clock: 'wall' });
    const starts = day.range(Date.UTC(2018, 2, 10, 12), Date.UTC(2018, 2, 12, 12));
    expect([...starts].map(iso)).toEqual(['2018-03-10T00:00:00.000Z', '2018-03-11T00:00:00.000Z', '2018-03-12T00:00:00.000Z']);
  });

  it('ISO weeks: Wednesday 2018-01-03 floors to Monday 2018-01-01; Sunday 2017-12-31 to Monday 2017-12-25', () => {
    const week = timeBucket({ unit: 'week', timeZone: 'UTC', clock: 'wall' });
    expect(iso(week.floor(Date.UTC(2018, 0, 3, 15)))).toBe('2018-01-01T00:00:00.000Z');
    expect(iso(week.floor(Date.UTC(2017, 11, 31, 23)))).toBe('2017-12-25T00:00:00.000Z');
  });

  it('rejects unknown units and zones by name', () => {
    expect(() => timeBucket({ unit: 'fortnight' as 'week', timeZone: 'UTC', clock: 'wall' })).toThrow("Unknown time bucket 'fortnight'");
    expect(() => timeBucket({ unit: 'day', timeZone: 'Chicago', clock: 'instant' })).toThrow("Unknown time zone 'Chicago'");
  });
});

describe('bucketIndices', () => {
  it('assigns times to uneven buckets and marks times outside with -1', () => {
    const boundaries = Float64Array.from([0, 10, 13, 30]);
    const times = Float64Array.from([-1, 0, 9.9, 10, 12, 13, 29, 30, 39.9, 40]);
    expect(Array.from(bucketIndices(times, boundaries, 40))).toEqual([-1, 0, 0, 1, 1, 2, 2, 3, 3, -1]);
  });

  it('matches a linear search on the DST-affected Chicago days', () => {
    const day = timeBucket({ unit: 'day', timeZone: 'America/Chicago', clock: 'instant' });
    const boundaries = day.range(Date.UTC(2018, 2, 1), Date.UTC(2018, 11, 1));
    const end = day.offset(boundaries[boundaries.length - 1], 1);
    const times = Float64Array.from({ length: 5000 }, (_, i) => boundaries[0] + ((i * 7_919_993) % (end - boundaries[0])));
    const fast = bucketIndices(times, boundaries, end);
    times.forEach((t, i) => {
      let k = 0;
      while (k + 1 < boundaries.length && boundaries[k + 1] <= t) k++;
      expect(fast[i]).toBe(k);
    });
  });
});

describe('TimeBucket.count: a panel size known before any period array exists', () => {
  // Two years across both DST changes of each zone, starting and ending mid-bucket.
  const start = Date.UTC(2017, 0, 3, 17, 25);
  const stop = Date.UTC(2019, 1, 14, 9, 10);
  it.each([
    ['hour', 'America/Chicago', 'instant'],
    ['day', 'America/Chicago', 'instant'],
    ['week', 'Australia/Adelaide', 'instant'],
    ['month', 'Australia/Adelaide', 'instant'],
    ['day', 'UTC', 'wall'],
    ['month', 'America/Chicago', 'wall'],
  ] as const)('count(start, stop) for %s buckets in %s (%s) equals range(start, stop).length', (unit, timeZone, clock) => {
    const bucket = timeBucket({ unit, timeZone, clock });
    expect(bucket.count(start, stop)).toBe(bucket.range(start, stop).length);
  });

  it('counts 2 days for [23:59, 00:01) and none for an empty interval', () => {
    const day = timeBucket({ unit: 'day', timeZone: 'UTC', clock: 'wall' });
    expect(day.count(Date.UTC(2018, 0, 1, 23, 59), Date.UTC(2018, 0, 2, 0, 1))).toBe(2);
    expect(day.count(5, 5)).toBe(0);
  });

  it('counts the 712,361 hours from 2018-02-24T08:39 to 2099-06-01T00:00 without building them', () => {
    const hour = timeBucket({ unit: 'hour', timeZone: 'UTC', clock: 'wall' });
    // (2099-06-01T00:00 − 2018-02-24T08:00) / 1 h + 1
    expect(hour.count(Date.UTC(2018, 1, 24, 8, 39), Date.UTC(2099, 5, 1) + 1)).toBe((Date.UTC(2099, 5, 1) - Date.UTC(2018, 1, 24, 8)) / H + 1);
  });
});
