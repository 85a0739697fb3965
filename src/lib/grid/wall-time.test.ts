import { describe, expect, it } from 'vitest';
import { wallTimeOf, wallTimesOf } from './wall-time';

describe('wallTimeOf', () => {
  it.each([
    ['Berlin midnight (23:00 UTC in winter) reads as midnight of its own day', Date.UTC(2018, 0, 1, 23), 'Europe/Berlin', 'instant', Date.UTC(2018, 0, 2)],
    ['Chicago midnight (06:00 UTC in winter) reads as midnight', Date.UTC(2018, 0, 2, 6), 'America/Chicago', 'instant', Date.UTC(2018, 0, 2)],
    ['wall-clock data is already a reading', Date.UTC(2018, 0, 2), 'America/Chicago', 'wall', Date.UTC(2018, 0, 2)],
  ] as const)('%s', (_, t, timeZone, clock, expected) => {
    expect(wallTimeOf(t, { timeZone, clock })).toBe(expected);
  });

  it('maps arrays and leaves non-finite times alone', () => {
    expect(Array.from(wallTimesOf([Date.UTC(2018, 6, 1, 22), NaN], { timeZone: 'Europe/Berlin', clock: 'instant' }))).toEqual([Date.UTC(2018, 6, 2), NaN]);
  });
});
