import type { Data } from 'apache-arrow';
import type { EpochUnit } from './column-mapping';
import { sampleNumbers } from './read-numbers';

/** Plausible |value| ranges per unit: epochs between 1973 and 2286 (1e8–1e10 s). */
export const EPOCH_UNIT_RANGES: readonly (readonly [EpochUnit, number, number])[] = [
  ['s', 1e8, 1e10],
  ['ms', 1e11, 1e13],
  ['us', 1e14, 1e16],
  ['ns', 1e17, 1e19],
];

/** Leading finite values of a column that `inferEpochUnit` reads. */
export const EPOCH_VALUES = 10_000;

/**
 * Guesses the unit of a numeric epoch column from the median |value| of (up to) its first
 * 10,000 non-null values: seconds if it lies in [1e8, 1e10), ms in [1e11, 1e13), µs in
 * [1e14, 1e16), ns in [1e17, 1e19) — each range is 1973–2286 in its unit, and the ranges do not
 * overlap, so a column of plausible dates has exactly one answer. Null when the median fits none
 * (the caller then asks the user for the unit).
 *
 * @example
 * inferEpochUnit([vectorFromArray([1388534460, 1388577600]).data[0]]) // → { unit: 's', median: 1388577600 } (the upper median)
 */
export function inferEpochUnit(chunks: readonly Data[]): { unit: EpochUnit | null; median: number } {
  const sample = sampleNumbers(chunks, EPOCH_VALUES).map(Math.abs);
  if (sample.length === 0) return { unit: null, median: NaN };
  sample.sort((a, b) => a - b);
  const median = sample[sample.length >> 1];
  return { unit: unitOfMagnitude(median), median };
}

/**
 * The epoch unit in whose 1973–2286 range |value| `median` lies, or null.
 *
 * @example
 * unitOfMagnitude(1.52e9) // → 's'; unitOfMagnitude(1.52e18) // → 'ns'; unitOfMagnitude(5e10) // → null
 */
export function unitOfMagnitude(median: number): EpochUnit | null {
  const range = EPOCH_UNIT_RANGES.find(([, low, high]) => median >= low && median < high);
  return range ? range[0] : null;
}
