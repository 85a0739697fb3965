import type { BinOptions } from '../lib/grid/bin-incidents';
import { BUCKET_UNITS, type BucketUnit } from '../lib/grid/time-bucket';
import { UsageError } from './usage-error';

/** parseArgs options for binning. */
export const BIN_OPTIONS = {
  res: { type: 'string' },
  bucket: { type: 'string' },
  'keep-partial': { type: 'boolean' },
  'max-panel-mb': { type: 'string' },
} as const;

/** Help lines for the binning flags (--tz, shared with the mapping, is in MAPPING_HELP). */
export const BIN_HELP = `Binning:
  --res R               H3 resolution 0–15 (8: cells of ~0.74 km², edge ~530 m)
  --bucket B            time bucket: hour, day, week (ISO, Monday) or month
  --keep-partial        keep a first/last week or month the data covers only in part
  --max-panel-mb N      largest panel to allocate, in MB of counts (default 1000: 250 M
                        cell-periods; a larger one is refused before allocating, with coarser
                        grids that fit)
`;

/** Reads --res, --bucket, --tz, --keep-partial and --max-panel-mb (4 bytes a cell-period) into BinOptions; `required` makes --res/--bucket mandatory. */
export function binOptionsFromFlags(
  flags: { res?: string; bucket?: string; tz?: string; 'keep-partial'?: boolean; 'max-panel-mb'?: string },
  required: boolean,
): BinOptions | undefined {
  if (flags.res === undefined && flags.bucket === undefined && !required) return undefined;
  if (flags.res === undefined) throw new UsageError('--res is required (an H3 resolution from 0 to 15)');
  if (flags.bucket === undefined) throw new UsageError(`--bucket is required (${BUCKET_UNITS.join(', ')})`);
  const res = Number(flags.res);
  if (!Number.isInteger(res) || res < 0 || res > 15) throw new UsageError(`--res must be a whole number from 0 to 15, got '${flags.res}'`);
  if (!BUCKET_UNITS.includes(flags.bucket as BucketUnit)) throw new UsageError(`--bucket must be one of ${BUCKET_UNITS.join(', ')}, got '${flags.bucket}'`);
  const mb = flags['max-panel-mb'] === undefined ? undefined : Number(flags['max-panel-mb']);
  if (mb !== undefined && !(mb > 0)) throw new UsageError(`--max-panel-mb must be a positive number of megabytes, got '${flags['max-panel-mb']}'`);
  return {
    res,
    unit: flags.bucket as BucketUnit,
    timeZone: flags.tz,
    trimPartial: !flags['keep-partial'],
    ...(mb !== undefined && { maxValues: Math.floor((mb * 1e6) / 4) }),
  };
}
