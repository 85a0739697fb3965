/**
 * Fixtures for the metric tests (and notebooks that want the same data): seeded random cells
 * and the small arrays that hand-computed hotspot examples are written with.
 */
import { random } from '../../base/random';

/**
 * Seeded forecast/actual pairs for metric tests and notebooks: `forecast` holds expected
 * counts λᵢ = 0.6·e^(zᵢ) (z standard normal; every fifth cell forecast exactly 0, to exercise
 * zero policies), `actual` holds Poisson counts drawn from a perturbed rate (so the forecast is
 * informative but wrong), `area` holds H3-like cell areas (1 ± 10 %, m² × 10⁵) and `region`
 * marks about 85 % of cells as inside the study region. Same seed → same arrays.
 * @example seededCounts(1, 4).forecast.length // → 4
 */
export function seededCounts(seed: number, n: number): { forecast: Float32Array; actual: Float32Array; area: Float64Array; region: Uint8Array } {
  const rng = random(seed);
  const forecast = new Float32Array(n);
  const actual = new Float32Array(n);
  const area = new Float64Array(n);
  const region = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const rate = 0.6 * Math.exp(rng.normal());
    forecast[i] = i % 5 === 4 ? 0 : rate;
    actual[i] = rng.poisson(rate * Math.exp(0.5 * rng.normal()));
    area[i] = 1e5 * (0.9 + 0.2 * rng.next());
    region[i] = rng.next() < 0.85 ? 1 : 0;
  }
  return { forecast, actual, area, region };
}

/**
 * n cells of 1 m² each: the equal-area case of hand-computed hotspot examples.
 * @example equalAreas(3) // → Float64Array [1, 1, 1]
 */
export function equalAreas(n: number): Float64Array {
  return new Float64Array(n).fill(1);
}

/**
 * A study-region mask holding all n cells.
 * @example wholeRegion(2) // → Uint8Array [1, 1]
 */
export function wholeRegion(n: number): Uint8Array {
  return new Uint8Array(n).fill(1);
}
