import { describe, expect, it } from 'vitest';
import { BASELINES } from '../forecast/baselines';
import { createModel } from '../forecast/model-definition';
import { protocolOf } from '../evaluate/protocol';
import { runForecasts } from '../evaluate/run-forecasts';
import type { Panel } from '../grid/panel';
import { timeBucket } from '../grid/time-bucket';
import { cellSeriesOf, stepSliceOf, testPeriodsOf } from './run-slices';

// Daily instants bucketed in Berlin: every period starts at local midnight = 23:00 UTC the day before.
const bucket = timeBucket({ unit: 'day', timeZone: 'Europe/Berlin', clock: 'instant' });
const periods = bucket.range(Date.UTC(2018, 0, 1), Date.UTC(2018, 0, 11));
const panel: Panel = {
  res: 8,
  bucket: bucket.spec,
  cells: ['a', 'b'],
  area: Float64Array.of(1, 1),
  periods,
  end: bucket.offset(periods[periods.length - 1], 1),
  counts: Float32Array.from({ length: periods.length * 2 }, (_, i) => i % 3),
};

describe('run slices', () => {
  it('hand the app local dates: a Berlin-midnight period reads as midnight of its own day', async () => {
    expect(periods[1]).toBe(Date.UTC(2018, 0, 1, 23));
    const make = () => createModel({ id: 'naive', params: {} }, BASELINES, { res: 8, bucket: panel.bucket });
    const set = await runForecasts(panel, protocolOf({ folds: 2, validation: 0 }), [make]);
    const steps = [
      { mae: 1, hotspot: [] },
      { mae: 2, hotspot: [] },
    ];
    const slice = stepSliceOf(panel, set, { models: [{ steps }] }, 0, 0);
    expect(new Date(slice.period).toISOString()).toBe('2018-01-10T00:00:00.000Z');
    expect(stepSliceOf(panel, set, { models: [{ steps }] }, 1, 0).scores).toEqual([steps[1]]); // fold 1's step, from the core's scores
    const series = cellSeriesOf(panel, set, 0, 0);
    expect(new Date(series.periods[1]).toISOString()).toBe('2018-01-02T00:00:00.000Z');
    expect(Array.from(series.forecastPeriods, (t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2018-01-10', '2018-01-11']);
  });
});

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
