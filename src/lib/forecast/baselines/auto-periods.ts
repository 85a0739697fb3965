import { BUCKET_UNITS, type BucketUnit } from '../../grid/time-bucket';
import type { ParamSpec } from '../model-definition';

/** A number of periods for each bucket unit: the value a parameter takes when left at 0 ("auto"). */
export type PeriodsByBucket = Readonly<Record<BucketUnit, number>>;

/**
 * Resolves a period-count parameter in which 0 means "auto, by bucket": a positive `value`
 * is returned as it is, 0 becomes `table[unit]`. Baselines use this so that one default
 * (`m = 0`, `k = 0`, …) means the same span of calendar time whatever the bucket.
 * @example autoPeriods(0, 'week', { hour: 24, day: 7, week: 52, month: 12 }) // → 52
 * @example autoPeriods(4, 'week', { hour: 24, day: 7, week: 52, month: 12 }) // → 4
 */
export function autoPeriods(value: number, unit: BucketUnit, table: PeriodsByBucket): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`A period count must be a whole number ≥ 0 (0 = auto), got ${value}`);
  if (value > 0) return value;
  const resolved = table[unit];
  if (resolved === undefined) throw new RangeError(`No automatic period count for bucket '${unit}'`);
  return resolved;
}

/**
 * The `ParamSpec` of a period-count parameter with 0 = auto, its doc generated from the same
 * table `autoPeriods` reads, so the documented defaults cannot drift from the real ones.
 * @example autoPeriodsParam({ name: 'm', label: 'Season length', what: 'Season length in periods',
 *   table: { hour: 24, day: 7, week: 52, month: 12 } }).doc
 *   // → 'Season length in periods; 0 = by bucket (hour 24, day 7, week 52, month 12).'
 */
export function autoPeriodsParam({ name, label, what, table }: { name: string; label: string; what: string; table: PeriodsByBucket }): ParamSpec {
  const byBucket = BUCKET_UNITS.map((unit) => `${unit} ${table[unit]}`).join(', ');
  return { name, label, type: 'integer', default: 0, min: 0, max: 100_000, doc: `${what}; 0 = by bucket (${byBucket}).` };
}
