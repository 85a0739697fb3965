import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3';
import { boundaryOf } from '../grid/h3';
import { rewindForD3 } from './rewind-for-d3';

/** Projected H3 cell outlines, ready to draw as one SVG path per cell. */
export interface HexGeometry {
  /** Width and height of the drawing, px (the SVG viewBox). */
  readonly width: number;
  readonly height: number;
  /** SVG path data of each cell, in the order of the cells given. */
  readonly paths: readonly string[];
  /** Projected centre of each cell: `[x0, y0, x1, y1, …]`. */
  readonly centres: Float32Array;
  /** Metres per pixel at the map's centre, for a scale bar. */
  readonly metresPerPixel: number;
  /** SVG path of the boundary given as `outline`, in the same projection; null without one. */
  readonly outline: string | null;
  /** The Mercator projection drawn with (d3 `geoMercator().scale(scale).translate(translate)`, scale in px per radian), so context layers and basemaps line up. */
  readonly projection: { readonly scale: number; readonly translate: readonly [number, number] };
  /** SVG path of the area polygons given as `areas` (census block groups), same projection, not fitted; absent without them. */
  readonly areaOutlines?: string | null;
}

/**
 * Projects the outlines of H3 cells (from `boundaryOf`) with a Mercator projection fitted to
 * their extent, `width` px wide and as tall as their aspect needs (between 0.5 and 1.4 times the
 * width). Rings are reversed into the clockwise order d3-geo expects for small polygons
 * (GeoJSON's counter-clockwise rings would mean "the whole sphere but this cell"). Computed
 * once per panel; colouring changes only fills. An `outline` (a GeoJSON boundary, any winding)
 * is fitted and projected with the cells; `areas` (GeoJSON polygons) are projected the same way
 * without moving the fit (parts beyond the cells fall outside the drawing).
 * @example hexGeometry(['882664c1a9fffff'], { width: 100 }).paths[0] // → 'M…Z' (one hexagon)
 */
export function hexGeometry(cells: readonly string[], options: { width?: number; padding?: number; outline?: unknown; areas?: unknown } = {}): HexGeometry {
  const width = options.width ?? 640;
  const padding = options.padding ?? 8;
  const polygons = cells.map((cell) => ({ type: 'Polygon' as const, coordinates: [boundaryOf(cell).reverse()] }));
  const outline = options.outline ? (rewindForD3(options.outline) as GeoPermissibleObjects) : null;
  const collection = {
    type: 'GeometryCollection' as const,
    geometries: outline ? [...polygons, ...geometriesOf(outline)] : polygons,
  } as GeoPermissibleObjects;
  const probe = geoMercator().fitWidth(width - 2 * padding, collection);
  const [[x0, y0], [x1, y1]] = geoPath(probe).bounds(collection);
  const aspect = Number.isFinite(y1 - y0) && x1 > x0 ? (y1 - y0) / (x1 - x0) : 1;
  const height = Math.round(width * Math.min(1.4, Math.max(0.5, aspect)));
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  const centres = new Float32Array(cells.length * 2);
  const paths = polygons.map((polygon, i) => {
    const [cx, cy] = path.centroid(polygon);
    centres[2 * i] = cx;
    centres[2 * i + 1] = cy;
    return path(polygon) ?? '';
  });
  // Mercator: k px per radian at the equator, stretched by 1/cos(lat).
  const centre = projection.invert?.([width / 2, height / 2]) ?? [0, 0];
  const metresPerPixel = (6_371_008.8 * Math.cos((centre[1] * Math.PI) / 180)) / projection.scale();
  const [tx, ty] = projection.translate();
  const areas = options.areas ? (rewindForD3(options.areas) as GeoPermissibleObjects) : null;
  return {
    width,
    height,
    paths,
    centres,
    metresPerPixel,
    outline: outline ? (path(outline) ?? null) : null,
    projection: { scale: projection.scale(), translate: [tx, ty] },
    ...(areas && { areaOutlines: path(areas) ?? null }),
  };
}

/** The geometries of a GeoJSON object, for fitting a projection to them with the cells. */
function geometriesOf(value: unknown): object[] {
  const json = value as { type?: string; geometry?: unknown; features?: unknown[]; geometries?: unknown[] };
  if (json.type === 'Feature') return json.geometry ? geometriesOf(json.geometry) : [];
  if (json.type === 'FeatureCollection') return (json.features ?? []).flatMap(geometriesOf);
  if (json.type === 'GeometryCollection') return (json.geometries ?? []).flatMap(geometriesOf);
  return [json];
}
