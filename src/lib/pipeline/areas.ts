import type { AreaAttributes } from '../areas/area-attributes';
import type { AreaLayer } from '../areas/area-layer';
import { areaAccountLines } from '../areas/area-account-lines';
import { apportionAreas, type AreaApportioning } from '../areas/apportion-areas';
import { chooseAreaColumns, DEFAULT_GROUPS_RULE } from '../areas/choose-area-columns';
import { readAreas } from '../areas/read-areas';
import type { Panel } from '../grid/panel';

export type { AreaAttributes } from '../areas/area-attributes';

// The areas stage of the pipeline: an optional area layer (census block groups with population
// by group) read once, then apportioned to the cells of each panel it meets, for exposure.

/** An area file as a shell has it, with the columns the user chose (none: the defaults). */
export interface AreasInput {
  readonly name: string;
  readonly text: string;
  readonly groups?: readonly string[];
  readonly total?: string;
}

/** An area file read and checked, with the user's column choice, ready to apportion to any panel. */
export interface ReadAreas {
  readonly layer: AreaLayer;
  readonly input: AreasInput;
}

/** An area layer apportioned to a panel's cells, with its accounting. */
export interface AppliedAreas {
  readonly layer: AreaLayer;
  readonly attributes: AreaAttributes;
  readonly apportioning: AreaApportioning;
  /** The accounting as lines (`areaAccountLines`). */
  readonly lines: readonly string[];
}

/**
 * Reads an area file (`readAreas`; InputErrors name the file) and checks its columns against the
 * user's choice (`chooseAreaColumns`), so a bad file or column fails before any binning.
 * @example readAreaLayer({ name: 'bg.geojson', text }).layer.features.length // → 35
 */
export function readAreaLayer(input: AreasInput): ReadAreas {
  const layer = readAreas(input.name, input.text);
  chooseAreaColumns(layer, input);
  return { layer, input };
}

/**
 * Apportions a read area layer to a panel's cells (`apportionAreas` at the panel's resolution)
 * with the user's groups and total, and writes its accounting.
 * @example applyAreas(read, panel).attributes.cells === panel.cells // → true
 */
export function applyAreas(read: ReadAreas, panel: Pick<Panel, 'cells' | 'res'>): AppliedAreas {
  const { layer, input } = read;
  const { attributes, apportioning } = apportionAreas(layer, panel.cells, panel.res, chooseAreaColumns(layer, input));
  return { layer, attributes, apportioning, lines: areaAccountLines(layer, { attributes, apportioning }) };
}

/** What the app shows about a read area file before it is apportioned: its columns and the chosen groups and total. */
export interface AreasInfo {
  readonly name: string;
  /** Numeric columns, in file order. */
  readonly numeric: readonly string[];
  readonly groups: readonly string[];
  /** The total column, or null for the sum of the groups. */
  readonly total: string | null;
  /** The reading's accounting (features, repairs, columns, unparsed values). */
  readonly lines: readonly string[];
  /** How default groups are chosen, in one sentence. */
  readonly rule: string;
}

/**
 * The columns, choice and reading accounting of a read area file, for the app's pickers.
 * @example areasInfo(readAreaLayer(input)).groups // → ['asian_lb', 'black_lb', 'white_lb']
 */
export function areasInfo(read: ReadAreas): AreasInfo {
  const choice = chooseAreaColumns(read.layer, read.input);
  return {
    name: read.layer.source,
    numeric: read.layer.columns,
    groups: choice.groups,
    total: choice.total,
    lines: areaAccountLines(read.layer),
    rule: DEFAULT_GROUPS_RULE,
  };
}

/**
 * The usable polygons of a read area file as one GeoJSON MultiPolygon, for drawing their outlines.
 * @example areaOutlineGeoJson(read).coordinates.length // → 35 for Plainfield's block groups
 */
export function areaOutlineGeoJson(read: ReadAreas): { type: 'MultiPolygon'; coordinates: unknown[] } {
  return { type: 'MultiPolygon', coordinates: read.layer.features.flatMap((f) => f.polygons) };
}
