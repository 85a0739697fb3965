import type { CellCacheState } from '../grid/cell-cache';
import type { LocationMapping } from '../io/column-mapping';
import type { HelperAnswer } from './pool-messages';
import type { HelperWorker } from './worker-pool';

/** What `SideHelper.hash` resolves to: each file's SHA-256 and the one over all files in order. */
export interface SideHashes {
  readonly files: readonly string[];
  readonly all: string;
}

/**
 * One helper worker (the pool's entry, `serveHelper`) doing the worker's side work on the way
 * from a file to a panel while the worker itself goes on (issue 14, the app's binning): `hash`
 * fingerprints the files while the worker parses them, `warm` looks a load's points up in a
 * `CellCache` while the worker decodes and checks the rows, so the bin after it finds them
 * (`binWithCache`). Requests are answered in order. A helper that fails, or a request it
 * answers with an error, resolves to null: the caller does the work itself, with the same result.
 * `close()` ends the helper; requests still waiting resolve to null.
 */
export class SideHelper {
  private readonly pending = new Map<number, (answer: HelperAnswer | null) => void>();
  private next = 0;
  private dead = false;

  constructor(private readonly worker: HelperWorker) {
    worker.listen(
      (answer) => {
        const waiting = this.pending.get(answer.id);
        this.pending.delete(answer.id);
        waiting?.(answer);
      },
      () => this.close(),
    );
  }

  /** The files' SHA-256 (the same digests as `openStreams`'), or null when the helper could not. */
  async hash(files: readonly Blob[]): Promise<SideHashes | null> {
    const answer = await this.ask((id) => this.worker.post({ type: 'hash', id, files }));
    return answer && 'hashes' in answer ? answer.hashes : null;
  }

  /**
   * A `CellCache`'s state at `res` holding the points a load of the Arrow `files` with the lat/lng
   * columns of `location` can keep (`warmCache`): the helper reads the files itself. Null when it
   * could not (another format, a missing column …).
   */
  async warm(files: readonly Blob[], location: LocationMapping, res: number): Promise<CellCacheState | null> {
    const answer = await this.ask((id) => this.worker.post({ type: 'warm', id, files, location, res }));
    return answer && 'cache' in answer ? answer.cache : null;
  }

  /** Ends the helper (requests still waiting resolve to null). */
  close(): void {
    if (this.dead) return;
    this.dead = true;
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting(null);
    this.pending.clear();
  }

  private ask(send: (id: number) => void): Promise<HelperAnswer | null> {
    if (this.dead) return Promise.resolve(null);
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, (answer) => resolve(answer && 'error' in answer ? null : answer));
      send(id);
    });
  }
}
