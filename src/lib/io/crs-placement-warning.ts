import { assessPlacement, type AreaBox } from './assess-placement';
import type { LandMask } from './land-mask';

/** What the registry says of a CRS: its name and area of use (both null for a pasted proj4 string or WKT). */
export interface CrsArea {
  readonly name: string | null;
  readonly area: string | null;
  readonly bbox: AreaBox | null;
}

/** Rows assessed at most (evenly spaced among the located rows). */
const SAMPLE = 2000;

/**
 * A warning when a CRS puts the located rows (`reasons[i] === 0`) where incident data cannot be:
 * more than 10 % outside the CRS's area of use, or more than 10 % in open sea (further than ~5 km
 * from land, `LandMask.isLandOrCoast`); null when the placement is plausible or nothing can be
 * judged. It says where the points landed, so a Vancouver file read as EPSG:2913 reads "… around
 * 53.7° N, 156.9° W …". Up to 2,000 evenly spaced rows are assessed (`assessPlacement`).
 *
 * @example
 * crsPlacementWarning('EPSG:2913', { name: 'NAD83(HARN) / Oregon North (ft)', area: 'USA - Oregon - north', bbox }, lat, lng, reasons, land)
 * // → "EPSG:2913 (NAD83(HARN) / Oregon North (ft)) puts the points around 53.72° N, 156.94° W: 100 % outside its area of use (USA - Oregon - north), 100 % in open sea; …"
 */
export function crsPlacementWarning(
  label: string,
  crs: CrsArea,
  lat: Float64Array,
  lng: Float64Array,
  reasons: Uint8Array,
  land: LandMask | null,
): string | null {
  let located = 0;
  for (let i = 0; i < reasons.length; i++) if (reasons[i] === 0) located++;
  if (located === 0 || (crs.bbox === null && land === null)) return null;
  const step = Math.max(1, located / SAMPLE);
  const pairs: number[] = [];
  for (let i = 0, k = 0, next = 0; i < reasons.length; i++) {
    if (reasons[i] !== 0) continue;
    if (k++ < next) continue;
    next += step;
    pairs.push(lng[i], lat[i]);
  }
  const placement = assessPlacement(pairs, crs.bbox, land);
  if (placement.points === 0 || (placement.inside >= 0.9 && placement.onLand >= 0.9)) return null;
  const pct = (share: number): string => `${Math.round(share * 100)} %`;
  const { lat: y, lng: x } = placement.centre;
  const where = `${Math.abs(y).toFixed(2)}° ${y >= 0 ? 'N' : 'S'}, ${Math.abs(x).toFixed(2)}° ${x >= 0 ? 'E' : 'W'}`;
  const area = crs.area && crs.area.length > 90 ? `${crs.area.slice(0, 87)}…` : crs.area;
  const problems = [
    ...(placement.inside < 0.9 ? [`${pct(1 - placement.inside)} outside its area of use${area ? ` (${area})` : ''}`] : []),
    ...(placement.onLand < 0.9 ? [`${pct(1 - placement.onLand)} in open sea`] : []),
  ];
  return (
    `${label}${crs.name ? ` (${crs.name})` : ''} puts the points around ${where}: ${problems.join(', ')}; ` +
    'the CRS is probably wrong — check it before binning (the CRS suggestions, or hexcast inspect, rank the CRSs that fit these x/y)'
  );
}
