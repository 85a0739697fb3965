import { CompressionType, compressionRegistry } from 'apache-arrow';
import { decompress as decompressZstd } from 'fzstd';
import { checkZstdFrames } from './check-zstd-frames';
import { decodeLz4Frame } from './decode-lz4-frame';

let registered = false;

/**
 * Lets apache-arrow read IPC buffers compressed with LZ4_FRAME (pyarrow's Feather default) or
 * ZSTD: LZ4 through Hexcast's own bounds-checked decoder (`decodeLz4Frame`), ZSTD through
 * fzstd (a small pure-JS decoder: ZSTD's entropy coding is not worth re-implementing) once
 * `checkZstdFrames` has bounded what its frame headers make it allocate. Both
 * decode only; Hexcast never writes compressed files. Idempotent.
 *
 * @example registerArrowCodecs(); tableFromIPC(lz4FeatherBytes).numRows // → its rows
 */
export function registerArrowCodecs(): void {
  if (registered) return;
  compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: decodeLz4Frame });
  compressionRegistry.set(CompressionType.ZSTD, { decode: (data) => zstd(data) });
  registered = true;
}

function zstd(data: Uint8Array): Uint8Array {
  checkZstdFrames(data);
  try {
    return decompressZstd(data);
  } catch (error) {
    throw new Error(`ZSTD: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
