import type { Panel } from '../grid/panel';
import { wallTimeOf } from '../grid/wall-time';

/**
 * The period each forecast of a run is for, as wall-clock readings for display: entry
 * `k·h + s` is the period `s` steps after cutoff `k` (0-based), or the panel's end when that
 * step runs past the last period.
 * @example testPeriodsOf(weeklyPanel, [10, 11], 1) // → Float64Array [start of week 10, start of week 11]
 */
export function testPeriodsOf(panel: Pick<Panel, 'periods' | 'end' | 'bucket'>, cutoffs: readonly number[], horizon: number): Float64Array {
  const out = new Float64Array(cutoffs.length * horizon);
  cutoffs.forEach((cutoff, k) => {
    for (let s = 0; s < horizon; s++) out[k * horizon + s] = wallTimeOf(cutoff + s < panel.periods.length ? panel.periods[cutoff + s] : panel.end, panel.bucket);
  });
  return out;
}
