import { errorCodeOf } from '../base/hexcast-error';
import { boundaryCells } from '../grid/boundary-cells';
import { extendPanel } from '../grid/extend-panel';
import type { Panel } from '../grid/panel';
import { regionFromCells, type StudyRegion } from '../grid/study-region';
import { InputError } from '../io/input-error';
import { sha256Hex } from '../io/sha256-hex';

// The region stage of the pipeline: an optional GeoJSON boundary whose H3 cover becomes the
// study region (its empty cells added to the panel). Without one, the backtest uses the cells
// with an incident before the first cutoff (`studyRegion`).

/** A GeoJSON boundary file as a shell has it: the file's name and text. */
export interface BoundaryInput {
  readonly name: string;
  readonly text: string;
}

/** The boundary in use: its file and fingerprint. */
export interface BoundaryFile {
  readonly name: string;
  readonly sha256: string;
}

/** A GeoJSON study-region boundary, parsed. */
export interface Boundary extends BoundaryFile {
  readonly geojson: unknown;
}

/** How a boundary shaped the panel at its resolution. */
export interface BoundaryCover extends BoundaryFile {
  /** H3 cells whose centres lie inside the boundary: the study region. */
  readonly cells: number;
  /** Of those, cells without any incident, added to the panel with zero counts. */
  readonly added: number;
  /** Panel cells outside the boundary (their incidents still count in every denominator). */
  readonly outside: number;
}

/**
 * Parses a GeoJSON boundary file, checks that its H3 cover at resolution `res` holds at least
 * one cell centre, and fingerprints its text. Throws an InputError naming the file and saying
 * why otherwise (not JSON, not a polygon, covering no cell centre).
 * @example (await readBoundary({ name: 'city.geojson', text }, 8)).sha256 // → 64 hex digits
 */
export async function readBoundary(input: BoundaryInput, res: number): Promise<Boundary> {
  let geojson: unknown;
  try {
    geojson = JSON.parse(input.text);
  } catch (error) {
    throw new InputError(
      `Boundary file '${input.name}' is not valid JSON: ${(error as Error).message}`,
      { code: 'boundary-invalid', file: input.name, field: 'boundary' },
      { cause: error },
    );
  }
  coverOf({ name: input.name, geojson }, res);
  return { name: input.name, sha256: await sha256Hex(new TextEncoder().encode(input.text)), geojson };
}

/** A panel with the boundary's cover: the extended panel, the cover's cells (the study region) and how it relates to the data. */
export interface BoundedPanel {
  readonly panel: Panel;
  /** The boundary's H3 cover at the panel's resolution; absent without a boundary. */
  readonly region?: readonly string[];
  readonly cover: BoundaryCover | null;
}

/**
 * Applies a boundary to a binned panel: its H3 cover at the panel's resolution becomes the study
 * region, and cover cells without incidents join the panel with zero counts (so they count in the
 * area and can be selected). Without a boundary the panel passes unchanged.
 * @example applyBoundary(panel, undefined).panel === panel // → true
 */
export function applyBoundary(panel: Panel, boundary: Boundary | undefined): BoundedPanel {
  if (!boundary) return { panel, cover: null };
  const region = coverOf(boundary, panel.res);
  const inside = new Set(region);
  const withData = new Set(panel.cells);
  let added = 0;
  for (const cell of region) if (!withData.has(cell)) added++;
  let outside = 0;
  for (const cell of panel.cells) if (!inside.has(cell)) outside++;
  return { panel: extendPanel(panel, region), region, cover: { name: boundary.name, sha256: boundary.sha256, cells: region.length, added, outside } };
}

/**
 * The study region a run uses: the boundary's cover when there is one, else undefined (the
 * backtest's default: cells with an incident before the first cutoff).
 * @example studyRegionOf(bounded) // → { source: 'boundary', … } or undefined
 */
export function studyRegionOf(bounded: BoundedPanel): StudyRegion | undefined {
  return bounded.region ? regionFromCells(bounded.panel, bounded.region) : undefined;
}

function coverOf(boundary: { readonly name: string; readonly geojson: unknown }, res: number): string[] {
  try {
    return boundaryCells(boundary.geojson, res);
  } catch (error) {
    throw new InputError(
      `Boundary file '${boundary.name}': ${(error as Error).message}`,
      { code: errorCodeOf(error), file: boundary.name, field: 'boundary' },
      { cause: error },
    );
  }
}
