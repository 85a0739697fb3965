import type { ByteSource } from './byte-source';
import { InputError } from './input-error';

/**
 * The error for a file whose bytes are not those it had when it was opened (chosen in the app,
 * opened on disk by the CLI): it was replaced, cut or extended while it was read. An input error
 * ('file-unreadable') naming the file, saying `how`.
 * @example changedWhileRead('a.arrow', '1,000 bytes when opened, 600 read').message
 *   // → "file 'a.arrow' changed while it was read (1,000 bytes when opened, 600 read): read it again once it is complete"
 */
export function changedWhileRead(name: string, how: string): InputError {
  return new InputError(`file '${name}' changed while it was read (${how}): read it again once it is complete`, { code: 'file-unreadable', file: name });
}

/**
 * `input` read as the file it was when opened: `size` (a File's when chosen, a disk file's when
 * opened) and, when given, `first` (its first bytes, read by an earlier sniff). A range read that
 * comes back shorter than `size` allows, chunks that add up to more or fewer bytes than `size`,
 * bytes at the start that differ from `first`, or a browser's `NotReadableError` or
 * `NotFoundError` (a File changed, moved or deleted since it was chosen: `unreadable`) are the
 * file changed since: `changedWhileRead`, not the truncation or corruption a reader would make of them.
 * @example for await (const chunk of checkedSource(input, sniffed).chunks()) read(chunk) // throws 'file-unreadable' if the file changed
 */
export function checkedSource(input: ByteSource, first?: Uint8Array): ByteSource {
  const { name, size } = input;
  const grown = (): InputError => changedWhileRead(name, `more than the ${size.toLocaleString('en-US')} bytes it had when opened`);
  const compare = (bytes: Uint8Array, at: number): void => {
    if (!first || at >= first.length) return;
    const n = Math.min(bytes.length, first.length - at);
    for (let i = 0; i < n; i++) {
      if (bytes[i] !== first[at + i]) throw changedWhileRead(name, `byte ${(at + i).toLocaleString('en-US')} is not the one read when it was opened`);
    }
  };
  return {
    name,
    size,
    async slice(start, end) {
      const from = Math.max(0, start);
      const bytes = await unreadable(name, () => input.slice(start, end));
      const expected = Math.max(0, Math.min(end, size) - from);
      if (bytes.length > expected) throw grown();
      if (bytes.length < expected) {
        const now = bytes.length > 0 ? (from + bytes.length).toLocaleString('en-US') : `at most ${from.toLocaleString('en-US')}`;
        throw changedWhileRead(name, `${size.toLocaleString('en-US')} bytes when opened, ${now} now`);
      }
      compare(bytes, from);
      return bytes;
    },
    async *chunks() {
      let at = 0;
      const chunks = input.chunks()[Symbol.asyncIterator]();
      try {
        for (;;) {
          const next = await unreadable(name, () => chunks.next());
          if (next.done) break;
          compare(next.value, at);
          at += next.value.length;
          if (at > size) throw grown();
          yield next.value;
        }
      } finally {
        await chunks.return?.();
      }
      if (at < size) throw changedWhileRead(name, `${size.toLocaleString('en-US')} bytes when opened, ${at.toLocaleString('en-US')} read`);
    },
  };
}

/**
 * DOMException names a browser gives a read of a File that changed, moved or was deleted since it
 * was chosen: `NotReadableError` (changed) and `NotFoundError` (Chromium's for one moved or deleted).
 */
const UNREADABLE_NAMES: ReadonlySet<unknown> = new Set(['NotReadableError', 'NotFoundError']);

/**
 * `read()` of the file `name`, with a browser's `NotReadableError` or `NotFoundError` (the File
 * changed, moved or was deleted since it was chosen) as `changedWhileRead`; other errors as they are.
 * Every read of an opened file goes through it, the sniff (`sniffInput`) included.
 * @example await unreadable(input.name, () => input.slice(0, 4096)) // throws 'file-unreadable' if the File changed
 */
export async function unreadable<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (UNREADABLE_NAMES.has((error as { name?: unknown } | null)?.name)) throw changedWhileRead(name, 'it can no longer be read as it was when chosen');
    throw error;
  }
}
