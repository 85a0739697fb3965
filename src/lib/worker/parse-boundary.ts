import { errorCodeOf, HexcastError } from '../base/hexcast-error';
import { boundaryCells } from '../grid/boundary-cells';
import type { BoundaryInput } from './protocol';

/**
 * Parses a GeoJSON boundary file's text and checks that its H3 cover at resolution `res` holds
 * at least one cell centre; throws an Error naming the file and saying why otherwise.
 * @example parseBoundary({ name: 'city.geojson', text }, 8) // → the parsed GeoJSON
 */
export function parseBoundary(input: BoundaryInput, res: number): unknown {
  let geojson: unknown;
  try {
    geojson = JSON.parse(input.text);
  } catch (error) {
    throw new HexcastError('boundary-invalid', `Boundary file '${input.name}' is not valid JSON: ${(error as Error).message}`, { file: input.name, field: 'boundary' }, { cause: error });
  }
  try {
    boundaryCells(geojson, res);
  } catch (error) {
    throw new HexcastError(errorCodeOf(error), `Boundary file '${input.name}': ${(error as Error).message}`, { file: input.name, field: 'boundary' }, { cause: error });
  }
  return geojson;
}
