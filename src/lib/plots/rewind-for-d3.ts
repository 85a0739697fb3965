import { geoArea } from 'd3';

type Json = Record<string, unknown>;

/**
 * A copy of a GeoJSON object whose polygons wind the way d3-geo expects: d3 reads rings on the
 * sphere, so a polygon whose exterior runs counter-clockwise (RFC 7946, and what most files
 * hold) would mean "the whole globe except this area". A polygon covering more than a hemisphere
 * (geoArea > 2π sr) has its rings reversed; Features, FeatureCollections, GeometryCollections and
 * MultiPolygons are walked; other geometries are kept as they are.
 * @example geoArea(rewindForD3(ccwSquare)) // → the square's small area, not 4π minus it
 */
export function rewindForD3<T>(geojson: T): T {
  return rewind(geojson as unknown as Json) as unknown as T;
}

function rewind(value: Json): Json {
  switch (value?.type) {
    case 'Polygon':
      return { ...value, coordinates: polygon(value.coordinates as number[][][]) };
    case 'MultiPolygon':
      return { ...value, coordinates: (value.coordinates as number[][][][]).map(polygon) };
    case 'Feature':
      return { ...value, geometry: value.geometry ? rewind(value.geometry as Json) : null };
    case 'FeatureCollection':
      return { ...value, features: (value.features as Json[]).map(rewind) };
    case 'GeometryCollection':
      return { ...value, geometries: (value.geometries as Json[]).map(rewind) };
    default:
      return value;
  }
}

function polygon(rings: number[][][]): number[][][] {
  const area = geoArea({ type: 'Polygon', coordinates: rings as [number, number][][] });
  return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}
