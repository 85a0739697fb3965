/**
 * Throws a RangeError naming the metric unless `coverage` lies in (0, 1] — or [0, 1] when
 * `allowZero` (capture-curve grids start at 0).
 * @example assertCoverage('pai', 0) // throws "pai: coverage must lie in (0, 1] (a fraction of the study area), got 0"
 */
export function assertCoverage(metric: string, coverage: number, allowZero = false): void {
  const ok = allowZero ? coverage >= 0 && coverage <= 1 : coverage > 0 && coverage <= 1;
  if (!ok) {
    throw new RangeError(`${metric}: coverage must lie in ${allowZero ? '[0, 1]' : '(0, 1]'} (a fraction of the study area), got ${coverage}`);
  }
}
