import { crsCode } from './crs-definitions';
import { loadCityPrior } from './city-prior';
import { loadEpsgRegistry } from './epsg-registry';
import { loadLandMask } from './land-mask';
import { rankCrs, type CrsCandidate } from './rank-crs';
import type { ArrowSource } from './read-arrow';
import { sampleXy } from './sample-xy';

/**
 * The CRSs that best fit a file's x/y columns, best first (`rankCrs` over the EPSG registry, with
 * the land mask and the GeoNames population prior; each loaded on first use, the ranking going on
 * without the land mask or the prior when it cannot be loaded). Samples 2,000 rows of the first file.
 *
 * @example
 * (await suggestCrs(vancouver, 'x', 'y'))[0].name // → 'NAD83(CSRS) / UTM zone 10N'
 */
export async function suggestCrs(source: ArrowSource, x: string, y: string, limit = 5): Promise<CrsCandidate[]> {
  const sample = sampleXy(source, x, y);
  const [registry, land, people] = await Promise.all([loadEpsgRegistry(), loadLandMask().catch(() => null), loadCityPrior().catch(() => null)]);
  return rankCrs(sample.x, sample.y, registry.entries, { land, people }, limit);
}

/**
 * One line per candidate for a terminal or a notice: code, name, score, where it puts the points and the
 * CRSs that put them in the same place.
 *
 * @example
 * describeCrsCandidate(candidates[0])
 * // → 'EPSG:3157  NAD83(CSRS) / UTM zone 10N — 100 % in its area of use, 100 % on land, 15 km across, around 49.26° N, 123.12° W (same place: EPSG:26910, EPSG:32610, … 10 in all)'
 */
export function describeCrsCandidate(candidate: CrsCandidate): string {
  const p = candidate.placement;
  const pct = (share: number): string => `${Math.round(share * 100)} %`;
  const where = `${Math.abs(p.centre.lat).toFixed(2)}° ${p.centre.lat >= 0 ? 'N' : 'S'}, ${Math.abs(p.centre.lng).toFixed(2)}° ${p.centre.lng >= 0 ? 'E' : 'W'}`;
  const km = p.extentKm >= 10 ? Math.round(p.extentKm).toString() : p.extentKm.toFixed(1);
  const same = candidate.sameAs.length
    ? ` (same place: ${candidate.sameAs.slice(0, 3).map(crsCode).join(', ')}${candidate.sameAs.length > 3 ? `, … ${candidate.sameAs.length} more` : ''})`
    : '';
  return `${crsCode(candidate.code)}  ${candidate.name} — ${pct(p.inside)} in its area of use, ${pct(p.onLand)} on land, ${km} km across, around ${where}${same}`;
}
