import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { EXTERNAL_KINDS, type ExternalKind } from '../lib/evaluate/external-model';
import { openExternal, type OpenedExternal } from '../lib/external/open-external';
import { InputError } from '../lib/io/input-error';
import { loadCrs } from '../lib/io/load-crs';
import { UsageError } from './usage-error';

/** The flags of forecasts made elsewhere, for `parseFlags`. */
export const EXTERNAL_OPTIONS = {
  external: { type: 'string', multiple: true },
  'external-kind': { type: 'string' },
  'external-crs': { type: 'string' },
  'box-side': { type: 'string' },
} as const;

/** Their help text. */
export const EXTERNAL_HELP = `Forecasts made elsewhere (a vendor's, a script's), scored as given with the models:
  --external NAME=FILE  an Arrow file of forecasts (repeatable): period + cell (H3 text or
                        uint64, any resolution), or period + lat/lon or x/y, with a value
                        column (forecast, expected, score…) or none (flagged places)
  --external-kind K     count | score | flags (default: detected, and the report says why);
                        a score gets the hotspot metrics only; flags are compared on their area
  --external-crs CRS    CRS of x/y columns in the external files
  --box-side METRES     side of the box each flagged point stands for (PredPol: 152.4 = 500 ft)
`;

/**
 * Opens every `--external NAME=FILE` with the kind, CRS and box side given (applied to every
 * external file). A malformed flag or a repeated name is a usage error; an unreadable file an
 * InputError naming it.
 * @example await externalsFromFlags({ external: ['vendor=vendor.arrow'] }) // → [{ model: { name: 'vendor', … }, … }]
 */
export async function externalsFromFlags(values: {
  readonly external?: readonly string[];
  readonly 'external-kind'?: string;
  readonly 'external-crs'?: string;
  readonly 'box-side'?: string;
}): Promise<OpenedExternal[]> {
  const kind = values['external-kind'];
  if (kind !== undefined && !EXTERNAL_KINDS.includes(kind as ExternalKind)) {
    throw new UsageError(`--external-kind must be one of ${EXTERNAL_KINDS.join(', ')}, got '${kind}'`);
  }
  const boxSide = values['box-side'] === undefined ? undefined : Number(values['box-side']);
  if (boxSide !== undefined && !(boxSide > 0)) throw new UsageError(`--box-side must be a positive number of metres, got '${values['box-side']}'`);
  if (values['external-crs']) await loadCrs(values['external-crs']);
  const names = new Set<string>();
  const opened: OpenedExternal[] = [];
  for (const flag of values.external ?? []) {
    const at = flag.indexOf('=');
    if (at <= 0 || at === flag.length - 1) throw new UsageError(`--external must be NAME=FILE, got '${flag}'`);
    const name = flag.slice(0, at);
    const path = flag.slice(at + 1);
    if (names.has(name)) throw new UsageError(`--external: the name '${name}' is given twice`);
    names.add(name);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot read '${path}': ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { code: 'file-unreadable', file: path });
    }
    opened.push(await openExternal(name, bytes, basename(path), { kind: kind as ExternalKind | undefined, crs: values['external-crs'], boxSide }));
  }
  return opened;
}
