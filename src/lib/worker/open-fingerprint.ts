import { deferredSha256, type DeferredSha256 } from '../io/deferred-sha256';
import type { Sha256Factory } from '../io/sha256-stream';
import type { BinnedPanel } from '../pipeline/bin';
import type { Opened } from '../pipeline/load';
import { abortError } from './abort-error';
import type { Results } from './protocol';

/** Each opened file's SHA-256 and the one over all of them in order (what 'fingerprint' answers). */
export type Digests = Results['fingerprint'];

/**
 * One open's fingerprint, hashed after the open answered (`Session.open`'s `deferHash`): the
 * open reads with `factory` (the bytes are kept, not hashed), `opened` names what it opened
 * (its digests are `pending:<n>` tokens then), `step` hashes a slice while the worker is idle,
 * and `settle` finishes, puts the digests in place of the tokens and resolves `known`. When
 * other files are opened first, `supersede` rejects `known` with an AbortError.
 */
export class OpenFingerprint {
  private readonly deferred: DeferredSha256;
  private tokens: Digests | undefined;
  private resolveKnown!: (digests: Digests) => void;
  private rejectKnown!: (error: Error) => void;
  /** The digests, once `settle` ran; rejected by `supersede`. */
  readonly known: Promise<Digests>;

  /** Resolves once the real SHA-256 factory is ready (`hashAsRead`, `step` and `settle` need it). */
  readonly ready: Promise<void>;
  private make: Sha256Factory | undefined;

  /**
   * @param make the real SHA-256 factory, or its promise: reading starts without it (the bytes
   * are only kept), so a factory still being made (hash-wasm's compile) does not delay the read.
   */
  constructor(make: Sha256Factory | Promise<Sha256Factory>) {
    this.ready = Promise.resolve(make).then((made) => {
      this.make = made;
    });
    this.deferred = deferredSha256(() => {
      if (!this.make) throw new Error('OpenFingerprint: the SHA-256 is not ready (await `ready` first)');
      return this.make();
    });
    this.known = new Promise<Digests>((resolve, reject) => {
      this.resolveKnown = resolve;
      this.rejectKnown = reject;
    });
    this.known.catch(() => {}); // nobody may be waiting when it is superseded
  }

  /** The SHA-256 factory the open reads with. */
  get factory(): Sha256Factory {
    return this.deferred.factory;
  }

  /**
   * Stops deferring (`DeferredSha256.hashAsRead`) once the factory is ready: the bytes kept so far
   * are hashed and dropped, the rest hashed as read. For a compressed Arrow file, found mid-read.
   */
  async hashAsRead(): Promise<void> {
    await this.ready;
    this.deferred.hashAsRead();
  }

  /** Bytes kept for hashing later (let go as they are hashed). */
  get held(): number {
    return this.deferred.held;
  }

  /** Names the files the open read (their digests still tokens); returns this. */
  opened(opened: Opened): this {
    this.tokens = { sha256: opened.sha256, hashes: opened.hashes };
    return this;
  }

  /** Hashes up to `bytes` more; true when everything is hashed (then call `settle`). */
  step(bytes: number): boolean {
    return this.deferred.step(bytes);
  }

  /**
   * Hashes what is left, resolves `known`, and returns `opened` and `binned` with the digests in
   * place of the tokens (the same objects when they hold no token: other files, or nothing yet).
   */
  settle<O extends Opened | undefined, B extends (BinnedPanel & object) | undefined>(opened: O, binned: B): { opened: O; binned: B } {
    this.deferred.finish();
    const { resolve } = this.deferred;
    const tokens = this.tokens!;
    const digests: Digests = { sha256: resolve(tokens.sha256), hashes: tokens.hashes.map(resolve) };
    this.resolveKnown(digests);
    const ours = (sha256: string): boolean => sha256 === tokens.sha256;
    return {
      opened: (opened && ours(opened.sha256) ? { ...opened, ...digests } : opened) as O,
      binned: (binned && ours(binned.data.sha256) ? { ...binned, data: { ...binned.data, sha256: digests.sha256 } } : binned) as B,
    };
  }

  /** Other files were opened: whoever waits for this fingerprint is told so (an AbortError). */
  supersede(): void {
    this.rejectKnown(abortError('Other files were opened before their fingerprint was known'));
  }
}
