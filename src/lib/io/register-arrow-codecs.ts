import { CompressionType, compressionRegistry } from 'apache-arrow';
import { decompress as decompressZstd } from 'fzstd';
import { checkZstdFrames } from './check-zstd-frames';
import { decodeLz4Frame } from './decode-lz4-frame';

let registered = false;
/** Largest buffer a typed array holds in every engine Hexcast runs in (2^31 − 1 bytes). */
const MAX_BUFFER = 2 ** 31 - 1;

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
  compressionRegistry.set(CompressionType.LZ4_FRAME, { decode: (data) => exactly(decodeLz4Frame(data), declaredLength(data), 'LZ4') });
  compressionRegistry.set(CompressionType.ZSTD, { decode: (data) => zstd(data) });
  registered = true;
}

/**
 * The uncompressed length an Arrow IPC compressed buffer declares in its 8-byte prefix, or −1
 * (stored uncompressed, or unknown). apache-arrow hands the codec a view just past that prefix
 * (`body.subarray(offset + 8, …)`) and ignores the prefix; it is read here from the 8 bytes
 * before the view, after `checkIpcMetadata` bounded it by what the compressed bytes can hold.
 * apache-arrow's own writer (21.x) puts the compressed length there instead: a prefix equal to
 * the compressed length is taken as unknown, so the files it writes still read.
 */
function declaredLength(data: Uint8Array): number {
  if (data.byteOffset < 8) return -1;
  const declared = new DataView(data.buffer, data.byteOffset - 8, 8).getBigInt64(0, true);
  if (declared === BigInt(data.length)) return -1;
  return declared >= 0n && declared <= BigInt(MAX_BUFFER) ? Number(declared) : -1;
}

/** The decoded bytes, after checking they are as many as the buffer declared. */
function exactly(decoded: Uint8Array, declared: number, codec: string): Uint8Array {
  if (declared >= 0 && decoded.length !== declared) {
    throw new Error(`${codec}: a buffer decoded to ${decoded.length} bytes but declares ${declared}`);
  }
  return decoded;
}

function zstd(data: Uint8Array): Uint8Array {
  const declared = declaredLength(data);
  const bounded = checkZstdFrames(data, declared);
  try {
    return exactly(decompressZstd(bounded), declared, 'ZSTD');
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('ZSTD:')) throw error;
    throw new Error(`ZSTD: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
