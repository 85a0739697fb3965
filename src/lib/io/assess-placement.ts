import type { LandMask } from './land-mask';

/** Where a CRS puts a set of points, judged against its area of use and the coastline. */
export interface Placement {
  /** Points assessed (finite, not at 0/0). */
  readonly points: number;
  /** Share of the points inside the CRS's area of use (1 when it declares none). */
  readonly inside: number;
  /** Share on land or within ~5 km of the shore (`LandMask.isLandOrCoast`; 1 without a mask). */
  readonly onLand: number;
  /** The median point, in degrees. */
  readonly centre: { readonly lat: number; readonly lng: number };
  /** Diagonal of the box holding the middle 90 % of latitudes and of longitudes, in km. */
  readonly extentKm: number;
  /** Whether the points look like a city or region: `extentKm` between `CITY_EXTENT_KM`'s bounds. */
  readonly cityLike: boolean;
  /** Whether the CRS is plausible: ≥ 90 % inside its area, ≥ 90 % on land or coast, city-like. */
  readonly plausible: boolean;
}

/** The extent (km, middle 90 % of points) a city, county or metropolitan area's incidents span. */
export const CITY_EXTENT_KM: readonly [number, number] = [0.05, 600];

/** An area of use as the EPSG registry gives it: [north, west, south, east] in degrees (west > east: it crosses ±180°). */
export type AreaBox = readonly number[];

/**
 * True when (lng, lat) lies in the area-of-use box, widened by `margin` degrees.
 * @example insideArea([46.3, -124.2, 43.9, -116.5], -122.68, 45.52) // → true (Portland, Oregon North)
 */
export function insideArea(box: AreaBox, lng: number, lat: number, margin = 0): boolean {
  const [north, west, south, east] = box;
  if (!(lat <= north + margin && lat >= south - margin)) return false;
  return west <= east ? lng >= west - margin && lng <= east + margin : lng >= west - margin || lng <= east + margin;
}

/**
 * Judges where a CRS puts points: the share inside its area of use (`box`, null: none declared,
 * counted as inside), the share on land or coast (`land`, null: not checked), the median point and
 * the extent of the middle 90 %, and from these whether the CRS is plausible for incident data
 * (≥ 0.9 inside, ≥ 0.9 on land, a city-like extent, `CITY_EXTENT_KM`). Points are (lng, lat)
 * pairs in degrees; NaN pairs and 0/0 (privacy-masked rows) are left out.
 *
 * @example
 * assessPlacement([-123.1, 49.28, -123.0, 49.25], [49.4, -126, 30, -120], land)
 * // → { points: 2, inside: 1, onLand: 1, centre: { lat: 49.265, lng: -123.05 }, extentKm: ≈ 7.5, cityLike: true, plausible: true }
 */
export function assessPlacement(lngLat: ArrayLike<number>, box: AreaBox | null, land: LandMask | null): Placement {
  const lngs: number[] = [];
  const lats: number[] = [];
  let inside = 0;
  let onLand = 0;
  for (let i = 0; i + 1 < lngLat.length; i += 2) {
    const lng = lngLat[i];
    const lat = lngLat[i + 1];
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || (lng === 0 && lat === 0) || Math.abs(lat) > 90) continue;
    lngs.push(lng);
    lats.push(lat);
    if (box === null || insideArea(box, lng, lat)) inside++;
    if (land === null || land.isLandOrCoast(lng, lat)) onLand++;
  }
  const n = lngs.length;
  if (n === 0) return { points: 0, inside: 0, onLand: 0, centre: { lat: NaN, lng: NaN }, extentKm: NaN, cityLike: false, plausible: false };
  lngs.sort((a, b) => a - b);
  lats.sort((a, b) => a - b);
  const at = (sorted: number[], q: number): number => sorted[Math.min(n - 1, Math.floor(q * (n - 1) + 0.5))];
  const centre = { lat: at(lats, 0.5), lng: at(lngs, 0.5) };
  const kmPerDeg = 111.32;
  const dy = (at(lats, 0.95) - at(lats, 0.05)) * kmPerDeg;
  const dx = (at(lngs, 0.95) - at(lngs, 0.05)) * kmPerDeg * Math.cos((centre.lat * Math.PI) / 180);
  const extentKm = Math.hypot(dx, dy);
  const cityLike = extentKm >= CITY_EXTENT_KM[0] && extentKm <= CITY_EXTENT_KM[1];
  const share = { inside: inside / n, onLand: onLand / n };
  return { points: n, ...share, centre, extentKm, cityLike, plausible: share.inside >= 0.9 && share.onLand >= 0.9 && cityLike };
}
