/**
 * Throws a RangeError naming the caller and the fold unless `value` is finite or NaN. NaN
 * marks a fold where a metric is undefined (e.g. MASE with a zero scale) and is excluded and
 * counted by the callers; ±∞ would mean a metric broke its contract and is not quietly dropped.
 * @example assertNotInfinite('foldInterval', 3, Infinity)
 * // throws "foldInterval: fold 3 is Infinity; values must be finite (or NaN for an undefined fold)"
 */
export function assertNotInfinite(caller: string, fold: number, value: number): void {
  if (value === Infinity || value === -Infinity) {
    throw new RangeError(`${caller}: fold ${fold} is ${value}; values must be finite (or NaN for an undefined fold)`);
  }
}
