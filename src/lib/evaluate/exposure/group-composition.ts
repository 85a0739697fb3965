import type { AreaAttributes } from '../../areas/area-attributes';

/** Each population group's apportioned population in each panel cell, aligned to the panel's cells. */
export interface GroupComposition {
  /** The groups' names, as in the area file. */
  readonly names: readonly string[];
  /** `population[g][c]`: group g's population apportioned to panel cell c (0 where the areas give none). */
  readonly population: readonly Float64Array[];
  /** `sum[c]` = Σ_g population[g][c]: the population the groups (with the rest group) cover in cell c. */
  readonly sum: Float64Array;
  /** `listed[c]`: the population of the groups the areas list (without the rest group) in cell c. */
  readonly listed: Float64Array;
  /** `total[c]`: the areas' `total` column in cell c (the population the groups are shares of). */
  readonly total: Float64Array;
  /** `covered[c]`: the share of panel cell c's area inside some polygon (0 where the areas do not list the cell). */
  readonly covered: Float64Array;
  /** Panel cells the areas do not list (their population is taken as 0). */
  readonly missing: number;
}

/** Below this share of the total population, what the listed groups leave out is rounding, not a group. */
const REST_TOLERANCE = 1e-3;

/**
 * Aligns an `AreaAttributes` to a panel's cells by H3 index (not by position), so the result
 * does not depend on the order the areas list their cells in. Throws a RangeError when a
 * column's length differs from the areas' cells or a value is negative or not finite (the
 * area reader guarantees neither happens; this guards the contract).
 * Shares are of the whole total population column: the part of it in no listed group,
 * max(0, total[c] − Σ_g group[c]), becomes a last group named `rest of <total>` (when it holds
 * more than 0.1 % of the total), so a group list that leaves out most people cannot inflate
 * the shares of the groups it names (Plainfield: Black, White and Asian residents are 38 % of
 * `total_race_lb`; over those three alone the Black share would read 90 %, over everyone 34 %).
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
  const listed = Float64Array.from(sum);
  const total = align(areas.total.name, areas.total.values);
  const rest = Float64Array.from(total, (t, c) => Math.max(0, t - sum[c]));
  let restSum = 0;
  let totalSum = 0;
  for (let c = 0; c < C; c++) {
    restSum += rest[c];
    totalSum += total[c];
  }
  const names = areas.groups.map((g) => g.name);
  if (restSum > REST_TOLERANCE * totalSum) {
    names.push(`rest of ${areas.total.name}`);
    population.push(rest);
    for (let c = 0; c < C; c++) sum[c] += rest[c];
  }
  let missing = 0;
  for (const cell of cells) if (!at.has(cell)) missing++;
  return {
    names,
    population,
    sum,
    listed,
    total,
    covered: align('covered', areas.covered),
    missing,
  };
}
