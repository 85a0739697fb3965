import { describe, expect, it } from 'vitest';
import { historicAverage } from '../forecast/baselines';
import { simulateFeedbackLoop } from './feedback-loop';
import { twoRegionLoop } from './two-region-loop';

const mean = (values: Float64Array, from = 0): number => {
  const part = values.subarray(from);
  return part.reduce((a, b) => a + b, 0) / part.length;
};

describe('simulateFeedbackLoop', () => {
  it('on uniform true risk, patrols make the model look accurate: apparent hit rate ≈ 25 %, 2.5 × the 9.8 % of cells patrolled, true hit rate ≈ 9.8 %, and the same cells stay patrolled', () => {
    const result = simulateFeedbackLoop({
      trueRate: () => 0.6,
      rings: 4, // 61 cells
      periods: 120,
      warmup: 20,
      coverage: 0.1,
      detection: { unpatrolled: 0.3, patrolled: 0.9 },
      forecaster: historicAverage,
      seed: 5,
    });
    // 6 of 61 cells patrolled = 9.8 % of the area. Recorded share in them: 0.9·6 / (0.9·6 + 0.3·55) = 5.4/21.9 ≈ 24.7 %.
    expect(result.apparentHitRate).toHaveLength(100);
    expect(Math.abs(mean(result.apparentHitRate, 20) - 5.4 / 21.9)).toBeLessThan(0.03);
    expect(Math.abs(mean(result.trueHitRate, 20) - 6 / 61)).toBeLessThan(0.02);
    // The loop locks in: the same 6 cells are patrolled period after period.
    const C = result.truth.cells.length;
    const last = result.patrolled.subarray(99 * C, 100 * C);
    const earlier = result.patrolled.subarray(60 * C, 61 * C);
    expect([C, last.reduce((a, b) => a + b, 0)]).toEqual([61, 6]);
    expect(Array.from(last)).toEqual(Array.from(earlier));
  });

  it('with uniform detection there is no loop: apparent and true hit rates agree', () => {
    const result = simulateFeedbackLoop({
      trueRate: ({ ring }) => 2 / (1 + ring),
      periods: 80,
      warmup: 20,
      coverage: 0.1,
      detection: { unpatrolled: 0.6, patrolled: 0.6 },
      forecaster: historicAverage,
      seed: 6,
    });
    expect(Math.abs(mean(result.apparentHitRate) - mean(result.trueHitRate))).toBeLessThan(0.02);
    expect(mean(result.riskOverlap, 10)).toBeGreaterThan(0.5);
  });

  it('refuses a forecaster that fits asynchronously instead of predicting from an unfitted one', () => {
    const asynchronous = () => ({ ...historicAverage(), fit: async () => {} });
    expect(() =>
      simulateFeedbackLoop({
        trueRate: () => 1,
        periods: 30,
        warmup: 5,
        coverage: 0.2,
        detection: { unpatrolled: 0.5, patrolled: 1 },
        forecaster: asynchronous,
      }),
    ).toThrow("simulateFeedbackLoop runs synchronously: 'historic-average' fits asynchronously; use a baseline (e.g. historic-average)");
  });

  it('records never more than happened (in all 30 × 61 cell-periods), every incident where detection is 1, and exactly the truth when detection is 1 everywhere', () => {
    const options = { trueRate: () => 1, periods: 30, warmup: 5, coverage: 0.2, detection: { unpatrolled: 0.5, patrolled: 1 }, forecaster: historicAverage };
    const result = simulateFeedbackLoop(options);
    const C = result.truth.cells.length;
    expect(result.recorded.counts).toHaveLength(30 * 61);
    result.recorded.counts.forEach((v, i) => expect(v).toBeLessThanOrEqual(result.truth.counts[i]));
    const sum = (values: Float32Array): number => values.reduce((a, b) => a + b, 0);
    expect(sum(result.recorded.counts)).toBeLessThan(sum(result.truth.counts));
    let patrolledCells = 0;
    result.patrolled.forEach((on, i) => {
      if (!on) return;
      patrolledCells++;
      const at = 5 * C + i; // patrols start after the 5 warm-up periods
      expect(result.recorded.counts[at]).toBe(result.truth.counts[at]);
    });
    expect(patrolledCells).toBe(25 * Math.round(0.2 * 61));
    const everything = simulateFeedbackLoop({ ...options, detection: { unpatrolled: 1, patrolled: 1 } });
    expect(Array.from(everything.recorded.counts)).toEqual(Array.from(everything.truth.counts));
  });

  it('refuses a warm-up that leaves no period to patrol', () => {
    expect(() =>
      simulateFeedbackLoop({
        trueRate: () => 1,
        periods: 30,
        warmup: 30,
        coverage: 0.2,
        detection: { unpatrolled: 0.5, patrolled: 1 },
        forecaster: historicAverage,
      }),
    ).toThrow(/warmup must lie in \[1, 29\], got 30/);
  });
});

describe('simulateFeedbackLoop: how exposure drifts', () => {
  // Seven cells (a 1-ring disk), two regions of equal true risk (0.6 a month per cell): 'west' lives in the three cells
  // west of the centre, 'east' in the three east of it, the centre is shared. One cell (1/7 of the area) is patrolled a
  // month, chosen by the historic average of what was recorded. 10 warm-up months, then 190 patrolled months, 10 seeds.
  const run = (seed: number, correction: 'none' | 'ensign', detection = { unpatrolled: 0.3, patrolled: 0.9 }) => twoRegionLoop({ seed, correction, detection });
  /** The group favoured in the first patrolled month (the larger share; west on a tie): its first share and mean share over the last 100 months. */
  const favoured = (share: Float64Array): { first: number; late: number } => {
    const g = share[0] >= share[1] ? 0 : 1;
    let sum = 0;
    for (let t = 90; t < 190; t++) sum += share[t * 2 + g];
    return { first: share[g], late: sum / 100 };
  };
  const seeds = Array.from({ length: 10 }, (_, i) => i + 1);

  it('reports each month’s exposure share per group, summing to 1', () => {
    const result = run(1, 'none');
    expect(result.groups).toEqual(['west', 'east']);
    expect(result.exposureShare).toHaveLength(190 * 2);
    for (let t = 0; t < 190; t++) expect(result.exposureShare![2 * t] + result.exposureShare![2 * t + 1]).toBeCloseTo(1, 12);
  });

  it('under the urn model the initially favoured group keeps every patrol in 7 of 10 seeds (mean late share 0.75); with the Ensign et al. correction in 1 of 10 (mean 0.36)', () => {
    const urn = seeds.map((seed) => favoured(run(seed, 'none').exposureShare!));
    const corrected = seeds.map((seed) => favoured(run(seed, 'ensign').exposureShare!));
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(urn.filter((f) => f.late === 1).length).toBe(7);
    expect(corrected.filter((f) => f.late === 1).length).toBe(1);
    expect(mean(urn.map((f) => f.late))).toBeCloseTo(0.75, 2);
    expect(mean(corrected.map((f) => f.late))).toBeCloseTo(0.36, 2);
    // Both start from the same first month: the correction changes only what the model learns afterwards.
    expect(corrected.map((f) => f.first)).toEqual(urn.map((f) => f.first));
  });

  it('with equal detection in patrolled and unpatrolled cells the correction changes nothing: the same patrols every month', () => {
    const equal = { unpatrolled: 0.6, patrolled: 0.6 };
    expect(Array.from(run(4, 'ensign', equal).patrolled)).toEqual(Array.from(run(4, 'none', equal).patrolled));
  });
});

describe('twoRegionLoop: the runaway on two regions of unequal risk, and its correction', () => {
  // 19 cells (a 2-ring disk) split at the median longitude: 9 west cells with a true rate of 1 incident a month, 9 east
  // cells with 0.5, the median cell shared (0.75). 6 cells (6/19 of the area) patrolled a month after 10 warm-up months;
  // if patrols followed the true risk, all 6 would be west cells (the true ratio: 100 % west, 0 % on the 0.5 cells).
  // A patrolled cell of rate λ records 0.9λ a month against 0.3 · 1 for an unpatrolled west cell, so it keeps its patrol
  // for good when 0.9λ > 0.3, i.e. for every cell: the urn's runaway (Ensign et al. 2018).
  const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
  /** Share of the patrols of the last 100 months (600 cell-months) that went to cells of true rate `rate`. */
  const lateShareOn = (seed: number, correction: 'none' | 'ensign', patrolled: number, rate: number): number => {
    const result = twoRegionLoop({ seed, correction, rings: 2, coverage: 6 / 19, rates: { west: 1, east: 0.5 }, detection: { unpatrolled: 0.3, patrolled } });
    const C = result.truth.cells.length;
    let on = 0;
    for (let t = 90; t < 190; t++) for (let c = 0; c < C; c++) if (result.patrolled[t * C + c] && result.rates[c] === rate) on++;
    return on / 600;
  };
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  it('has the rates it was given: 9 cells of 1, 9 of 0.5 and the shared one of 0.75', () => {
    const { rates, truth } = twoRegionLoop({ seed: 1, correction: 'none', rings: 2, coverage: 6 / 19, rates: { west: 1, east: 0.5 } });
    const first = Array.from(rates.subarray(0, truth.cells.length));
    expect([first.filter((r) => r === 1).length, first.filter((r) => r === 0.5).length, first.filter((r) => r === 0.75).length]).toEqual([9, 9, 1]);
  });

  it('under the urn (detection 0.3 → 0.9) low-risk cells keep patrols in 4 of 10 seeds (10 % of late patrols on average, up to 1 in 3)', () => {
    const low = seeds.map((seed) => lateShareOn(seed, 'none', 0.9, 0.5));
    expect(low.map((share) => Math.round(share * 600))).toEqual([0, 100, 200, 0, 0, 0, 0, 200, 100, 0]);
    expect(mean(low)).toBeCloseTo(0.1, 12);
  });

  it('with the Ensign et al. correction no patrol goes to a low-risk cell in any seed, and 99.9 % go to the west cells of rate 1 (the rest to the shared cell): the true ratio', () => {
    expect(seeds.map((seed) => lateShareOn(seed, 'ensign', 0.9, 0.5))).toEqual(seeds.map(() => 0));
    const west = seeds.map((seed) => lateShareOn(seed, 'ensign', 0.9, 1));
    expect(mean(west)).toBeCloseTo(0.999, 6);
  });

  it('with detection boosted only 1.5 × (0.3 → 0.45) a patrolled 0.5 cell records 0.225 < 0.3: the loop lets go of it without the correction', () => {
    expect(seeds.map((seed) => lateShareOn(seed, 'none', 0.45, 0.5))).toEqual(seeds.map(() => 0));
    // … but the shared 0.75 cell records 0.3375 > 0.3 when patrolled, and keeps its patrol in 3 seeds.
    expect(seeds.filter((seed) => lateShareOn(seed, 'none', 0.45, 0.75) > 0)).toHaveLength(3);
  });
});

describe('simulateFeedbackLoop: the warm-up and real cells', () => {
  it('scores the cells the model would have patrolled in the warm-up, where recorded and true hit rates agree on average', () => {
    const result = simulateFeedbackLoop({
      trueRate: ({ ring }) => 2 / (1 + ring),
      periods: 60,
      warmup: 40,
      coverage: 0.1,
      detection: { unpatrolled: 0.3, patrolled: 0.9 },
      forecaster: historicAverage,
      seed: 3,
    });
    expect(result.warmup.apparentHitRate).toHaveLength(40);
    expect(Number.isNaN(result.warmup.apparentHitRate[0])).toBe(true);
    const part = (values: Float64Array) => mean(values.subarray(1) as Float64Array);
    expect(Math.abs(part(result.warmup.apparentHitRate) - part(result.warmup.trueHitRate))).toBeLessThan(0.02);
    // Once patrols record three times as much where they are, the recorded data flatter the same choice.
    expect(mean(result.apparentHitRate) - mean(result.trueHitRate)).toBeGreaterThan(0.1);
  });

  it('runs on given cells: the rate function sees each cell by index, and no ring', () => {
    const cells = twoRegionLoop({ seed: 1, correction: 'none', periods: 12 }).truth.cells;
    const rings: number[] = [];
    const result = simulateFeedbackLoop({
      trueRate: ({ cell, ring }) => (rings.push(ring), cell + 1),
      cells,
      unit: 'month',
      periods: 12,
      warmup: 2,
      coverage: 1 / 7,
      detection: { unpatrolled: 1, patrolled: 1 },
      forecaster: historicAverage,
    });
    expect(result.truth.cells).toEqual(cells);
    expect(result.truth.bucket.unit).toBe('month');
    expect(Array.from(result.rates.subarray(0, 7))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rings.every(Number.isNaN)).toBe(true);
  });
});
