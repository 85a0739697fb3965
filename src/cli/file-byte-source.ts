import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../lib/io/byte-source';
import { InputError } from '../lib/io/input-error';
import type { Sha256Stream } from '../lib/io/sha256-stream';

/** Chunk size of the read stream: large enough that a 20 M-row file is ~130 reads, small enough to never matter for memory. */
const CHUNK = 4 << 20;

/** Range size from which `readParts` reads in `READ_PARTS` parts at once. */
const PARTED_FROM = 16 << 20;
const READ_PARTS = 4;

/**
 * Reads `bytes.length` bytes of `file` from `from` into `bytes` and returns how many were read
 * (fewer only at the end of the file). A range of `PARTED_FROM` bytes or more is read as
 * `READ_PARTS` positioned reads at once: most of a big read's time is the kernel faulting in the
 * fresh buffer page by page (Chicago's 69 MB record batch: ~0.3–0.5 s with the main thread
 * idle), and parts read on libuv's thread pool fault their pages on both cores.
 */
async function readParts(file: FileHandle, bytes: Uint8Array, from: number): Promise<number> {
  const parts = bytes.length >= PARTED_FROM ? READ_PARTS : 1;
  const step = Math.ceil(bytes.length / parts / 4096) * 4096;
  const reads: Promise<number>[] = [];
  for (let at = 0; at < bytes.length; at += step) reads.push(readFully(file, bytes.subarray(at, Math.min(at + step, bytes.length)), from + at));
  const counts = await Promise.all(reads);
  // A short part (the file ended early) ends the range there.
  let total = 0;
  for (const [i, n] of counts.entries()) {
    total += n;
    if (n < Math.min(step, bytes.length - i * step)) break;
  }
  return total;
}

/** Positioned reads into `bytes` until it is full or the file ends; the bytes read. */
async function readFully(file: FileHandle, bytes: Uint8Array, position: number): Promise<number> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesRead } = await file.read(bytes, done, bytes.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/**
 * A disk file as a `ByteSource`: ranges by positioned reads, chunks by a read stream, so the
 * file is never read whole (no 2 GiB `readFile` limit). A missing path, a directory or an
 * unreadable file is an InputError naming it ('file-unreadable').
 * @example (await fileByteSource('chicago.arrow')).size // → 69255466
 */
export async function fileByteSource(path: string): Promise<ByteSource> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`'${path}' is a directory, not a data file`, { code: 'file-unreadable', file: path });
    const handle = await open(path, 'r');
    await handle.close();
    return {
      name: basename(path),
      size: info.size,
      async slice(start, end) {
        const file = await open(path, 'r');
        try {
          const from = Math.max(0, start);
          const bytes = new Uint8Array(Math.max(0, Math.min(end, info.size) - from));
          return bytes.subarray(0, await readParts(file, bytes, from));
        } finally {
          await file.close();
        }
      },
      chunks: () => createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Uint8Array>,
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadableFile(path, error);
  }
}

/**
 * The InputError ('file-unreadable') for a file system error on `path`: "cannot read 'x': no such
 * file" (ENOENT), "permission denied" (EACCES), else the system's own message.
 * @example unreadableFile('a.arrow', Object.assign(new Error('…'), { code: 'ENOENT' })).message // → "cannot read 'a.arrow': no such file"
 */
export function unreadableFile(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new InputError(`cannot read '${path}': ${why}`, { code: 'file-unreadable', file: path });
}

/**
 * node:crypto's SHA-256 in the core's incremental shape (`Sha256Stream`): native, ~10× the
 * pure-TypeScript fallback, the same digests.
 * @example const h = nodeSha256(); h.update(bytes); h.hex() // → 64 hex digits
 */
export function nodeSha256(): Sha256Stream {
  const hash = createHash('sha256');
  return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') };
}
