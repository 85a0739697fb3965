import type { ByteSource } from '../lib/io/byte-source';
import { openStreams, type Opened } from '../lib/pipeline/load';
import { rememberSlices } from '../lib/io/remember-slices';
import { fileByteSource, nodeSha256 } from './file-byte-source';
import { UsageError } from './usage-error';

/**
 * Opens incident or panel files from paths with the pipeline's `openStreams`: Arrow read from
 * disk record batch by record batch (file or stream format; no size limit, no second copy), other
 * formats (Parquet, CSV, gzip, GeoJSON points) read whole; each fingerprinted with node:crypto's
 * SHA-256 as it streams. A missing or unreadable path is an InputError
 * naming it; no path at all is a usage error.
 */
export async function readSources(paths: readonly string[]): Promise<Opened> {
  return openStreams(await byteSources(paths), { sha256: nodeSha256 });
}

/**
 * Bytes of ranges each file keeps once read (`rememberSlices`): a streamed load reads the first
 * record batch twice (heads, then decode) and the batches it quotes from once more, and Chicago's
 * is one 69 MB batch whose every read costs ~0.2 s of page faults. Bounded in bytes and to the
 * last 16 ranges (between two reads of Chicago's batch come 10 others: heads, footer, the
 * dictionaries), so a 20 M-row file of 1.6 MB batches keeps a few of them, not this much.
 */
const REMEMBERED_BYTES = 128 << 20;

/**
 * The files at `paths` as byte sources read from disk by range, each remembering its last
 * `REMEMBERED_BYTES` of ranges (missing or unreadable: an InputError naming the path; no path at
 * all: a usage error).
 */
export async function byteSources(paths: readonly string[]): Promise<ByteSource[]> {
  if (paths.length === 0) throw new UsageError('no input file: give one or more Arrow, Parquet, CSV or GeoJSON files');
  const inputs: ByteSource[] = [];
  for (const path of paths) inputs.push(rememberSlices(await fileByteSource(path), REMEMBERED_BYTES));
  return inputs;
}
