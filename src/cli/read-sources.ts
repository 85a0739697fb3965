import type { ByteSource } from '../lib/io/byte-source';
import { openStreams, type Opened } from '../lib/pipeline/load';
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
 * The files at `paths` as byte sources read from disk by range (missing or unreadable: an
 * InputError naming the path; no path at all: a usage error).
 */
export async function byteSources(paths: readonly string[]): Promise<ByteSource[]> {
  if (paths.length === 0) throw new UsageError('no input file: give one or more Arrow, Parquet, CSV or GeoJSON files');
  const inputs: ByteSource[] = [];
  for (const path of paths) inputs.push(await fileByteSource(path));
  return inputs;
}
