import { gunzip } from './gunzip';
import { readArrow, type ArrowSource } from './read-arrow';
import { readCsv } from './read-csv';
import { readGeoJsonPoints } from './read-geojson-points';
import { sniffFormat } from './sniff-format';

/**
 * Reads one incident or panel file in any format Hexcast takes, told apart by its bytes (not
 * its name): Arrow IPC file or stream; Parquet ("PAR1"; its reader is loaded on first use, so
 * the app's bundle carries it only for Parquet files); CSV (and TSV, ';' or '|' delimited text)
 * through `readCsv`; JSON through `readGeoJsonPoints`; gzip decompressed and read again (a
 * `.csv.gz` or a gzipped Arrow file). Every reader returns the same `ArrowSource` (an Arrow
 * table of the file's columns, in record batches), so column detection, CRS handling and row
 * accounting are the same for every format. Fails with an `InputError` naming the file and what
 * was expected.
 * @example (await readSource(arrowBytes, 'a.arrow')).format // → 'file'
 */
export async function readSource(bytes: Uint8Array, name: string): Promise<ArrowSource> {
  switch (sniffFormat(bytes).format) {
    case 'parquet':
      return (await import('./read-parquet')).readParquet(bytes, name);
    case 'csv':
    case 'text':
      return readCsv(bytes, name);
    case 'json':
      return readGeoJsonPoints(bytes, name);
    case 'gzip': {
      const inner = await gunzip(bytes, name);
      const source = await readSource(inner, name);
      const note = `decompressed from gzip: ${bytes.length.toLocaleString('en-US')} → ${inner.length.toLocaleString('en-US')} bytes`;
      return { ...source, bytes: bytes.length, notes: [note, ...(source.notes ?? [])] };
    }
    default:
      return readArrow(bytes, name);
  }
}
