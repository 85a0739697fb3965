import { describe, expect, it } from 'vitest';
import { syntheticPanel } from '../simulate/synthetic-panel';
import { monthlyRates } from '../simulate/monthly-rates';
import { twoRegions } from '../simulate/two-regions';
import { feedbackLesson, FEEDBACK_MONTHS, FEEDBACK_WARMUP, type FeedbackLessonInput } from './feedback-lesson';
import type { LessonContext } from './lesson-context';

// A binned panel of 37 cells (3 rings) × 104 weeks whose true risk falls off from the centre.
const { panel } = syntheticPanel({ rings: 3, periods: 104, seed: 4, rate: ({ ring }) => 2 / (1 + ring) });
const context = (withPanel = true): LessonContext => ({
  panel: withPanel ? panel : null,
  region: null,
  signal: new AbortController().signal,
  progress: () => {},
});
const input: FeedbackLessonInput = { seed: 3, patrolShare: 0.1, boost: 3, correction: false };

describe('feedbackLesson', () => {
  it("runs on the binned panel's cells with each cell's mean monthly count as the true risk", async () => {
    const out = await feedbackLesson(input, context());
    expect(out.world).toBe('panel');
    expect(out.cells).toEqual(panel.cells);
    const rates = monthlyRates(panel);
    out.trueRate.forEach((rate, c) => expect(rate).toBeCloseTo(rates[c], 4));
    // 10 % of 37 cells = 3.7 → 4 patrolled a month, at 0.3 × 3 = 0.9 detection.
    expect([out.patrolled, out.detection.patrolled, out.months, out.warmup]).toEqual([4, 0.9, FEEDBACK_MONTHS, FEEDBACK_WARMUP]);
    expect(out.trueTop.reduce((a, b) => a + b, 0)).toBe(4);
    expect(out.geometry.paths).toHaveLength(37);
  });

  it('patrols nobody in the warm-up and k cells every month after it', async () => {
    const out = await feedbackLesson(input, context());
    const C = out.cells.length;
    const perMonth = Array.from({ length: out.months }, (_, m) => out.patrols.subarray(m * C, (m + 1) * C).reduce((a, b) => a + b, 0));
    expect(perMonth).toEqual(Array.from({ length: out.months }, (_, m) => (m < FEEDBACK_WARMUP ? 0 : 4)));
    expect(Number.isNaN(out.recordedAccuracy[0])).toBe(true);
    expect(out.favoured.share.slice(0, FEEDBACK_WARMUP).every(Number.isNaN)).toBe(true);
  });

  it('keeps a running mean of the records: (m + 1) × month m − m × month m − 1 is what was recorded in month m, a whole count', async () => {
    const out = await feedbackLesson(input, context());
    const C = out.cells.length;
    for (let m = 1; m < out.months; m++) {
      for (let c = 0; c < C; c++) {
        const recorded = (m + 1) * out.recordedSoFar[m * C + c] - m * out.recordedSoFar[(m - 1) * C + c];
        expect(Math.abs(recorded - Math.round(recorded))).toBeLessThan(1e-3);
        expect(Math.round(recorded)).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('is reproducible by its seed, and the correction changes what is patrolled', async () => {
    const [a, b, other, corrected] = await Promise.all([
      feedbackLesson(input, context()),
      feedbackLesson(input, context()),
      feedbackLesson({ ...input, seed: 4 }, context()),
      feedbackLesson({ ...input, correction: true }, context()),
    ]);
    expect(Array.from(a.patrols)).toEqual(Array.from(b.patrols));
    expect(Array.from(a.patrols)).not.toEqual(Array.from(other.patrols));
    expect(Array.from(a.patrols)).not.toEqual(Array.from(corrected.patrols));
  });

  it('shows the loop: recorded accuracy of the patrolled months above the true one, by about the detection ratio', async () => {
    const out = await feedbackLesson(input, context());
    const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;
    const recorded = mean(out.recordedAccuracy.subarray(FEEDBACK_WARMUP));
    const actual = mean(out.trueAccuracy.subarray(FEEDBACK_WARMUP));
    // With share h of true incidents in the patrolled cells, the recorded share is 0.9h / (0.9h + 0.3(1 − h)).
    expect(recorded).toBeCloseTo((0.9 * actual) / (0.9 * actual + 0.3 * (1 - actual)), 1);
  });

  it('falls back to a synthetic patch of 127 cells (6 rings) when no data is binned, and says so', async () => {
    const out = await feedbackLesson(input, context(false));
    expect([out.world, out.cells.length, out.patrolled]).toEqual(['synthetic', 127, 13]);
    // True rate 3e^(−ring/2) + 0.3: the centre cell has 3.3 a month.
    expect(Math.max(...out.trueRate)).toBeCloseTo(3.3, 5);
  });

  it('gives the favoured half its share of the true hotspots: where patrols following the true risk would go', async () => {
    const out = await feedbackLesson(input, context());
    const west = twoRegions(out.cells).groups[0].values;
    let inWest = 0;
    out.trueTop.forEach((top, c) => (inWest += top ? west[c] / 100 : 0));
    expect(out.favoured.trueShare).toBeCloseTo(out.favoured.name === 'west' ? inWest / 4 : 1 - inWest / 4, 12);
  });

  it('refuses a patrol share or a boost outside its range', async () => {
    await expect(feedbackLesson({ ...input, patrolShare: 0.6 }, context())).rejects.toThrow('patrolShare must lie in (0, 0.5], got 0.6');
    await expect(feedbackLesson({ ...input, boost: 4 }, context())).rejects.toThrow(/boost must lie in \[1, 3\.33/);
  });
});
