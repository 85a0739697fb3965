import { concatBytes } from './concat-bytes';
import { InputError } from './input-error';

/**
 * Decompresses gzip bytes with the platform's `DecompressionStream('gzip')` (browsers, workers,
 * Node ≥ 18), so a `.csv.gz` or a gzipped Arrow file reads like the file inside. Fails with an
 * InputError ('gzip-corrupt') naming the file when the bytes are cut short or damaged.
 *
 * @example
 * new TextDecoder().decode(await gunzip(gzipOf('a,b\n1,2\n'), 'a.csv.gz')) // → 'a,b\n1,2\n'
 */
export async function gunzip(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // Written without waiting: the reader below drains the output, so the writes never stall.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) chunks.push(value);
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`file '${name}' is gzip-compressed but does not decompress (${why}): the file is cut short or damaged; download it again`, {
      code: 'gzip-corrupt',
      file: name,
    });
  }
  return concatBytes(chunks);
}
