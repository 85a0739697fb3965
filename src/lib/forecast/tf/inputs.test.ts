import { describe, expect, it } from 'vitest';
import type { History } from '../history';
import { featureContext, featureLayout, priorStrength } from './features';
import { inputsOf, trainingInputs } from './inputs';
import { seriesOf } from './series';

/** 60 weeks of 5 cells without neighbours, counts (p·7 + c·3) mod 5, weekly from 2018-01-01. */
function history(): History {
  const C = 5;
  const P = 60;
  return {
    res: 8,
    bucket: { unit: 'week', timeZone: 'UTC', clock: 'wall' },
    cells: Array.from({ length: C }, (_, c) => `cell${c}`),
    area: new Float64Array(C).fill(1),
    periods: Float64Array.from({ length: P }, (_, p) => Date.UTC(2018, 0, 1 + 7 * p)),
    counts: Float32Array.from({ length: P * C }, (_, i) => (Math.floor(i / C) * 7 + (i % C) * 3) % 5),
    neighbours: { k: 2, offsets: new Int32Array(C + 1), index: new Int32Array(0), ring: new Uint8Array(0) },
    futurePeriods: (h) => Float64Array.from({ length: h }, (_, i) => Date.UTC(2018, 0, 1 + 7 * (P + i))),
  };
}

const bytes = (a: Float32Array | undefined) => Buffer.from(a!.buffer, a!.byteOffset, a!.byteLength);

describe('trainingInputs(ctx, spec, first, end): cached rows and sequence steps', () => {
  it.each(['cell', 'period'] as const)('gives the same bytes as inputs computed step by step (%s units, 6-step windows)', (sample) => {
    const h = history();
    const series = seriesOf(h, 0);
    const layout = featureLayout('week', 6, 52);
    const ctx = featureContext(series, h.bucket, layout, priorStrength(series, 52));
    const spec = { sample, window: 6 };
    const { inputs, scalers } = trainingInputs(ctx, spec, 6, 52);
    const plain = inputsOf(ctx, spec, scalers);
    // Units from the first window (its steps reach period 0) to the last period, not consecutive.
    const units = sample === 'cell' ? Int32Array.of(6 * 5, 6 * 5 + 4, 20 * 5 + 2, 59 * 5 + 1) : Int32Array.of(6, 21, 59);
    const cached = inputs.batch(units);
    const fresh = plain.batch(units);
    expect(cached.n).toBe(fresh.n);
    expect(bytes(cached.tab).equals(bytes(fresh.tab))).toBe(true);
    if (sample === 'cell') expect(bytes(cached.seq).equals(bytes(fresh.seq))).toBe(true);
    else expect(bytes(cached.nodes).equals(bytes(fresh.nodes))).toBe(true);
    // The first step of unit t = 6's window is period 0: log1p of cell 0's count 0, scaled.
    const first = sample === 'cell' ? cached.seq! : cached.nodes!;
    expect(first[0]).toBeCloseTo((0 - scalers.seq.mean[0]) * scalers.seq.scale[0], 6);
  });
});
