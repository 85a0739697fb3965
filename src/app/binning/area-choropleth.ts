import type { AreaColouring } from '../state/areas.svelte';
import type { BinAreas } from '../../lib/worker/protocol';

/** One area attribute as map values: per cell, with the legend's title and a hover text. */
export interface AreaChoropleth {
  readonly values: Float64Array;
  readonly title: string;
  readonly describe: (cell: number) => string;
}

/**
 * The values the map colours cells by for an apportioned attribute `column`: its amount per km²
 * of cell (`density`), or its share of the cell's total (`share`, NaN where the total is 0). The
 * hover text gives the amount, the density or share, and the cell's covered share.
 * @example areaChoropleth(areas, 'black_lb', 'share').title // → 'black_lb, share of total_race_lb'
 */
export function areaChoropleth(areas: BinAreas, column: string, colouring: AreaColouring): AreaChoropleth {
  const { attributes, cellArea } = areas;
  const all = [...attributes.groups, attributes.total, ...attributes.others];
  const amounts = all.find((c) => c.name === column)?.values ?? new Float64Array(attributes.cells.length);
  const total = attributes.total.values;
  const values =
    colouring === 'share'
      ? Float64Array.from(amounts, (v, c) => (total[c] > 0 ? v / total[c] : Number.NaN))
      : Float64Array.from(amounts, (v, c) => (cellArea[c] > 0 ? v / (cellArea[c] / 1e6) : 0));
  const title = colouring === 'share' ? `${column}, share of ${attributes.total.name}` : `${column} per km²`;
  const describe = (c: number): string => {
    const measure =
      colouring === 'share'
        ? Number.isNaN(values[c])
          ? 'no total'
          : `${(100 * values[c]).toFixed(1)} % of ${attributes.total.name}`
        : `${round(values[c])} per km²`;
    return `${attributes.cells[c]}\n${column}: ${round(amounts[c])} (${measure})\n${(100 * attributes.covered[c]).toFixed(0)} % of the cell inside the areas`;
  };
  return { values, title, describe };
}

function round(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 1 : 0 });
}
