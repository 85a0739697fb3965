import type { AreaAttributes } from '../../areas/area-attributes';

/** Each population group's apportioned population in each panel cell, aligned to the panel's cells. */
export interface GroupComposition {
  /** The groups' names, as in the area file. */
  readonly names: readonly string[];
  /** `population[g][c]`: group g's population apportioned to panel cell c (0 where the areas give none). */
  readonly population: readonly Float64Array[];
  /** `sum[c]` = Σ_g population[g][c]: the population the groups cover in cell c. */
  readonly sum: Float64Array;
  /** `total[c]`: the areas' `total` column in cell c (the population the groups are shares of). */
  readonly total: Float64Array;
  /** `covered[c]`: the share of panel cell c's area inside some polygon (0 where the areas do not list the cell). */
  readonly covered: Float64Array;
  /** Panel cells the areas do not list (their population is taken as 0). */
  readonly missing: number;
}

/**
 * Aligns an `AreaAttributes` to a panel's cells by H3 index (not by position), so the result
 * does not depend on the order the areas list their cells in. Throws a RangeError when a
 * column's length differs from the areas' cells or a value is negative or not finite (the
 * area reader guarantees neither happens; this guards the contract).
 * @example groupComposition(['b', 'a'], { cells: ['a', 'b'], groups: [{ name: 'x', values: [1, 2] }], total, … }).population[0]
 * // → [2, 1]
 */
export function groupComposition(cells: readonly string[], areas: AreaAttributes): GroupComposition {
  const C = cells.length;
  const at = new Map(areas.cells.map((cell, i) => [cell, i]));
  const align = (name: string, values: Float64Array): Float64Array => {
    if (values.length !== areas.cells.length) {
      throw new RangeError(`exposure: area column '${name}' has ${values.length} values for ${areas.cells.length} cells`);
    }
    const out = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      const i = at.get(cells[c]);
      if (i === undefined) continue;
      const v = values[i];
      if (!(v >= 0) || v === Infinity) throw new RangeError(`exposure: area column '${name}' is ${v} in cell ${cells[c]}; values must be finite and ≥ 0`);
      out[c] = v;
    }
    return out;
  };
  const population = areas.groups.map((g) => align(g.name, g.values));
  const sum = new Float64Array(C);
  for (const values of population) for (let c = 0; c < C; c++) sum[c] += values[c];
  let missing = 0;
  for (const cell of cells) if (!at.has(cell)) missing++;
  return {
    names: areas.groups.map((g) => g.name),
    population,
    sum,
    total: align(areas.total.name, areas.total.values),
    covered: align('covered', areas.covered),
    missing,
  };
}
