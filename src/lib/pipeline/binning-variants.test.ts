import { describe, expect, test } from 'vitest';
import { binningVariants } from './binning-variants';

describe('binningVariants', () => {
  const settings = { res: 8, unit: 'week' as const, timeZone: null, categories: null };

  test('binningVariants(res 8 weekly, period and cells) → day, month, res 7, res 9, keeping the rest', () => {
    const variants = binningVariants(settings, ['period', 'cells']);
    expect(variants.map((v) => [v.term, v.label, v.settings.res, v.settings.unit])).toEqual([
      ['period', 'day', 8, 'day'],
      ['period', 'month', 8, 'month'],
      ['cells', 'H3 res 7', 7, 'week'],
      ['cells', 'H3 res 9', 9, 'week'],
    ]);
  });

  test.each([
    [{ ...settings, unit: 'hour' as const }, ['period'] as const, ['day', 'week', 'month']],
    [{ ...settings, res: 0 }, ['cells'] as const, ['H3 res 1']],
    [{ ...settings, res: 15 }, ['cells'] as const, ['H3 res 14']],
    [settings, [] as const, []],
  ])('binningVariants(%j, %j) → %j', (given, vary, labels) => {
    expect(binningVariants(given, vary).map((v) => v.label)).toEqual(labels);
  });
});
