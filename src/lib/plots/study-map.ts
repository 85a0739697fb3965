import { formatPercent } from '../base/format-number';
import { visibleLabels, type ContextLayers } from './context-layers';
import type { HexGeometry } from './hex-geometry';
import { hotspotMap } from './hotspot-classes';
import { scaleBar } from './scale-bar';

/** The classes of the report's study map, in legend order. */
export const STUDY_MAP_CLASSES = [
  { label: 'hotspot: most incidents per km²', colour: '#D55E00' },
  { label: 'study region, had incidents', colour: '#8fb8d8' },
  { label: 'study region, no incident', colour: '#dde6ee' },
] as const;

/** A static map of a study region and its recorded hotspots, for the standalone report (one SVG, no requests). */
export interface StudyMap {
  readonly width: number;
  readonly height: number;
  /** Cells of the study region: SVG path and class (index into `STUDY_MAP_CLASSES`). Cells outside the region are left out. */
  readonly cells: readonly { readonly d: string; readonly kind: number }[];
  readonly outline: string | null;
  readonly land: string;
  readonly labels: readonly { readonly name: string; readonly x: number; readonly y: number }[];
  readonly scale: { readonly pixels: number; readonly label: string };
  readonly caption: string;
}

/**
 * The study region's cells coloured by where incidents concentrated: the hotspots are the cells
 * of highest incident density (`counts` / `area`) that together make `coverage` of the region's
 * area (the hindsight selection `hotspotMap` makes with the counts as the forecast; the tied group
 * at the boundary counts as hotspot), over the bundled land and place labels when `context` is
 * given (labels decluttered as on the app's map at its whole view).
 * @example studyMap({ geometry, counts: [5, 0, 1], area: [1, 1, 1], region: [1, 1, 1], coverage: 0.34, context: null }).cells.map((c) => c.kind) // → [0, 2, 1]
 */
export function studyMap(input: {
  geometry: HexGeometry;
  counts: ArrayLike<number>;
  area: ArrayLike<number>;
  region: ArrayLike<number>;
  coverage: number;
  context: ContextLayers | null;
  /** What the counts cover, for the caption ('2017-01-02 – 2018-11-05'). */
  span: string;
}): StudyMap {
  const { geometry, counts, area, region, coverage, context, span } = input;
  const map = hotspotMap(counts, counts, area, region, coverage);
  const cells: { d: string; kind: number }[] = [];
  let hot = 0;
  for (let c = 0; c < geometry.paths.length; c++) {
    const k = map.classes[c];
    if (k === 6) continue;
    const kind = k <= 3 ? 0 : counts[c] > 0 ? 1 : 2;
    if (kind === 0) hot++;
    cells.push({ d: geometry.paths[c], kind });
  }
  const bar = scaleBar(geometry.metresPerPixel, geometry.width * 0.18);
  const labels = context ? visibleLabels(context.places, { k: 1, x: 0, y: 0 }, geometry.width, geometry.height, { limit: 14 }) : [];
  return {
    width: geometry.width,
    height: geometry.height,
    cells,
    outline: geometry.outline,
    land: context?.land ?? '',
    labels: labels.map((l) => ({ name: l.place.name, x: Math.round(l.x * 10) / 10, y: Math.round(l.y * 10) / 10 })),
    scale: { pixels: bar.pixels, label: bar.label },
    caption:
      `The study region (${cells.length} cells) and its recorded hotspots, ${span}: the ${hot} cells of highest incident density that make ` +
      `${formatPercent(coverage)} of its area (in hindsight, for orientation; the hotspot metrics score each model's own selection per fold).`,
  };
}
