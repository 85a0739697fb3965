import { formatNumber } from '../base/format-number';
import { HOTSPOT_METRICS, coverageKey, type HotspotMetricId } from './metric-catalogue';

/** A hotspot score with the tied cells at the boundary taken worst-first and best-first. */
export interface TieRange {
  readonly worst: number;
  readonly best: number;
}

/** Tie ranges of every hotspot metric, keyed by coverage ('0.05'). */
export type TieRanges = Readonly<Record<HotspotMetricId, Readonly<Record<string, TieRange>>>>;

/**
 * Tie ranges from per-fold series laid out as `values[fold * coverages + j]`, averaged over
 * `folds` (the given fold indexes; NaN folds left out, as the metric means leave them out).
 * @example tieRanges({ hitRate: [0.1, 0.3], pai: [2, 6], pei: [0.2, 0.4] }, { hitRate: [0.2, 0.4], pai: [4, 8], pei: [0.3, 0.5] }, [0.05], [0, 1]).pai
 * // → { '0.05': { worst: 4, best: 6 } }
 */
export function tieRanges(
  worst: Readonly<Record<HotspotMetricId, ArrayLike<number>>>,
  best: Readonly<Record<HotspotMetricId, ArrayLike<number>>>,
  coverage: readonly number[],
  folds: readonly number[],
): TieRanges {
  const J = coverage.length;
  const mean = (values: ArrayLike<number>, j: number): number => {
    let sum = 0;
    let n = 0;
    for (const k of folds) {
      const v = values[k * J + j];
      if (Number.isNaN(v)) continue;
      sum += v;
      n++;
    }
    return n > 0 ? sum / n : Number.NaN;
  };
  return Object.fromEntries(
    HOTSPOT_METRICS.map((id) => [id, Object.fromEntries(coverage.map((c, j) => [coverageKey(c), { worst: mean(worst[id], j), best: mean(best[id], j) }]))]),
  ) as unknown as TieRanges;
}

/**
 * The tie range as printed next to a score — 'ties 1.89–4.06' — or '' when the worst-first and
 * best-first values print alike (the ties do not move the printed digits).
 * @example tieRangeText({ worst: 1.894, best: 4.061 }) // → 'ties 1.89–4.06'
 */
export function tieRangeText(range: TieRange | undefined, digits = 3): string {
  if (!range) return '';
  const worst = formatNumber(range.worst, digits);
  const best = formatNumber(range.best, digits);
  return worst === best ? '' : `ties ${worst}–${best}`;
}
