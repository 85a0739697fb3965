import { concatBytes } from './concat-bytes';
import { InputError } from './input-error';

/**
 * Decompresses gzip bytes with the platform's `DecompressionStream('gzip')` (browsers, workers,
 * Node ≥ 18), so a `.csv.gz` or a gzipped Arrow file reads like the file inside. Fails with an
 * InputError ('gzip-corrupt') naming the file when the bytes are cut short or damaged.
 * It collects `gunzipChunks`.
 *
 * @example
 * new TextDecoder().decode(await gunzip(gzipOf('a,b\n1,2\n'), 'a.csv.gz')) // → 'a,b\n1,2\n'
 */
export async function gunzip(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of gunzipChunks([bytes], name)) chunks.push(chunk);
  return concatBytes(chunks);
}

/**
 * Decompresses gzip chunk by chunk as they come (`DecompressionStream('gzip')`, in every shell:
 * browsers, workers, Node ≥ 18), so a `.csv.gz` larger than memory is parsed as it inflates:
 * each compressed chunk is written only once the output before it was read, so at most a chunk
 * and its output are held. Fails with an InputError ('gzip-corrupt') naming the file when the
 * bytes are cut short or damaged.
 *
 * @example
 * for await (const text of gunzipChunks(file.chunks(), 'a.csv.gz')) parser.push(text)
 */
export async function* gunzipChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, name: string): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // The compressed side is fed by its own task; back-pressure (writer.ready) keeps it a chunk ahead.
  const feeding = (async () => {
    try {
      for await (const chunk of chunks) {
        await writer.ready;
        writer.write(chunk as Uint8Array<ArrayBuffer>).catch(() => {});
      }
      await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => {});
      throw error;
    }
  })();
  feeding.catch(() => {});
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) yield value;
    }
  } catch (error) {
    await feeding.catch((cause: unknown) => {
      if (cause instanceof InputError) throw cause;
    });
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(`file '${name}' is gzip-compressed but does not decompress (${why}): the file is cut short or damaged; download it again`, {
      code: 'gzip-corrupt',
      file: name,
    });
  } finally {
    // A consumer that stops early (an error downstream) stops the feeding too.
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
  await feeding;
}
