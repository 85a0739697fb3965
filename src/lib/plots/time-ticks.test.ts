import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks';

const utc = (y: number, m: number, d: number, h = 0): number => Date.UTC(y, m - 1, d, h);
const labels = (ticks: { label: string }[]): string[] => ticks.map((t) => t.label);

describe('timeTicks', () => {
  it.each([
    // Three monthly folds, March to May 2017: months (d3 alone would tick weekly on Sundays).
    ['3 monthly folds', utc(2017, 3, 1), utc(2017, 5, 1), 7, 'month', ['Mar 2017', 'Apr', 'May']],
    // Six months of monthly data across a new year: the year is named where it changes.
    ['monthly, Oct 2017 – Mar 2018', utc(2017, 10, 1), utc(2018, 3, 1), 7, 'month', ['Oct 2017', 'Nov', 'Dec', 'Jan 2018', 'Feb', 'Mar']],
    // 26 Monday weeks: 26 weekly or 13 fortnightly ticks are too many; the 1sts of Jan–Jun are 6.
    ['26 weeks from Mon 2018-01-01', utc(2018, 1, 1), utc(2018, 6, 25), 7, 'week', ['Jan 2018', 'Feb', 'Mar', 'Apr', 'May', 'Jun']],
    // Four weeks: every Monday (2018-01-01 was a Monday).
    ['4 weeks', utc(2018, 1, 1), utc(2018, 1, 22), 7, 'week', ['Jan 1, 2018', 'Jan 8', 'Jan 15', 'Jan 22']],
    // Weekly 2014-01-06 … 2018-11-05: 1 Jan 2015–2018 are the 4 year ticks (1 Jan 2014 precedes the data).
    ['five years of weeks', utc(2014, 1, 6), utc(2018, 11, 5), 6, 'week', ['2015', '2016', '2017', '2018']],
    // Ten days: 10 daily ticks are too many; every other day of the month (1, 3, 5, …) gives 5.
    ['10 days', utc(2014, 1, 1), utc(2014, 1, 10), 7, 'day', ['Jan 1, 2014', 'Jan 3', 'Jan 5', 'Jan 7', 'Jan 9']],
    // One day of hours: 24 hourly or 8 three-hourly ticks are too many; six-hourly gives 4.
    ['a day of hours', utc(2018, 1, 1, 0), utc(2018, 1, 1, 23), 7, 'hour', ['Jan 1', '06:00', '12:00', '18:00']],
  ] as const)('timeTicks(%s) labels %j', (_, start, end, count, unit, expected) => {
    const ticks = timeTicks(start, end, count, unit);
    expect(labels(ticks)).toEqual(expected);
    for (const tick of ticks) expect(tick.value).toBeGreaterThanOrEqual(start);
    for (const tick of ticks) expect(tick.value).toBeLessThanOrEqual(end);
  });

  it('timeTicks puts month ticks on the first of the month at 00:00 UTC', () => {
    expect(timeTicks(utc(2017, 3, 1), utc(2017, 5, 1), 7, 'month').map((t) => t.value)).toEqual([utc(2017, 3, 1), utc(2017, 4, 1), utc(2017, 5, 1)]);
  });

  it('timeTicks without a unit may go finer than a day; with one it never goes finer than the bucket', () => {
    expect(labels(timeTicks(utc(2018, 1, 1, 0), utc(2018, 1, 1, 12), 5)).length).toBeGreaterThan(1);
    expect(labels(timeTicks(utc(2018, 1, 1, 0), utc(2018, 1, 1, 12), 5, 'day'))).toEqual(['Jan 1, 2018']);
  });

  it('timeTicks of a single period gives its one tick', () => {
    expect(labels(timeTicks(utc(2017, 3, 1), utc(2017, 3, 2), 7, 'month'))).toEqual(['Mar 2017']);
  });
});
