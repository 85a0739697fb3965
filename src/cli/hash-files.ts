import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError } from '../lib/io/input-error';

/** Each file's SHA-256 and the one over all of them in order, as 64 lowercase hex digits. */
export interface FileDigests {
  readonly each: readonly string[];
  readonly all: string;
}

/** Bytes read at a time by `hashFiles`: one buffer reused for every read, so hashing a big file touches no fresh memory. */
const READ_BYTES = 4 << 20;

/**
 * The SHA-256 of each file and of all of them in order (the digests a streamed load computes as
 * its bytes pass), read from disk on whatever thread calls it — the CLI's binning thread, while
 * the main thread decodes the same files. A file whose length is no longer `sizes[i]` (the size
 * the load opened it with) changed while it was read: an InputError naming it, never a digest of
 * other bytes than those loaded.
 * @example hashFiles(['chicago.arrow'], [69_255_466]).each[0] // → 64 hex digits
 */
export function hashFiles(paths: readonly string[], sizes: readonly number[]): FileDigests {
  const all = createHash('sha256');
  const buffer = new Uint8Array(Math.min(READ_BYTES, Math.max(1, ...sizes)));
  const each = paths.map((path, i) => {
    const own = createHash('sha256');
    const fd = openSync(path, 'r');
    let total = 0;
    try {
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, total);
        if (n === 0) break;
        const bytes = buffer.subarray(0, n);
        own.update(bytes);
        if (paths.length > 1) all.update(bytes);
        total += n;
        if (total > sizes[i]) break;
      }
    } finally {
      closeSync(fd);
    }
    if (total !== sizes[i]) {
      throw new InputError(
        `file '${basename(path)}' changed while it was read (${sizes[i].toLocaleString('en-US')} bytes when opened, ${total > sizes[i] ? 'more' : total.toLocaleString('en-US')} now): read it again once it is complete`,
        { code: 'file-unreadable', file: basename(path) },
      );
    }
    return own.digest('hex');
  });
  return { each, all: paths.length > 1 ? all.digest('hex') : each[0] };
}
