import { readAreaLayer, type ReadAreas } from '../lib/pipeline/areas';
import { readTextFile } from './read-text-file';
import { UsageError } from './usage-error';

/** The area flags, for `parseFlags`. */
export const AREA_OPTIONS = {
  areas: { type: 'string' },
  'area-groups': { type: 'string' },
  'area-total': { type: 'string' },
} as const;

/**
 * Reads `--areas FILE` with `--area-groups` and `--area-total` (undefined without --areas): a bad
 * file or column fails here, before any binning, as an InputError naming the file and column.
 * The column flags without --areas are a usage error.
 * @example await areasFromFlags({ areas: 'bg.geojson', 'area-groups': 'black_lb,white_lb' }) // → { layer, input }
 */
export async function areasFromFlags(values: {
  readonly areas?: string;
  readonly 'area-groups'?: string;
  readonly 'area-total'?: string;
}): Promise<ReadAreas | undefined> {
  if (values.areas === undefined) {
    if (values['area-groups'] !== undefined || values['area-total'] !== undefined) throw new UsageError('--area-groups and --area-total need --areas FILE');
    return undefined;
  }
  const text = await readTextFile(values.areas);
  const groups = values['area-groups']
    ?.split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');
  return readAreaLayer({
    name: values.areas,
    text,
    ...(groups?.length && { groups }),
    ...(values['area-total'] !== undefined && { total: values['area-total'] }),
  });
}
