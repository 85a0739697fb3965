import type { Sha256Factory, Sha256Stream } from './sha256-stream';

/** The fingerprints of files read one after another (`fileHashes`). */
export interface FileHashes {
  /** The hash to feed file `i`'s bytes to, in order; with several files it also feeds the hash over all of them. */
  forFile(i: number): Sha256Stream;
  /** Once every file has been read: each file's digest, and the one over all in order (the file's own when there is one). */
  digests(): { readonly each: string[]; readonly all: string };
}

/**
 * The SHA-256 fingerprints a load records of `count` files: one per file and one over all of
 * them in order, from one pass over their bytes (each file's hash feeds the overall one).
 * @example const hashes = fileHashes(2, createSha256); hashes.forFile(0).update(a); hashes.forFile(1).update(b); hashes.digests().all // → SHA-256 of a then b
 */
export function fileHashes(count: number, make: Sha256Factory): FileHashes {
  const own = Array.from({ length: count }, () => make());
  const all = count > 1 ? make() : null;
  const fed = own.map((hash): Sha256Stream => (all ? { update: (bytes) => (hash.update(bytes), all.update(bytes)), hex: () => hash.hex() } : hash));
  return {
    forFile: (i) => fed[i],
    digests() {
      const each = own.map((hash) => hash.hex());
      return { each, all: all ? all.hex() : each[0] };
    },
  };
}
