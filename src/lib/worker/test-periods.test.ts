import { describe, expect, it } from 'vitest';
import { testPeriodsOf } from './test-periods';

const D = 86_400_000;

describe('testPeriodsOf', () => {
  it('lists the period each step after each cutoff is for, the panel end past the last period', () => {
    const panel = { periods: Float64Array.of(0, D, 2 * D), end: 3 * D, bucket: { unit: 'day', timeZone: 'UTC', clock: 'wall' } } as const;
    expect(Array.from(testPeriodsOf(panel, [1, 2], 2))).toEqual([D, 2 * D, 2 * D, 3 * D]);
  });

  it("reads instants on the bucket zone's clock: a Berlin day that starts at 23:00 UTC is labelled with its own date", () => {
    const start = Date.UTC(2018, 0, 1, 23); // midnight of 2 January in Berlin
    const panel = { periods: Float64Array.of(start - D, start), end: start + D, bucket: { unit: 'day', timeZone: 'Europe/Berlin', clock: 'instant' } } as const;
    expect(Array.from(testPeriodsOf(panel, [1], 1))).toEqual([Date.UTC(2018, 0, 2)]);
  });
});
