/**
 * A window of counts regrouped by cell as sparse event lists, with the totals the EM fit
 * needs once. Cell c's non-zero counts are entries `offsets[c] .. offsets[c + 1]` of `period`
 * (ascending) and `count`. Empty cell-periods are not stored: between two of a cell's events
 * the excitation only decays, which `eStep` applies in one step.
 */
export interface CellEvents {
  readonly cells: number;
  readonly periods: number;
  readonly offsets: Int32Array;
  readonly period: Int32Array;
  readonly count: Float64Array;
  /** `byAge[m]` = Σ_c y_c(P − 1 − m): all counts m periods before the window's last period. */
  readonly byAge: Float64Array;
  /** Σ_p y_c(p) per cell. */
  readonly cellTotals: Float64Array;
  /** Σ_{c,p} y_c(p). */
  readonly total: number;
  /** Σ_{c,p} ln Γ(y_c(p) + 1) (= ln y! for whole counts): the constant of the Poisson log-likelihood. */
  readonly logFactorials: number;
}

/**
 * Builds the event lists of a period-major count matrix (`counts[p * cells + c]`), as a
 * History holds it. Throws naming the period and cell of a count that is negative or not finite.
 * @example cellEvents([0, 2, 1, 0], 2, 2).count // → [1, 2]: cell 0 has 1 in period 1, cell 1 has 2 in period 0
 */
export function cellEvents(counts: ArrayLike<number>, periods: number, cells: number): CellEvents {
  if (counts.length !== periods * cells) {
    throw new RangeError(`Counts have length ${counts.length}, expected ${periods} periods × ${cells} cells = ${periods * cells}`);
  }
  const perCell = new Int32Array(cells);
  const byAge = new Float64Array(periods);
  const cellTotals = new Float64Array(cells);
  let total = 0;
  let logFactorials = 0;
  for (let p = 0, i = 0; p < periods; p++) {
    let sum = 0;
    for (let c = 0; c < cells; c++, i++) {
      const y = counts[i];
      if (y === 0) continue;
      if (!(y > 0) || !Number.isFinite(y)) throw new RangeError(`Count at period ${p}, cell ${c} is ${y}; expected a finite count ≥ 0`);
      perCell[c]++;
      cellTotals[c] += y;
      sum += y;
      logFactorials += logGammaPlusOne(y);
    }
    byAge[periods - 1 - p] = sum;
    total += sum;
  }
  const offsets = new Int32Array(cells + 1);
  for (let c = 0; c < cells; c++) offsets[c + 1] = offsets[c] + perCell[c];
  const period = new Int32Array(offsets[cells]);
  const count = new Float64Array(offsets[cells]);
  const cursor = offsets.slice(0, cells);
  for (let p = 0, i = 0; p < periods; p++) {
    for (let c = 0; c < cells; c++, i++) {
      const y = counts[i];
      if (y === 0) continue;
      const j = cursor[c]++;
      period[j] = p;
      count[j] = y;
    }
  }
  return { cells, periods, offsets, period, count, byAge, cellTotals, total, logFactorials };
}

/** ln Γ(y + 1): an exact sum of logs for whole counts up to 1000, Stirling's series beyond or for fractions. */
function logGammaPlusOne(y: number): number {
  if (Number.isInteger(y) && y <= 1000) {
    while (LOG_FACTORIAL.length <= y) LOG_FACTORIAL.push(LOG_FACTORIAL[LOG_FACTORIAL.length - 1] + Math.log(LOG_FACTORIAL.length));
    return LOG_FACTORIAL[y];
  }
  // Shift to x ≥ 8, where Stirling's series with three correction terms is exact to ~1e-12.
  let x = y + 1;
  let shift = 0;
  while (x < 8) shift -= Math.log(x++);
  const inv = 1 / x;
  const inv2 = inv * inv;
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

const LOG_FACTORIAL: number[] = [0];
