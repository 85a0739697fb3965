import { capturedPrefix } from './hotspot-capture';
import { hotspotRankingOf, type HotspotRanking } from './hotspot-ranking';
import { tieOrder } from './tie-order';

/** The hindsight-best order of one step's region cells and the incidents its groups hold (for PEI*'s n*). */
export interface HindsightRanking {
  /** Region cells by observed incidents per m², highest first (ties by area, then count, then index). */
  readonly ranking: HotspotRanking;
  /** `capturedPrefix` of that ranking: incidents in its first g groups. */
  readonly prefix: Float64Array;
}

/**
 * Region cells ranked by observed incidents per m² (the order in which hindsight would flag
 * them, `hotspotScores`' n*), with its prefix sums. It depends on the observed counts, areas
 * and region only — not on any forecast — so a backtest ranks each step once and hands the
 * result to `hotspotScores` for every model. `ties`, when given, is `tieOrder(area, region,
 * actual)` already made (the backtest shares it with the step's forecast rankings).
 * @example hindsightRanking([0, 6, 3], [1, 1, 1], [1, 1, 1]).ranking.order // → [1, 2, 0]
 */
export function hindsightRanking(actual: ArrayLike<number>, area: ArrayLike<number>, region: ArrayLike<number>, ties?: Int32Array): HindsightRanking {
  const density = new Float64Array(actual.length);
  for (let i = 0; i < actual.length; i++) density[i] = region[i] === 1 ? actual[i] / area[i] : 0;
  const ranking = hotspotRankingOf(density, area, ties ?? tieOrder(area, region, actual));
  return { ranking, prefix: capturedPrefix(ranking, actual) };
}
