import { HexcastError } from '../base/hexcast-error';
import { cellsInPolygon } from './h3';

/** The GeoJSON shapes a boundary may be given as. */
type Geometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
type GeoJson = Geometry | { type: 'Feature'; geometry: Geometry | null } | { type: 'FeatureCollection'; features: { geometry: Geometry | null }[] };

/**
 * The H3 cells (at `res`) whose centres lie inside a GeoJSON boundary: a Polygon,
 * MultiPolygon, Feature or FeatureCollection of those, in WGS84 `[lng, lat]` order. Throws a
 * specific error for any other shape, naming what was found.
 */
export function boundaryCells(geojson: unknown, res: number): string[] {
  const polygons = polygonsOf(geojson as GeoJson, 'boundary');
  const out = new Set<string>();
  for (const rings of polygons) for (const cell of cellsInPolygon({ rings, res })) out.add(cell);
  if (out.size === 0)
    throw new HexcastError('boundary-empty', `The boundary covers no H3 cell centre at resolution ${res}; use a finer resolution`, { field: 'boundary' });
  return [...out].sort();
}

function polygonsOf(value: GeoJson | null | undefined, where: string): number[][][][] {
  if (!value || typeof value !== 'object' || !('type' in value)) {
    throw new HexcastError('boundary-invalid', `The ${where} is not GeoJSON: expected an object with a "type"`, { field: 'boundary' });
  }
  switch (value.type) {
    case 'Polygon':
      return [value.coordinates];
    case 'MultiPolygon':
      return value.coordinates;
    case 'Feature':
      return value.geometry ? polygonsOf(value.geometry, `${where}'s geometry`) : [];
    case 'FeatureCollection':
      return value.features.flatMap((feature, i) => (feature.geometry ? polygonsOf(feature.geometry, `${where}'s feature ${i}`) : []));
    default:
      throw new HexcastError(
        'boundary-invalid',
        `The ${where} is a GeoJSON ${(value as { type: string }).type}; expected a Polygon or MultiPolygon (or a Feature/FeatureCollection of them)`,
        { field: 'boundary' },
      );
  }
}
