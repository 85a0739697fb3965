import { formatPercent } from '../../../lib/base/format-number';
import type { FeedbackLessonOutput } from '../../../lib/lessons/feedback-lesson';

/** The learner's prediction: do the recorded hotspots converge to the true ones? */
export type FeedbackGuess = 'converge' | 'stay';

/** The choices offered before the reveal, in the order shown. */
export const FEEDBACK_GUESSES: readonly { readonly id: FeedbackGuess; readonly label: string }[] = [
  { id: 'converge', label: 'Yes: with more months of data they move to the true hotspots' },
  { id: 'stay', label: 'No: they stay where the first patrols went' },
];

/** Mean of `values[from, to)`, skipping NaN. */
function meanOf(values: Float64Array, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    if (Number.isNaN(values[i])) continue;
    sum += values[i];
    n++;
  }
  return n ? sum / n : Number.NaN;
}

/** What a run shows, in numbers: the overlap with the true hotspots in the first patrolled month and over the last 6 months, and the two accuracies over the patrolled months. */
export function feedbackOutcome(out: Pick<FeedbackLessonOutput, 'overlap' | 'recordedAccuracy' | 'trueAccuracy' | 'months' | 'warmup'>) {
  const first = out.overlap[out.warmup];
  const late = meanOf(out.overlap, out.months - 6, out.months);
  return {
    first,
    late,
    /** 'converge' when the overlap rose by at least 10 percentage points, else 'stay'. */
    outcome: (late - first >= 0.1 ? 'converge' : 'stay') as FeedbackGuess,
    recorded: meanOf(out.recordedAccuracy, out.warmup, out.months),
    truth: meanOf(out.trueAccuracy, out.warmup, out.months),
  };
}

/**
 * The reveal: what happened in this run against the learner's guess, every number from the output.
 * @example guessVerdict(out, 'stay') // → 'In this run 61 % of the patrolled cells were true hotspots in the first patrolled month, and 61 % over the last 6 months: …'
 */
export function guessVerdict(
  out: Pick<FeedbackLessonOutput, 'overlap' | 'recordedAccuracy' | 'trueAccuracy' | 'months' | 'warmup'>,
  guess: FeedbackGuess,
): string {
  const { first, late, outcome, recorded, truth } = feedbackOutcome(out);
  const moved = outcome === 'converge' ? 'they moved towards the true hotspots' : 'they stayed (nearly) where the first patrols went';
  return (
    `In this run ${formatPercent(first, 0)} of the patrolled cells were true hotspots in the first patrolled month, and ${formatPercent(late, 0)} over the last 6 months: ${moved}. ` +
    `Meanwhile the records said the patrolled cells held ${formatPercent(recorded, 0)} of all incidents; in truth they held ${formatPercent(truth, 0)}. ` +
    (guess === outcome ? 'Your prediction was right for this run.' : 'Not what you predicted for this run.')
  );
}
