import type { ByteSource } from '../io/byte-source';
import type { SourceFormat } from '../io/read-arrow';
import { sniffInput } from '../io/sniff-input';

/** How `openStreams` reads an input: as an Arrow IPC file, an Arrow IPC stream (also the legacy one without continuation markers), or in another format (`streamSource`). */
export type InputFormat = 'arrow-file' | 'arrow-stream' | 'other';

/** An input's format as sniffed (`sniffedInput`), with the first bytes it was told from, which the read compares (`ReadStreamOptions.first`). */
export interface SniffedInput {
  readonly format: InputFormat;
  /** Its first bytes as sniffed; absent when the format is known from an earlier read (a streamed file's head). */
  readonly first?: Uint8Array;
}

/**
 * The input's format for opening, from its first 4 KiB (one read, `sniffInput`: as every Arrow
 * reader sniffs): an Arrow IPC file, an Arrow IPC stream (also the legacy stream without its
 * continuation marker, told by its whole schema message, often hundreds of bytes, read whole up
 * to 16 MiB when longer than 4 KiB), or other; with those first bytes.
 * @example (await sniffedInput(bytesSource('a.csv', csvBytes))).format // → 'other'
 */
export async function sniffedInput(input: ByteSource): Promise<SniffedInput> {
  const { ipc, first } = await sniffInput(input);
  return { format: inputFormatOf(ipc), first };
}

/**
 * `sniffedInput`'s format alone.
 * @example await inputFormat(bytesSource('a.csv', csvBytes)) // → 'other'
 */
export async function inputFormat(input: ByteSource): Promise<InputFormat> {
  return (await sniffedInput(input)).format;
}

/**
 * The Arrow reader's format (`ReadStreamOptions.format`) for an input's: 'file' for an Arrow IPC
 * file, 'stream' for a stream (legacy too), undefined for another format (read by `streamSource`).
 * @example arrowReadFormat('arrow-file') // → 'file'
 */
export function arrowReadFormat(format: InputFormat): 'file' | 'stream' | undefined {
  return format === 'arrow-file' ? 'file' : format === 'arrow-stream' ? 'stream' : undefined;
}

/**
 * The input format of a file read (or sniffed, `ipcFormatOf`) as an Arrow IPC 'file' or 'stream';
 * 'other' for any other format or none. `arrowReadFormat`'s inverse.
 * @example inputFormatOf(streamedHead.format) // → 'arrow-file' for a head read from an IPC file
 */
export function inputFormatOf(format: SourceFormat | null): InputFormat {
  return format === 'file' ? 'arrow-file' : format === 'stream' ? 'arrow-stream' : 'other';
}
