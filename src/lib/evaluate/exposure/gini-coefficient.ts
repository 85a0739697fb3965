/**
 * The Gini coefficient of non-negative values (here: how often each study-region cell was
 * flagged): 0 when every cell is flagged equally often, approaching 1 when all flags fall on
 * one cell.
 *
 * Formula (mean-difference form): G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n Σᵢ xᵢ), computed on the values
 * sorted ascending as G = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1)/n (i = 1 … n). Gini (1912),
 * *Variabilità e mutabilità*; applied to how crime concentrates on places by Bernasco &
 * Steenbeek (2017), "More places than crimes", *J. Quant. Criminol.* 33:451–467. With flag
 * counts there are usually more cells than flags, so G is read against the random-selection
 * value computed on the same cells and periods, never against 0.
 * Policy: empty input or Σ x = 0 → NaN; NaN values are refused. Invariant to the order of the values.
 * @example giniCoefficient([0, 0, 0, 4]) // → 0.75 (= 2·4·4/(4·4) − 5/4)
 */
export function giniCoefficient(values: ArrayLike<number>): number {
  const n = values.length;
  const sorted = Float64Array.from(values);
  for (let i = 0; i < n; i++) {
    if (!(sorted[i] >= 0) || sorted[i] === Infinity) throw new RangeError(`giniCoefficient: value ${i} is ${sorted[i]}; values must be finite and ≥ 0`);
  }
  sorted.sort();
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    weighted += (i + 1) * sorted[i];
  }
  if (n === 0 || sum === 0) return Number.NaN;
  return Math.max(0, (2 * weighted) / (n * sum) - (n + 1) / n);
}
