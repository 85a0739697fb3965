import { areaOf } from '../grid/h3';
import { timeBucket, type BucketUnit } from '../grid/time-bucket';
import { hexPatch } from './hex-patch';
import type { WorldGeometry } from './known-world';

/**
 * A small made-up geography for a simulated world when no data is binned: the cells within
 * `rings` rings of central Chicago at `res`, and `periods` buckets of `unit` from Monday
 * 1 January 2018 on a UTC wall clock.
 * @example patchGeometry({ rings: 2, periods: 10 }).cells.length // → 1 + 6 + 12 = 19
 */
export function patchGeometry({
  rings = 8,
  periods: P = 156,
  res = 8,
  unit = 'week',
  centre = { lat: 41.8781, lng: -87.6298 },
}: {
  rings?: number;
  periods?: number;
  res?: number;
  unit?: BucketUnit;
  centre?: { lat: number; lng: number };
}): WorldGeometry {
  const { cells } = hexPatch({ centre, res, rings });
  const bucket = timeBucket({ unit, timeZone: 'UTC', clock: 'wall' });
  const periods = new Float64Array(P);
  let t = bucket.floor(Date.UTC(2018, 0, 1));
  for (let p = 0; p < P; p++) {
    periods[p] = t;
    t = bucket.offset(t, 1);
  }
  return { res, bucket: bucket.spec, cells, area: Float64Array.from(cells, areaOf), periods, end: t };
}
