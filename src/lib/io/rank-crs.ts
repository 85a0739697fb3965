import proj4 from 'proj4';
import { assessPlacement, insideArea, type Placement } from './assess-placement';
import type { EpsgEntry } from './epsg-registry';
import type { PeopleNear } from './city-prior';
import type { LandMask } from './land-mask';

/** A CRS that could hold projected x/y, with where it puts them. */
export interface CrsCandidate {
  readonly code: number;
  readonly name: string;
  readonly area: string | null;
  readonly placement: Placement;
  /** inside × onLand, halved when the extent is not city-like: 1 is a perfect fit. */
  readonly score: number;
  /** People living in towns of ≥ 50,000 within the points' extent (+ 10 km) where this CRS puts them; the tie-break between equal scores. */
  readonly people: number;
  /** Other CRSs that put the points within `SAME_PLACE_KM` of this one (other datums or units of the same projection), best first. */
  readonly sameAs: readonly number[];
}

/** Candidates whose median points lie closer than this are one answer (datum shifts are ≤ ~0.2 km). */
export const SAME_PLACE_KM = 1;

/** What the ranking knows of the world: where land is, and where people live (either may be absent). */
export interface GeoContext {
  readonly land: LandMask | null;
  readonly people: PeopleNear | null;
}

/** How many points of the sample are inverse-projected per candidate. */
const SAMPLE = 200;

/**
 * Ranks the registry's projected CRSs by how well they fit x/y values (`x`, `y`: a sample of a
 * file's columns), best first, at most `limit` answers. Each CRS's proj4 definition
 * inverse-projects the median point first; a CRS that puts it more than 2° outside its own area of
 * use is dropped there (most of the registry). The rest inverse-project up to 200 evenly spaced
 * points (0/0 and non-finite pairs left out: masked rows say nothing about the CRS) and are judged by
 * `assessPlacement` (share inside the area of use, share on land or coast, city-like extent);
 * score = inside × onLand (× ½ when not city-like). Ties go to the placement with more people
 * around it (`context.people`: every UTM zone fits UTM metres equally, but incidents are recorded
 * where people live), then to the CRS with the smaller area of use (the most specific to where the
 * points are), then the lower code. CRSs that put the points in the
 * same place (median within `SAME_PLACE_KM`: the same projection on another datum) are folded into
 * the best one's `sameAs`.
 *
 * @example
 * rankCrs(vancouverX, vancouverY, registry.entries, land)[0]
 * // → { code: 3157, name: 'NAD83(CSRS) / UTM zone 10N', score: 1, sameAs: [26910, 32610, …], … }
 */
export function rankCrs(x: ArrayLike<number>, y: ArrayLike<number>, entries: readonly EpsgEntry[], context: GeoContext, limit = 5): CrsCandidate[] {
  const { land, people: peopleNear } = context;
  const sample = samplePairs(x, y, SAMPLE);
  if (sample.length === 0) return [];
  const median = [medianOf(sample, 0), medianOf(sample, 1)] as const;
  const scored: CrsCandidate[] = [];
  const out = new Float64Array(sample.length);
  for (const entry of entries) {
    if (entry.kind !== 'CRS-PROJCRS' || !entry.bbox || entry.bbox.length !== 4) continue;
    let inverse: (point: number[]) => number[];
    try {
      // Lon/lat on the CRS's own datum: a datum shift moves points by metres, and a grid file cannot be read here.
      const projection = proj4(entry.proj4.replace(/\s*\+(nadgrids|towgs84)=\S+/g, ''));
      inverse = (point) => projection.inverse(point);
    } catch {
      continue;
    }
    const centre = safely(inverse, median[0], median[1]);
    if (!centre || !insideArea(entry.bbox, centre[0], centre[1], 2)) continue;
    for (let i = 0; i < sample.length; i += 2) {
      const p = safely(inverse, sample[i], sample[i + 1]);
      out[i] = p ? p[0] : NaN;
      out[i + 1] = p ? p[1] : NaN;
    }
    const placement = assessPlacement(out, entry.bbox, land);
    if (placement.points === 0) continue;
    const score = placement.inside * placement.onLand * (placement.cityLike ? 1 : 0.5);
    const people = peopleNear ? peopleNear(placement.centre.lng, placement.centre.lat, placement.extentKm / 2 + 10) : 0;
    scored.push({ code: entry.code, name: entry.name, area: entry.area, placement, score, people, sameAs: [] });
  }
  const boxArea = new Map(entries.map((e) => [e.code, e.bbox ? areaOf(e.bbox) : Infinity]));
  scored.sort((a, b) => b.score - a.score || b.people - a.people || (boxArea.get(a.code) ?? 0) - (boxArea.get(b.code) ?? 0) || a.code - b.code);
  const answers: { candidate: CrsCandidate; same: number[] }[] = [];
  for (const candidate of scored) {
    const group = answers.find(
      (a) => a.candidate.score === candidate.score && distanceKm(a.candidate.placement.centre, candidate.placement.centre) < SAME_PLACE_KM,
    );
    if (group) group.same.push(candidate.code);
    else if (answers.length < limit) answers.push({ candidate, same: [] });
  }
  return answers.map(({ candidate, same }) => ({ ...candidate, sameAs: same }));
}

/** Up to `n` evenly spaced (x, y) pairs with both finite and not both 0, flattened. */
function samplePairs(x: ArrayLike<number>, y: ArrayLike<number>, n: number): Float64Array {
  const valid: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i]) && !(x[i] === 0 && y[i] === 0)) valid.push(i);
  }
  const step = Math.max(1, valid.length / n);
  const out: number[] = [];
  // Evenly over the whole file: sample j is valid row ⌊j·step⌋ (a stride rounded down each time would stop early).
  for (let j = 0; out.length < 2 * n; j++) {
    const k = Math.floor(j * step);
    if (k >= valid.length) break;
    out.push(x[valid[k]], y[valid[k]]);
  }
  return Float64Array.from(out);
}

function medianOf(pairs: Float64Array, offset: number): number {
  const values: number[] = [];
  for (let i = offset; i < pairs.length; i += 2) values.push(pairs[i]);
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

function safely(inverse: (point: number[]) => number[], x: number, y: number): number[] | null {
  try {
    const p = inverse([x, y]);
    return Number.isFinite(p[0]) && Number.isFinite(p[1]) ? p : null;
  } catch {
    return null;
  }
}

/** Area of a [north, west, south, east] box in square degrees (crossing ±180° when west > east). */
function areaOf([north, west, south, east]: readonly number[]): number {
  return (north - south) * (west <= east ? east - west : 360 - west + east);
}

/** Equirectangular distance in km, fine at the scale of `SAME_PLACE_KM`. */
function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dy = (a.lat - b.lat) * 111.32;
  const dx = (a.lng - b.lng) * 111.32 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dx, dy);
}
