// A toy world for the exposure tests: four cells of equal area, two groups, hand-made forecasts.
import type { AreaAttributes } from '../../areas/area-attributes';
import type { ExposureInput } from './exposure-of-run';

/** Area attributes by hand: `groups` maps a name to one value per cell (in `cells` order). */
export function toyAreas(cells: readonly string[], groups: Readonly<Record<string, readonly number[]>>, covered?: readonly number[]): AreaAttributes {
  const columns = Object.entries(groups).map(([name, values]) => ({ name, values: Float64Array.from(values) }));
  const total = new Float64Array(cells.length);
  for (const column of columns) column.values.forEach((v, c) => (total[c] += v));
  return {
    source: 'toy.geojson',
    cells,
    groups: columns,
    total: { name: 'total', values: total },
    others: [],
    covered: Float64Array.from(covered ?? cells.map(() => 1)),
    method: 'by hand',
  };
}

/**
 * An exposure input of C cells (area 1, all in the region) and K folds of horizon 1: fold k
 * tests period k + 1; `actual[k]` are its counts and `forecast[name][k]` each model's forecast.
 */
export function toyInput(
  cells: readonly string[],
  actual: readonly (readonly number[])[],
  forecast: Readonly<Record<string, readonly (readonly number[])[]>>,
  areas: AreaAttributes,
  coverage: readonly number[],
): ExposureInput {
  const C = cells.length;
  const K = actual.length;
  const counts = new Float32Array((K + 1) * C);
  actual.forEach((row, k) => counts.set(row, (k + 1) * C));
  return {
    panel: { cells, area: new Float64Array(C).fill(1), counts },
    region: { mask: new Uint8Array(C).fill(1) },
    forecasts: {
      cutoffs: actual.map((_, k) => k + 1),
      horizon: 1,
      models: Object.entries(forecast).map(([name, rows]) => {
        const values = new Float32Array(K * C);
        rows.forEach((row, k) => values.set(row, k * C));
        return { name, values, logs: [], fitMs: 0, predictMs: 0, fittedFolds: [] };
      }),
    },
    coverage,
    areas,
    seed: 1,
  };
}
