/** The cities file as `scripts/make-city-prior.ts` writes it. */
export interface CityPriorFile {
  readonly places: readonly number[];
}

/** How many people live in the towns of ≥ 50,000 near a point. */
export type PeopleNear = (lng: number, lat: number, radiusKm: number) => number;

/**
 * A lookup of the population (GeoNames, towns of 50,000 people or more) within `radiusKm` of a
 * point, from the flattened `[lng × 100, lat × 100, population / 1000]` triples of
 * `src/lib/io/data/cities-50k.json`, indexed by 1° cells. Used to tell apart placements that are
 * equally valid by area of use and coastline (x/y in UTM metres fit every UTM zone alike): incident
 * data comes from where people live.
 *
 * @example
 * cityPrior(file)(-123.1, 49.25, 10) // → 600000 (Vancouver; Burnaby's centre is 11 km off)
 */
export function cityPrior(file: CityPriorFile): PeopleNear {
  const cells = new Map<number, number[]>();
  const key = (lngCell: number, latCell: number): number => (latCell + 90) * 400 + (lngCell + 200);
  const places = file.places;
  for (let i = 0; i + 2 < places.length; i += 3) {
    const lng = places[i] / 100;
    const lat = places[i + 1] / 100;
    const k = key(Math.floor(lng), Math.floor(lat));
    let list = cells.get(k);
    if (!list) cells.set(k, (list = []));
    list.push(lng, lat, places[i + 2] * 1000);
  }
  return (lng, lat, radiusKm) => {
    const dLat = radiusKm / 111.32;
    const cos = Math.max(0.05, Math.cos((lat * Math.PI) / 180));
    const dLng = dLat / cos;
    let people = 0;
    for (let a = Math.floor(lat - dLat); a <= Math.floor(lat + dLat); a++) {
      for (let o = Math.floor(lng - dLng); o <= Math.floor(lng + dLng); o++) {
        const list = cells.get(key(o, a));
        if (!list) continue;
        for (let i = 0; i < list.length; i += 3) {
          const dx = (list[i] - lng) * 111.32 * cos;
          const dy = (list[i + 1] - lat) * 111.32;
          if (dx * dx + dy * dy <= radiusKm * radiusKm) people += list[i + 2];
        }
      }
    }
    return people;
  };
}

let loading: Promise<PeopleNear> | undefined;

/**
 * The population lookup of `cityPrior` over the bundled GeoNames extract (127 kB), loaded on first
 * use and kept (a chunk of its own in the app).
 *
 * @example
 * (await loadCityPrior())(-87.63, 41.88, 5) // → 2720546 (Chicago)
 */
export function loadCityPrior(): Promise<PeopleNear> {
  if (loading) return loading;
  loading = import('./data/cities-50k.json', { with: { type: 'json' } }).then((module) => cityPrior((module as { default: CityPriorFile }).default));
  loading.catch(() => (loading = undefined));
  return loading;
}
