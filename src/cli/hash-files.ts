import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import { changedWhileRead } from '../lib/io/checked-source';
import { InputError } from '../lib/io/input-error';
import { unreadableFile } from './file-byte-source';

/** Each file's SHA-256 and the one over all of them in order, as 64 lowercase hex digits. */
export interface FileDigests {
  readonly each: readonly string[];
  readonly all: string;
}

/** Which file a load opened: its device and inode, size and modification time, as `stat` gave them. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Bytes read at a time by `hashFiles`: one buffer reused for every read, so hashing a big file touches no fresh memory. */
const READ_BYTES = 4 << 20;

/**
 * The identity of the regular file at `path` (`FileIdentity`), for `hashFiles` to check it hashes
 * the very file a load reads; an InputError ('file-unreadable') for anything else.
 * @example fileIdentity('chicago.arrow').size // → 69255466
 */
export function fileIdentity(path: string): FileIdentity {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    throw unreadableFile(path, error);
  }
  if (!info.isFile()) throw new InputError(`cannot read '${path}': not a regular file`, { code: 'file-unreadable', file: path });
  return { dev: info.dev, ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
}

/**
 * The SHA-256 of each file and of all of them in order (the digests a streamed load computes as
 * its bytes pass), read from disk on whatever thread calls it — the CLI's binning thread, while
 * the main thread decodes the same files. Each file must still be the one the load opened
 * (`FileIdentity`: same device, inode, size and modification time, before and after its read):
 * a file replaced, rewritten or grown meanwhile is an InputError naming it, never a digest of
 * other bytes than those loaded.
 * @example hashFiles([{ path: 'chicago.arrow', identity: fileIdentity('chicago.arrow') }]).each[0] // → 64 hex digits
 */
export function hashFiles(files: readonly { readonly path: string; readonly identity: FileIdentity }[]): FileDigests {
  const all = createHash('sha256');
  const buffer = new Uint8Array(Math.min(READ_BYTES, Math.max(1, ...files.map((file) => file.identity.size))));
  const each = files.map(({ path, identity }) => {
    const own = createHash('sha256');
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      throw unreadableFile(path, error);
    }
    let total = 0;
    try {
      checkSame(path, identity, fstatSync(fd));
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, total);
        if (n === 0) break;
        const bytes = buffer.subarray(0, n);
        own.update(bytes);
        if (files.length > 1) all.update(bytes);
        total += n;
        if (total > identity.size) break;
      }
      checkSame(path, identity, fstatSync(fd));
    } finally {
      closeSync(fd);
    }
    if (total !== identity.size)
      throw changedWhileRead(
        basename(path),
        `${identity.size.toLocaleString('en-US')} bytes when opened, ${total > identity.size ? 'more' : total.toLocaleString('en-US')} now`,
      );
    return own.digest('hex');
  });
  return { each, all: files.length > 1 ? all.digest('hex') : each[0] };
}

/** Throws unless `now` is the file `identity` describes. */
function checkSame(path: string, identity: FileIdentity, now: Stats): void {
  if (now.dev !== identity.dev || now.ino !== identity.ino) throw changedWhileRead(basename(path), 'another file now has its name');
  if (now.size !== identity.size || now.mtimeMs !== identity.mtimeMs) {
    throw changedWhileRead(
      basename(path),
      `${identity.size.toLocaleString('en-US')} bytes when opened, ${now.size.toLocaleString('en-US')} now, modified since`,
    );
  }
}
