import { openStreams, type Opened } from '../lib/pipeline/load';
import { fileByteSource, nodeSha256 } from './file-byte-source';
import { UsageError } from './usage-error';

/**
 * Opens Arrow files from paths with the pipeline's `openStreams`: each read from disk record
 * batch by record batch and fingerprinted with node:crypto's SHA-256 as it streams (file or
 * stream format; no size limit, no second copy). A missing or unreadable path is an InputError
 * naming it; no path at all is a usage error.
 */
export async function readSources(paths: readonly string[]): Promise<Opened> {
  if (paths.length === 0) throw new UsageError('no input file: give one or more Arrow files');
  const inputs = [];
  for (const path of paths) inputs.push(await fileByteSource(path));
  return openStreams(inputs, { sha256: nodeSha256 });
}
