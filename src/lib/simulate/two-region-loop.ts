import { historicAverage } from '../forecast/baselines';
import { cellOf, diskOf } from '../grid/h3';
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
  /** True incidents a month in each cell of each region (default 0.6 in both); a cell shared by both regions has their mean. */
  readonly rates?: { readonly west: number; readonly east: number };
  /** Cells within this many rings of downtown Chicago's cell (default 1: 7 cells). */
  readonly rings?: number;
  /** Share of the cells patrolled a month (default 1/7). */
  readonly coverage?: number;
}

/**
 * The exposure-drift experiment: a k-ring disk of cells (by default 7) in two regions
 * (`twoRegions`, west and east of the median longitude) where two groups live, with true risk
 * `rates` (by default equal, 0.6 incidents a month per cell); each month the `coverage` share
 * of cells (by default one cell, 1/7 of the area) with the highest historic average of
 * recorded incidents is patrolled, after 10 warm-up months (`simulateFeedbackLoop` with
 * `areas`). Under the urn the first patrols decide who is patrolled for good (Ensign et al.
 * 2018, "Runaway feedback loops in predictive policing", PMLR 81:160–171).
 * @example twoRegionLoop({ seed: 2, correction: 'none' }).exposureShare!.length // → 190 months × 2 groups
 */
export function twoRegionLoop(options: TwoRegionLoopOptions): FeedbackLoopResult {
  const cells = diskOf({ cell: cellOf({ lat: 41.8781, lng: -87.6298, res: 8 }), k: options.rings ?? 1 })
    .flat()
    .sort();
  const regions = twoRegions(cells);
  const west = regions.groups[0].values;
  const { west: rw, east: re } = options.rates ?? { west: 0.6, east: 0.6 };
  return simulateFeedbackLoop({
    trueRate: ({ cell }) => (west[cell] * rw + (100 - west[cell]) * re) / 100,
    cells,
    periods: options.periods ?? 200,
    warmup: 10,
    coverage: options.coverage ?? 1 / 7,
    detection: options.detection ?? { unpatrolled: 0.3, patrolled: 0.9 },
    forecaster: historicAverage,
    seed: options.seed,
    correction: options.correction,
    areas: () => regions,
  });
}
