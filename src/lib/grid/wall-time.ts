import type { BucketSpec } from './time-bucket';
import { instantToWall } from '../base/time-zone';

/**
 * The wall-clock reading (as UTC ms) of a time on a bucket's clock, for labels and time axes:
 * wall-clock data as it is; an instant as read on a clock in the bucket's zone. Formatting the
 * result on the UTC clock prints local dates, so a Berlin-midnight period is labelled with its
 * own day, not the previous one.
 * @example wallTimeOf(Date.UTC(2018, 0, 1, 23), { unit: 'day', timeZone: 'Europe/Berlin', clock: 'instant' })
 *   // → Date.UTC(2018, 0, 2) (midnight of 2 January in Berlin)
 */
export function wallTimeOf(t: number, spec: Pick<BucketSpec, 'clock' | 'timeZone'>): number {
  return spec.clock === 'wall' || !Number.isFinite(t) ? t : instantToWall(spec.timeZone, t);
}

/** `wallTimeOf` for many times. */
export function wallTimesOf(times: ArrayLike<number>, spec: Pick<BucketSpec, 'clock' | 'timeZone'>): Float64Array {
  return Float64Array.from({ length: times.length }, (_, i) => wallTimeOf(times[i], spec));
}
