import { historicAverage } from '../forecast/baselines';
import { simulateFeedbackLoop, type FeedbackLoopResult } from './feedback-loop';
import { twoRegions } from './two-regions';

/** Options of `twoRegionLoop`. */
export interface TwoRegionLoopOptions {
  readonly seed: number;
  /** What the model learns from: every recorded incident ('none', the urn) or the Ensign et al. correction. */
  readonly correction: 'none' | 'ensign';
  /** Default: recorded with probability 0.3 unpatrolled, 0.9 patrolled. */
  readonly detection?: { readonly unpatrolled: number; readonly patrolled: number };
  /** Months in all (default 200), the first 10 without patrols. */
  readonly periods?: number;
}

/**
 * The exposure-drift experiment: seven cells (a 1-ring disk) in two regions of equal true risk
 * (0.6 incidents a month per cell) where two groups live (`twoRegions`); each month the one
 * cell (1/7 of the area) with the highest historic average of recorded incidents is patrolled,
 * after 10 warm-up months (`simulateFeedbackLoop` with `areas`). Under the urn the first
 * patrols decide who is patrolled for good (Ensign et al. 2018).
 * @example twoRegionLoop({ seed: 2, correction: 'none' }).exposureShare!.length // → 190 months × 2 groups
 */
export function twoRegionLoop(options: TwoRegionLoopOptions): FeedbackLoopResult {
  return simulateFeedbackLoop({
    trueRate: () => 0.6,
    rings: 1,
    periods: options.periods ?? 200,
    warmup: 10,
    coverage: 1 / 7,
    detection: options.detection ?? { unpatrolled: 0.3, patrolled: 0.9 },
    forecaster: historicAverage,
    seed: options.seed,
    correction: options.correction,
    areas: (cells) => twoRegions(cells),
  });
}
