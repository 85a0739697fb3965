import type { AreaAttributes } from '../areas/area-attributes';
import { centreOf } from '../grid/h3';

/**
 * Two population groups living in the two halves of a set of cells, split at the median
 * longitude of the cell centres: `west` has `population` in each cell west of the median and
 * `east` in each cell east of it; a cell on the median is shared half and half. For feedback-loop
 * experiments where two regions differ in who lives there and in nothing else.
 * @example twoRegions(syntheticPanel({ rings: 1, periods: 1, rate: () => 1 }).panel.cells).groups.map((g) => g.values)
 * // → 3 cells of 100 for each group and the centre cell 50/50
 */
export function twoRegions(cells: readonly string[], population = 100): AreaAttributes {
  const lng = cells.map((cell) => centreOf(cell).lng);
  const sorted = [...lng].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const tolerance = 1e-9;
  const west = Float64Array.from(lng, (x) => (x < median - tolerance ? population : x > median + tolerance ? 0 : population / 2));
  return {
    source: 'two synthetic regions',
    cells,
    groups: [
      { name: 'west', values: west },
      { name: 'east', values: west.map((w) => population - w) },
    ],
    total: { name: 'total', values: new Float64Array(cells.length).fill(population) },
    others: [],
    covered: new Float64Array(cells.length).fill(1),
    method: 'Synthetic: each cell wholly in one region, split at the median longitude of the cell centres.',
  };
}
