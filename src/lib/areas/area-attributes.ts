// The contract between area layers (`src/lib/areas`: polygons with attributes, read and
// apportioned to H3 cells) and everything that uses them (exposure measures, reports, the
// forecasts file, the app's map). Types only.

/** One numeric attribute of an area layer, apportioned to a panel's cells. */
export interface AreaColumn {
  /** The attribute's name as it appears in the file (e.g. `white_alone`, `hh_income_lt_25k`). */
  readonly name: string;
  /** `values[c]`: the amount apportioned to `cells[c]` of the owning `AreaAttributes` (≥ 0). */
  readonly values: Float64Array;
}

/**
 * Area attributes apportioned to a panel's cells by area overlap.
 *
 * - `cells` are the panel's cells in panel order (`Panel.cells`); every `values` array has one
 *   entry per cell.
 * - `groups` are the population groups exposure is measured for (chosen by the user; by default
 *   the file's population-like columns), `total` the population they are shares of (default:
 *   the sum of the groups, stated in `method`), `others` every other numeric attribute (e.g.
 *   households by income band), apportioned the same way.
 * - `covered[c]` is the share of cell c's area inside some polygon (0 … 1).
 * - `method` says in one sentence how the values were apportioned (for the report).
 */
export interface AreaAttributes {
  /** The file the polygons came from (its name, for messages and the report). */
  readonly source: string;
  readonly cells: readonly string[];
  readonly groups: readonly AreaColumn[];
  readonly total: AreaColumn;
  readonly others: readonly AreaColumn[];
  readonly covered: Float64Array;
  readonly method: string;
}
