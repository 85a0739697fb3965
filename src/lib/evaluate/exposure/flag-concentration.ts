import { giniCoefficient } from './gini-coefficient';

/** The share of a fold's periods a cell must be flagged in to count as flagged persistently. */
export const PERSISTENCE_THRESHOLD = 0.8;

/** How concentrated and how persistent a selection's flags are over a whole backtest. */
export interface FlagConcentration {
  /** Share of all flags that fall on cells flagged in ≥ 80 % of the tested periods (NaN without flags). */
  readonly persistence: number;
  /** Gini coefficient of the flag counts over the study-region cells (NaN without flags). */
  readonly gini: number;
  /** Region cells flagged at least once, wholly or as part of a tied group at the boundary. */
  readonly distinctCells: number;
  /** Region cells flagged whole at least once (≤ `distinctCells`; the two differ only through ties). */
  readonly distinctWhole: number;
}

/**
 * Persistence and concentration of flags from per-cell tallies over T tested fold-steps:
 * F_c = Σ_t w_ct (the expected number of tested periods cell c was flagged in, w as in
 * `flagWeights`), φ_c = F_c / T.
 * - persistence = Σ_{c: φ_c ≥ 0.8} F_c / Σ_c F_c: the share of flags on cells flagged in at
 *   least 80 % of the tested periods (with horizon 1, of the folds);
 * - gini = `giniCoefficient` of F over the region cells (Bernasco & Steenbeek 2017);
 * - distinct cells: #{c : F_c > 0}, and flagged whole at least once: #{c : some w_ct = 1}.
 * Tie rule: a tied group at the boundary is flagged in the same share s of every cell every
 * period (the expectation over the order of the tied cells), so F_c and the persistence are
 * expectations and never depend on the cells' order; "distinct" is reported both ways (any
 * share, whole only) because an expectation cannot say how many different cells a random tie
 * order would have flagged.
 * @example flagConcentration([4, 4, 0, 0], Uint8Array.of(1, 1, 0, 0), Uint8Array.of(1, 1, 0, 0), 5, [1, 1, 1, 1])
 * // → { persistence: 1, gini: 0.5, distinctCells: 2, distinctWhole: 2 }
 */
export function flagConcentration(
  flags: ArrayLike<number>,
  whole: ArrayLike<number>,
  any: ArrayLike<number>,
  steps: number,
  region: ArrayLike<number>,
): FlagConcentration {
  const counts: number[] = [];
  let all = 0;
  let persistent = 0;
  let distinctCells = 0;
  let distinctWhole = 0;
  for (let c = 0; c < flags.length; c++) {
    if (region[c] !== 1) continue;
    const F = flags[c];
    counts.push(F);
    all += F;
    if (F >= PERSISTENCE_THRESHOLD * steps - 1e-9 * steps) persistent += F;
    if (any[c]) distinctCells++;
    if (whole[c]) distinctWhole++;
  }
  return { persistence: all > 0 ? persistent / all : Number.NaN, gini: all > 0 ? giniCoefficient(counts) : Number.NaN, distinctCells, distinctWhole };
}
