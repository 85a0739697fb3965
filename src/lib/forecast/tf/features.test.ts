import { describe, expect, it } from 'vitest';
import type { History } from '../history';
import { cellRate, featureContext, featureLayout, priorStrength, sequenceStep, tabularRow } from './features';
import { seriesOf } from './series';

const WEEK = { unit: 'week', timeZone: 'UTC', clock: 'wall' } as const;

/** A history of `C` cells without neighbours, counts period-major, weekly from 2018-01-01. */
function historyFrom(counts: number[], C: number): History {
  const P = counts.length / C;
  const periods = Float64Array.from({ length: P }, (_, p) => Date.UTC(2018, 0, 1 + 7 * p));
  return {
    res: 8,
    bucket: WEEK,
    cells: Array.from({ length: C }, (_, c) => `cell${c}`),
    area: new Float64Array(C).fill(1),
    periods,
    counts: Float32Array.from(counts),
    neighbours: { k: 2, offsets: new Int32Array(C + 1), index: new Int32Array(0), ring: new Uint8Array(0) },
    futurePeriods: (h) => Float64Array.from({ length: h }, (_, i) => Date.UTC(2018, 0, 1 + 7 * (P + i))),
  };
}

describe('featureLayout(unit, first, end)', () => {
  it('keeps the year lag and two year harmonics on four years of weekly targets', () => {
    expect(featureLayout('week', 4, 200).names).toEqual([
      'lag1',
      'lag2',
      'lag3',
      'lag52',
      'mean4',
      'mean13',
      'mean52',
      'ring1-lag1',
      'ring1-mean4',
      'ring2-lag1',
      'ring2-mean4',
      'cell-rate',
      'city-lag1',
      'city-mean4',
      'year-sin1',
      'year-cos1',
      'year-sin2',
      'year-cos2',
    ]);
  });

  it.each([
    // lag 52 is kept when 3/4 of the targets lie past period 52: end − max(52, first) ≥ 0.75 (end − first)
    [4, 196, true], // 144 ≥ 144
    [4, 195, false], // 143 < 143.25
    [52, 100, true], // every target has it
    [20, 100, false], // 48 < 60
  ])('first %i, end %i: lag52 kept = %s', (first, end, kept) => {
    expect(featureLayout('week', first, end).names.includes('lag52')).toBe(kept);
  });

  it('drops the calendar terms a short span cannot support: 56 weeks → one year pair', () => {
    const names = featureLayout('week', 4, 60).names;
    expect(names.slice(-2)).toEqual(['year-sin1', 'year-cos1']);
    expect(names.includes('lag52')).toBe(false);
  });
});

describe('priorStrength(series, T)', () => {
  it('is μ/τ² by moments: cell means 1 and 3 over T = 4 → μ = 2, v = 2, τ² = 2 − 2/4 → k = 4/3', () => {
    const series = seriesOf(historyFrom([1, 3, 1, 3, 1, 3, 1, 3], 2), 0);
    expect(priorStrength(series, 4)).toBeCloseTo(4 / 3, 10);
  });

  it('shrinks hard (10·T) when cells differ no more than Poisson noise', () => {
    const series = seriesOf(historyFrom([2, 2, 2, 2, 2, 2], 2), 0);
    expect(priorStrength(series, 3)).toBe(30);
  });
});

describe('cellRate(ctx, t, c)', () => {
  it('is log((S + k·m + 0.01) / (t + k)): S = 20, m = 1, k = 10 at t = 10 → log(30.01 / 20)', () => {
    const counts = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 2 : 0)); // cell 0: 2 a period, cell 1: 0
    const series = seriesOf(historyFrom(counts, 2), 0);
    const ctx = featureContext(series, WEEK, featureLayout('week', 4, 10), 10);
    expect(cellRate(ctx, 10, 0)).toBeCloseTo(Math.log(30.01 / 20), 6);
    expect(cellRate(ctx, 10, 1)).toBeCloseTo(Math.log(10.01 / 20), 6);
  });
});

describe('tabularRow(ctx, t, c, out, offset)', () => {
  // cell 0 counts 0, 1, 2, 3, 4, 5; cell 1 always 0
  const counts = [0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0];
  const series = seriesOf(historyFrom(counts, 2), 0);
  const layout = featureLayout('week', 4, 6);
  const k = 3;
  const ctx = featureContext(series, WEEK, layout, k);

  it('writes the documented values for cell 0 at t = 5', () => {
    const out = new Float32Array(layout.names.length);
    tabularRow(ctx, 5, 0, out, 0);
    const m = 1; // mean count per cell over periods 0..4: (0 + 1 + 2 + 3 + 4) / (2 · 5)
    const expected = [
      Math.log1p(4),
      Math.log1p(3),
      Math.log1p(2), // lags 1–3
      Math.log1p((1 + 2 + 3 + 4) / 4),
      Math.log1p(2),
      Math.log1p(2), // means over 4, 13 (→ 5), 52 (→ 5) periods
      0,
      0,
      0,
      0, // no neighbours
      Math.log((10 + k * m + 0.01) / (5 + k)), // cell-rate
      Math.log((4 + 1) / (1 * m * 2 + 1)), // city-lag1: last period's total against one period at the mean
      Math.log((1 + 2 + 3 + 4 + 1) / (4 * m * 2 + 1)), // city-mean4
    ];
    expect(layout.names).toHaveLength(expected.length);
    Array.from(out).forEach((v, j) => expect(v, layout.names[j]).toBeCloseTo(expected[j], 5));
  });

  it('stands the cell’s expected count in for a seasonal lag before the first period', () => {
    const long = seriesOf(
      historyFrom(
        Array.from({ length: 2 * 250 }, (_, i) => (i % 2 === 0 ? i % 3 : 1)),
        2,
      ),
      0,
    );
    const layout52 = featureLayout('week', 8, 250);
    const ctx52 = featureContext(long, WEEK, layout52, 5);
    const out = new Float32Array(layout52.names.length);
    const lag52 = layout52.names.indexOf('lag52');
    tabularRow(ctx52, 30, 0, out, 0);
    expect(out[lag52]).toBeCloseTo(Math.log1p(Math.exp(cellRate(ctx52, 30, 0))), 5);
    tabularRow(ctx52, 60, 0, out, 0);
    expect(out[lag52]).toBeCloseTo(Math.log1p(long.counts[8 * 2]), 6);
  });
});

describe('sequenceStep(series, p, c, out, offset)', () => {
  it('writes log1p of the count and both neighbour means, zeros before period 0', () => {
    const series = seriesOf(historyFrom([3, 0, 1, 0], 2), 0);
    const out = new Float32Array(6);
    sequenceStep(series, 0, 0, out, 0);
    sequenceStep(series, -1, 0, out, 3);
    expect(Array.from(out)).toEqual([Math.fround(Math.log1p(3)), 0, 0, 0, 0, 0]);
  });
});
