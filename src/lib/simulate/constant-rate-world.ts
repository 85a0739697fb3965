import { random } from '../base/random';
import { hotspotRegression } from '../evaluate/hotspot-regression';

/**
 * A world where nothing changes: cell c has the same true rate λ_c in every period, and its count
 * is Poisson(λ_c), independently across cells and periods. Returns `periods` × cells counts,
 * period-major like `Panel.counts`. Same seed → same counts.
 * @example constantRateCounts(Float64Array.of(0, 2), 3, 7).length // → 6
 */
export function constantRateCounts(rates: ArrayLike<number>, periods: number, seed: number): Float32Array {
  const rng = random(seed);
  const cells = rates.length;
  const counts = new Float32Array(periods * cells);
  for (let p = 0; p < periods; p++) for (let c = 0; c < cells; c++) counts[p * cells + c] = rng.poisson(rates[c]);
  return counts;
}

/** The hottest cells of a constant-rate world: one seeded run to show, and the average over many. */
export interface ConstantWorldRegression {
  /** Mean count of the k hottest cells of the first period, then of the same cells in each of `after` periods (the shown run). */
  readonly series: Float64Array;
  /** Mean true rate of the shown run's selected cells: what their counts tend to. */
  readonly trueRate: number;
  /** Share of the shown run's selected cells still among the k hottest in the next period. */
  readonly persistence: number;
  /** Averages over `runs` seeds (seed, seed + 1, …): the selection period's mean, the next period's mean, the selected cells' true rate, persistence. */
  readonly expected: { readonly at: number; readonly next: number; readonly trueRate: number; readonly persistence: number };
  readonly runs: number;
}

/**
 * Regression to the mean with no change at all: draws `runs` constant-rate worlds with the given
 * rates (seed, seed + 1, …), picks each world's k hottest cells in its first period
 * (`hotspotRegression`) and follows them for `after` periods. In expectation their next count is
 * their true rate, E[x_{c,t+1} | c selected at t] = λ_c (the periods are independent), so the
 * "drop" expected.at − expected.next is pure selection on luck.
 * @example constantWorldRegression(new Float64Array(100).fill(1), 1, 1, 7, 500).expected.trueRate // → 1
 */
export function constantWorldRegression(rates: ArrayLike<number>, k: number, after: number, seed: number, runs: number): ConstantWorldRegression {
  const cells = rates.length;
  let shown: { series: Float64Array; trueRate: number; persistence: number } | undefined;
  let at = 0;
  let next = 0;
  let trueRate = 0;
  let persistence = 0;
  for (let r = 0; r < runs; r++) {
    const followed = Math.max(1, after);
    const run = hotspotRegression(constantRateCounts(rates, followed + 1, seed + r), cells, 0, k, followed);
    let rate = 0;
    for (const c of run.top) rate += rates[c];
    rate /= k;
    if (r === 0) shown = { series: run.series.slice(0, after + 1), trueRate: rate, persistence: run.persistence };
    at += run.series[0];
    next += run.series[1];
    trueRate += rate;
    persistence += run.persistence;
  }
  if (!shown) throw new RangeError('constantWorldRegression: runs must be at least 1');
  return { ...shown, expected: { at: at / runs, next: next / runs, trueRate: trueRate / runs, persistence: persistence / runs }, runs };
}

/**
 * E[max of n independent Poisson(λ) counts] = Σ_{m ≥ 0} (1 − F(m)ⁿ), F the Poisson(λ) CDF: the
 * selection-period count of the single hottest of n equal cells. Its excess over λ is the drop
 * expected next period in a world where nothing changed (Gumbel 1958 on extremes). Summed until
 * the term falls below 1e-12.
 * @example expectedMaxPoisson(1, 1) // → 1
 */
export function expectedMaxPoisson(lambda: number, n: number): number {
  let sum = 0;
  let pmf = Math.exp(-lambda);
  let cdf = pmf;
  for (let m = 0; m < 10_000; m++) {
    const term = 1 - cdf ** n;
    sum += term;
    if (term < 1e-12 && m > lambda) break;
    pmf *= lambda / (m + 1);
    cdf += pmf;
  }
  return sum;
}
