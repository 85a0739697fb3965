import { readArrow, type ArrowSource } from './read-arrow';
import { sniffFormat } from './sniff-format';

/**
 * Reads one incident or panel file in any format Hexcast takes, told apart by its bytes (not
 * its name): Arrow IPC file or stream, or Parquet ("PAR1"; its reader is loaded on first use,
 * so the app's bundle carries it only for Parquet files); each other format's reader adds its
 * branch and returns the same `ArrowSource` (an Arrow table of the file's columns, in record
 * batches), so column detection, CRS handling and row accounting are the same for every
 * format. Fails with an `InputError` naming the file and what was expected.
 * @example (await readSource(arrowBytes, 'a.arrow')).format // → 'file'
 */
export async function readSource(bytes: Uint8Array, name: string): Promise<ArrowSource> {
  switch (sniffFormat(bytes).format) {
    case 'parquet':
      return (await import('./read-parquet')).readParquet(bytes, name);
    default:
      return readArrow(bytes, name);
  }
}
