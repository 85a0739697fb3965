import { describe, expect, it } from 'vitest';
import { feedbackOutcome, guessVerdict } from './feedback-verdict';

// 10 months, 2 of warm-up: the overlap is 0.5 in the first patrolled month (index 2).
const run = (late: number) => ({
  months: 10,
  warmup: 2,
  overlap: Float64Array.of(Number.NaN, 0.4, 0.5, 0.5, 0.5, 0.5, late, late, late, late),
  recordedAccuracy: Float64Array.of(Number.NaN, 0.1, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3),
  trueAccuracy: Float64Array.of(Number.NaN, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.2),
});

describe('feedbackOutcome and guessVerdict', () => {
  it('calls a rise of the overlap by 10 points or more convergence: last 6 months (0.5, 0.5, 0.8 × 4) average 0.7', () => {
    const outcome = feedbackOutcome(run(0.8));
    expect(outcome.first).toBe(0.5);
    expect(outcome.late).toBeCloseTo((0.5 + 0.5 + 4 * 0.8) / 6, 12);
    expect(outcome.outcome).toBe('converge');
    // Patrolled months 2–9: recorded 0.3 each, true (6 × 0.1 + 2 × 0.2) / 8 = 0.125.
    expect(outcome.recorded).toBeCloseTo(0.3, 12);
    expect(outcome.truth).toBeCloseTo(0.125, 12);
  });

  it('calls anything less staying, and words the verdict from the numbers', () => {
    expect(feedbackOutcome(run(0.55)).outcome).toBe('stay');
    expect(guessVerdict(run(0.5), 'stay')).toBe(
      'In this run 50 % of the patrolled cells were true hotspots in the first patrolled month, and 50 % over the last 6 months: they stayed (nearly) where the first patrols went. ' +
        'Meanwhile the records said the patrolled cells held 30 % of all incidents; in truth they held 13 %. Your prediction was right for this run.',
    );
    expect(guessVerdict(run(0.8), 'stay')).toMatch(/they moved towards the true hotspots\..*Not what you predicted for this run\.$/);
  });
});
