import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3';
import type { HexGeometry } from './hex-geometry';
import type { GeoBounds, MultiPolygon } from './land-near';
import type { Place } from './places-near';

/** The drawing a context layer is fitted to: a hex map's size and projection. */
export type MapFrame = Pick<HexGeometry, 'width' | 'height' | 'projection'>;

/** A place projected into a map's drawing (px), for a label. */
export interface PlaceLabel {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly population: number;
}

/** Geographic context drawn under and over a hex map: land as one SVG path, places as labels. */
export interface ContextLayers {
  /** SVG path data of land, clipped to the reach of panning (empty when no land is near). */
  readonly land: string;
  readonly places: readonly PlaceLabel[];
}

/** How far a map may be panned beyond its drawing, as a share of its width and height on each side. */
export const PAN_MARGIN = 0.5;

/** The rectangle (px) a map's view can reach: its drawing with `PAN_MARGIN` on every side. */
export function reachOf(frame: MapFrame): [[number, number], [number, number]] {
  const dx = frame.width * PAN_MARGIN;
  const dy = frame.height * PAN_MARGIN;
  return [
    [-dx, -dy],
    [frame.width + dx, frame.height + dy],
  ];
}

function projectionOf(frame: MapFrame) {
  return geoMercator().scale(frame.projection.scale).translate([frame.projection.translate[0], frame.projection.translate[1]]);
}

/**
 * The longitude–latitude box a map's view can reach (`reachOf`), inverted through its
 * Mercator projection: the extent to pick land and places for.
 * @example contextBounds({ width: 200, height: 100, projection: { scale: 100, translate: [100, 50] } }) // → [[-114.6, -41.5], [114.6, 41.5]] (rounded)
 */
export function contextBounds(frame: MapFrame): GeoBounds {
  const projection = projectionOf(frame);
  const [[x0, y0], [x1, y1]] = reachOf(frame);
  const [west, north] = projection.invert?.([x0, y0]) ?? [-180, 85];
  const [east, south] = projection.invert?.([x1, y1]) ?? [180, -85];
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * Land and places projected into a hex map's drawing with the map's own Mercator projection,
 * land clipped to the rectangle the view can reach (d3's rectangle clipping, so a continent
 * costs only its vertices near the study region), places outside that rectangle dropped.
 * @example contextLayers(frame, landNear(world, contextBounds(frame)), placesNear(cities, contextBounds(frame))).places[0].name // → 'Chicago'
 */
export function contextLayers(frame: MapFrame, land: MultiPolygon, places: readonly Place[]): ContextLayers {
  const reach = reachOf(frame);
  const projection = projectionOf(frame).clipExtent(reach);
  const path = geoPath(projection).digits(1);
  const labels: PlaceLabel[] = [];
  for (const place of places) {
    const point = projectionOf(frame)([place.lon, place.lat]);
    if (!point) continue;
    const [x, y] = point;
    if (x < reach[0][0] || x > reach[1][0] || y < reach[0][1] || y > reach[1][1]) continue;
    labels.push({ name: place.name, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, population: place.population });
  }
  return { land: land.coordinates.length ? (path(land as GeoPermissibleObjects) ?? '') : '', places: labels };
}

/** A pan-and-zoom state: screen = k × drawing + (x, y) (d3-zoom's transform). */
export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The labels to show in a view: most populous first, each kept only if its box (an estimate,
 * `charWidth` px a character (6.6: system-ui at 10.5 px, a little generous), `lineHeight` px tall, beside its dot) lies inside the
 * `width` × `height` view and overlaps no label kept before it; at most `limit`. Zooming in
 * spreads places apart, so smaller ones appear.
 * @example visibleLabels([{ name: 'A', x: 10, y: 10, population: 9 }, { name: 'B', x: 12, y: 11, population: 1 }], { k: 1, x: 0, y: 0 }, 100, 100) // → [A] (B overlaps A)
 */
export function visibleLabels(
  places: readonly PlaceLabel[],
  view: ViewTransform,
  width: number,
  height: number,
  options: { charWidth?: number; lineHeight?: number; limit?: number } = {},
): { place: PlaceLabel; x: number; y: number }[] {
  const charWidth = options.charWidth ?? 6.6;
  const lineHeight = options.lineHeight ?? 13;
  const limit = options.limit ?? 18;
  const kept: { place: PlaceLabel; x: number; y: number; box: [number, number, number, number] }[] = [];
  for (const place of places) {
    if (kept.length >= limit) break;
    const x = view.k * place.x + view.x;
    const y = view.k * place.y + view.y;
    const box: [number, number, number, number] = [x - 3, y - lineHeight / 2, x + 6 + place.name.length * charWidth, y + lineHeight / 2];
    if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
    if (kept.some((k) => box[0] < k.box[2] && k.box[0] < box[2] && box[1] < k.box[3] && k.box[1] < box[3])) continue;
    kept.push({ place, x, y, box });
  }
  return kept.map(({ place, x, y }) => ({ place, x, y }));
}

/**
 * The Web-Mercator camera (MapLibre's `center` and `zoom`, 512-px tiles) that shows what a
 * hex map shows through `view`, drawn `displayScale` screen px per drawing px: zoom
 * `log2(2π · scale · k · displayScale / 512)`, centre the projection's inverse at the view's centre.
 * @example webMercatorCamera({ width: 512, height: 512, projection: { scale: 512 / (2 * Math.PI), translate: [256, 256] } }, { k: 1, x: 0, y: 0 }, 1) // → { center: [0, 0], zoom: 0 }
 */
export function webMercatorCamera(frame: MapFrame, view: ViewTransform, displayScale: number): { center: [number, number]; zoom: number } {
  const projection = projectionOf(frame);
  const centre = projection.invert?.([(frame.width / 2 - view.x) / view.k, (frame.height / 2 - view.y) / view.k]) ?? [0, 0];
  return { center: [centre[0], centre[1]], zoom: Math.log2((2 * Math.PI * frame.projection.scale * view.k * displayScale) / 512) };
}
