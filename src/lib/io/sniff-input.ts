import type { ByteSource } from './byte-source';
import { changedWhileRead, unreadable } from './checked-source';
import { InputError } from './input-error';
import { ipcFormatOf, legacySchemaLength } from './read-arrow';
import { sniffFormat, type Sniffed } from './sniff-format';

/** Bytes of a file's start that `sniffInput` reads (4 KiB): what `sniffFormat` looks at, and most Arrow schema messages. */
export const SNIFF_BYTES = 4096;

/**
 * The longest schema message of a legacy Arrow IPC stream `sniffInput` reads whole to recognise
 * one (16 MiB: a pandas metadata blob on a table of thousands of columns is a few MiB). A file
 * whose first 4 bytes claim more is not taken for a legacy stream.
 */
export const LEGACY_SCHEMA_MAX_BYTES = 16 * 2 ** 20;

/** What `sniffInput` tells of a file from its first bytes. */
export interface InputSniff {
  readonly sniffed: Sniffed;
  /** The Arrow IPC format it opens as (`ipcFormatOf`), or null for another format. */
  readonly ipc: 'file' | 'stream' | null;
  /** Its first `SNIFF_BYTES` bytes (fewer for a smaller file). */
  readonly first: Uint8Array;
}

/**
 * A file's format from its first 4 KiB (`sniffFormat`, `ipcFormatOf`), read once — the rule every
 * reader of a `ByteSource` follows. A legacy Arrow IPC stream whose schema message runs past them
 * (a wide table, long metadata: `legacySchemaLength`) has that whole message read and checked
 * again, up to `LEGACY_SCHEMA_MAX_BYTES`; a message that would end past the file is not one. A
 * browser's error for a File changed, moved or deleted since it was chosen is `changedWhileRead`
 * naming it (`unreadable`), as on every later read.
 * @example (await sniffInput(bytesSource('a.arrows', legacyWide))).ipc // → 'stream'
 */
export async function sniffInput(input: ByteSource): Promise<InputSniff> {
  const first = await unreadable(input.name, () => input.slice(0, Math.min(input.size, SNIFF_BYTES)));
  const sniffed = sniffFormat(first);
  const ipc = ipcFormatOf(sniffed, first);
  if (ipc !== null || sniffed.format !== 'unknown') return { sniffed, ipc, first };
  const length = legacySchemaLength(first);
  if (length === null || 4 + length <= first.length || length > LEGACY_SCHEMA_MAX_BYTES || 4 + length > input.size) return { sniffed, ipc, first };
  return { sniffed, ipc: ipcFormatOf(sniffed, await unreadable(input.name, () => input.slice(0, 4 + length))), first };
}

/**
 * For a read of `input` that failed (`error`) after it was sniffed as Arrow IPC `format`: the
 * error to report. When the file's first bytes no longer say `format` (another file now has its
 * name: CSV where Arrow was), or differ from those sniffed (`input` a `checkedSource`), it is the
 * file changed while it was read (`changedWhileRead`), not the truncation or corruption the
 * reader found; otherwise `error` itself.
 * @example throw await failedRead(error, checkedSource(input, first), 'file') // 'file-unreadable' when the file changed
 */
export async function failedRead(error: unknown, input: ByteSource, format: 'file' | 'stream'): Promise<unknown> {
  if (!(error instanceof InputError) || error.code === 'file-unreadable') return error;
  let now: InputSniff;
  try {
    now = await sniffInput(input);
  } catch (again) {
    return again instanceof InputError && again.code === 'file-unreadable' ? again : error;
  }
  if (now.ipc === format) return error;
  return changedWhileRead(input.name, `it was an Arrow IPC ${format} when opened and is now ${now.sniffed.description}`);
}
