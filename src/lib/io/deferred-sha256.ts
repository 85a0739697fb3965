import type { Sha256Factory, Sha256Stream } from './sha256-stream';

/** The token a deferred stream's `hex()` returns until its digest is known (`pending:<n>`): never a SHA-256. */
const PENDING_PREFIX = 'pending:';

/** SHA-256 streams whose bytes are hashed later, in slices (`deferredSha256`). */
export interface DeferredSha256 {
  /** The factory to read with: its streams keep the bytes they are given (references, not copies); their `hex()` returns a `pending:<n>` token. */
  readonly factory: Sha256Factory;
  /** True once every stream's digest is known. */
  readonly done: boolean;
  /** Bytes in the pieces still kept (a piece is let go once hashed whole). */
  readonly held: number;
  /** Hashes up to `bytes` more of the kept bytes (at least one piece); returns `done`. */
  step(bytes: number): boolean;
  /** Hashes what is left now and returns the digest of every stream's token. */
  finish(): ReadonlyMap<string, string>;
  /**
   * Stops deferring: hashes every kept byte now (each stream in order, dropping the pieces) and
   * every byte given from here on as it is given; a stream's digest is known at its `hex()`.
   * For bytes that turn out not to be held anyway (a compressed Arrow file's, whose batches are
   * decoded copies): keeping them until the end would only raise the memory peak.
   */
  hashAsRead(): void;
  /** The digest a token stands for (a string that is no token is returned as it is); throws while it is still pending. */
  resolve(token: string): string;
}

/**
 * Streams that keep the bytes they are given instead of hashing them, so a shell can answer
 * before the fingerprint is known and hash when it is idle: `step` feeds `make`'s real streams
 * a slice at a time, in each stream's order; `finish` hashes the rest at once. The bytes must
 * not change until then (the app's worker holds the file's own read buffers). Digests equal
 * `make`'s for the same bytes, however the work is sliced. Each stream's `hex()` gives a token
 * (`pending:0`, `pending:1`, … in the order the streams were made) that `resolve` turns into its
 * digest once known.
 * @example const d = deferredSha256(createSha256); const h = d.factory(); h.update(bytes); const t = h.hex(); d.finish(); d.resolve(t) // → SHA-256 of bytes
 */
export function deferredSha256(make: Sha256Factory): DeferredSha256 {
  // Each piece is dropped (null) once hashed: the kept bytes are released as the hashing goes.
  const streams: { kept: (Uint8Array | null)[]; real: Sha256Stream | null; closed: boolean; digest: string | null }[] = [];
  // Where `step` goes on: the stream, the piece and the offset in it.
  let at = { stream: 0, piece: 0, offset: 0 };
  // Set by `hashAsRead`: bytes go to the real streams as they come.
  let asRead = false;
  const factory: Sha256Factory = () => {
    const own = { kept: [] as (Uint8Array | null)[], real: null as Sha256Stream | null, closed: false, digest: null as string | null };
    const token = `${PENDING_PREFIX}${streams.length}`;
    streams.push(own);
    return {
      update(bytes: Uint8Array): void {
        if (own.closed) throw new Error('deferredSha256: update after hex()');
        if (bytes.length === 0) return;
        if (asRead) (own.real ??= make()).update(bytes);
        else own.kept.push(bytes);
      },
      hex(): string {
        own.closed = true;
        if (asRead) own.digest ??= (own.real ??= make()).hex();
        return token;
      },
    };
  };
  const step = (budget: number): boolean => {
    let left = Math.max(1, budget);
    while (left > 0 && at.stream < streams.length) {
      const stream = streams[at.stream];
      if (stream.digest !== null) {
        at = { stream: at.stream + 1, piece: 0, offset: 0 }; // hashed as read (`hashAsRead`)
        continue;
      }
      if (!stream.closed) return false; // still being read
      stream.real ??= make();
      const piece = at.piece < stream.kept.length ? stream.kept[at.piece] : null;
      if (!piece) {
        stream.digest = stream.real.hex();
        stream.kept = [];
        at = { stream: at.stream + 1, piece: 0, offset: 0 };
        continue;
      }
      const end = Math.min(piece.length, at.offset + left);
      stream.real.update(piece.subarray(at.offset, end));
      left -= end - at.offset;
      if (end === piece.length) stream.kept[at.piece] = null;
      at = end === piece.length ? { stream: at.stream, piece: at.piece + 1, offset: 0 } : { ...at, offset: end };
    }
    return result.done;
  };
  const result: DeferredSha256 = {
    factory,
    get done() {
      return streams.every((s) => s.digest !== null);
    },
    get held() {
      return streams.reduce((sum, s) => sum + s.kept.reduce((n, piece) => n + (piece?.length ?? 0), 0), 0);
    },
    step,
    hashAsRead() {
      if (asRead) return;
      asRead = true;
      for (const [i, stream] of streams.entries()) {
        if (stream.digest !== null) continue;
        stream.real ??= make();
        const from = i === at.stream ? at : { piece: 0, offset: 0 };
        for (let p = from.piece; p < stream.kept.length; p++) stream.real.update(stream.kept[p]!.subarray(p === from.piece ? from.offset : 0));
        stream.kept = [];
        if (stream.closed) stream.digest = stream.real.hex();
      }
    },
    finish() {
      while (!step(Number.MAX_SAFE_INTEGER)) if (streams.some((s) => !s.closed)) throw new Error('deferredSha256: finish() before every hex()');
      return new Map(streams.map((s, i) => [`${PENDING_PREFIX}${i}`, s.digest!]));
    },
    resolve(token: string): string {
      if (!token.startsWith(PENDING_PREFIX)) return token;
      const digest = streams[Number(token.slice(PENDING_PREFIX.length))]?.digest;
      if (!digest) throw new Error(`deferredSha256: ${token} is not known yet`);
      return digest;
    },
  };
  return result;
}
