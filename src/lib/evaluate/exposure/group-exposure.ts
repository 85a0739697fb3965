import type { GroupComposition } from './group-composition';

/**
 * The flagged population of each group: E_g = Σ_c w_c · n_gc, where w_c ∈ [0, 1] is the
 * share of cell c's area flagged (`flagWeights`: 1 flagged whole, s for a tied cell at the
 * boundary, 0 otherwise) and n_gc group g's population apportioned to cell c. Population is
 * taken as spread evenly over a cell, so flagging a share w of the cell flags w of its people.
 * Summed over the periods of a fold, E_g counts person-periods under a flag. Adds into `into`
 * (one entry per group) and returns it.
 * @example groupExposure([1, 0.5, 0], { population: [[10, 20, 30], [0, 2, 8]], … }) // → [20, 1]
 */
export function groupExposure(weights: ArrayLike<number>, composition: Pick<GroupComposition, 'population'>, into?: Float64Array): Float64Array {
  const out = into ?? new Float64Array(composition.population.length);
  composition.population.forEach((population, g) => {
    let sum = 0;
    for (let c = 0; c < weights.length; c++) if (weights[c] > 0) sum += weights[c] * population[c];
    out[g] += sum;
  });
  return out;
}

/**
 * Recorded incidents split by each cell's group composition: I_g = Σ_c y_c · n_gc / N_c over
 * the region cells with N_c = Σ_g n_gc > 0 (an incident in a cell whose population is 60 % group
 * A counts 0.6 to A). Incidents in region cells without any group population belong to no group
 * and are returned as `unassigned`. Adds into `into` and returns it.
 * @example groupIncidents([4, 2], [1, 1], { population: [[3, 0], [1, 0]], sum: [4, 0] }) // → { shares: [3, 1], unassigned: 2 }
 */
export function groupIncidents(
  actual: ArrayLike<number>,
  region: ArrayLike<number>,
  composition: Pick<GroupComposition, 'population' | 'sum'>,
  into?: Float64Array,
): { readonly shares: Float64Array; readonly unassigned: number } {
  const shares = into ?? new Float64Array(composition.population.length);
  let unassigned = 0;
  for (let c = 0; c < actual.length; c++) {
    const y = actual[c];
    if (region[c] !== 1 || !(y > 0)) continue;
    const N = composition.sum[c];
    if (N > 0) composition.population.forEach((population, g) => (shares[g] += (y * population[c]) / N));
    else unassigned += y;
  }
  return { shares, unassigned };
}

/**
 * Shares that sum to 1: x_g / Σ x; every share NaN when Σ x = 0.
 * @example sharesOf([3, 1]) // → [0.75, 0.25]
 */
export function sharesOf(values: ArrayLike<number>): Float64Array {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return Float64Array.from(values, (v) => (sum > 0 ? v / sum : Number.NaN));
}
