import type { AreaAttributes } from '../areas/area-attributes';
import type { AreaLayer } from '../areas/area-layer';
import { areaAccountLines } from '../areas/area-account-lines';
import { apportionAreas, type AreaApportioning } from '../areas/apportion-areas';
import { chooseAreaColumns } from '../areas/choose-area-columns';
import { readAreas } from '../areas/read-areas';
import type { Panel } from '../grid/panel';

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
