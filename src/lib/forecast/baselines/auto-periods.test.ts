import { describe, expect, it } from 'vitest';
import { autoPeriods, autoPeriodsParam } from './auto-periods';

describe('autoPeriods', () => {
  const table = { hour: 24, day: 7, week: 52, month: 12 };
  it.each([
    { value: 0, unit: 'hour', expected: 24 },
    { value: 0, unit: 'day', expected: 7 },
    { value: 0, unit: 'week', expected: 52 },
    { value: 0, unit: 'month', expected: 12 },
    { value: 4, unit: 'week', expected: 4 },
    { value: 1, unit: 'month', expected: 1 },
  ] as const)('autoPeriods($value, $unit) → $expected', ({ value, unit, expected }) => {
    expect(autoPeriods(value, unit, table)).toBe(expected);
  });

  it.each([-1, 2.5])('autoPeriods(%s, …) throws', (value) => {
    expect(() => autoPeriods(value, 'week', table)).toThrow(`A period count must be a whole number ≥ 0 (0 = auto), got ${value}`);
  });

  it('autoPeriodsParam writes the table into the doc: 0 = by bucket (hour 24, …)', () => {
    expect(autoPeriodsParam({ name: 'm', label: 'Season length', what: 'Season length in periods', table })).toEqual({
      name: 'm',
      label: 'Season length',
      type: 'integer',
      default: 0,
      min: 0,
      max: 100_000,
      doc: 'Season length in periods; 0 = by bucket (hour 24, day 7, week 52, month 12).',
    });
  });
});
