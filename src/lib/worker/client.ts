import { errorFromData, HexcastError } from '../base/hexcast-error';
import type { Progress, Request, RequestType, Response, Results } from './protocol';

/**
 * The side of a Worker (or MessagePort) that the client uses. `error` and `messageerror` are
 * the Worker's signals that it failed outside a request or sent something unreadable;
 * `terminate` (a Worker has it, a MessagePort not) stops it for good.
 */
export interface ClientPort {
  postMessage(message: Request, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: MessageEvent<Response> & ErrorEvent) => void): void;
  terminate?(): void;
}

/** A request without its id: the client numbers requests itself. */
export type RequestBody<K extends RequestType> = Omit<Extract<Request, { type: K }>, 'id'>;

/** What the client tells its listeners when the worker died: why, and whether a new one took its place. */
export interface WorkerDeath {
  readonly reason: string;
  readonly restarted: boolean;
}

/** A request in flight: its id (for `cancel`) and the promise of its result. */
export interface Pending<T> {
  readonly id: number;
  readonly result: Promise<T>;
}

/** True for the errors of cancelled or superseded requests, which the app ignores. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The app's typed view of the worker: `request('bin', { settings })` resolves with a
 * `BinResult`, progress arrives through the callback, and `cancel(id)` stops a request.
 * One listener dispatches every response by id; an error response is rebuilt as the coded
 * error the worker threw (`errorFromData`: same code, file, column, row and field).
 *
 * When the worker dies (an `error` event: an uncaught throw outside a request, or out of
 * memory; a `messageerror`: an answer that cannot be read), every pending request is
 * rejected with a 'worker-died' error, the worker is terminated, `restart` (if given) makes
 * a new one for later requests, and the `onDeath` listeners are told. The new worker holds
 * nothing: the app re-sends what it needs.
 *
 * @example
 * const client = new WorkerClient(spawn(), { restart: spawn });
 * client.onDeath(({ reason }) => console.warn(`worker stopped: ${reason}`));
 */
export class WorkerClient {
  private next = 1;
  private port!: ClientPort;
  private readonly waiting = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void; onProgress?: (p: Progress) => void }>();
  private readonly deathListeners = new Set<(death: WorkerDeath) => void>();
  private readonly restart?: () => ClientPort;

  constructor(port: ClientPort, options: { restart?: () => ClientPort } = {}) {
    this.restart = options.restart;
    this.attach(port);
  }

  /** Sends a request; `transfer` lists buffers to move to the worker (File bytes). */
  start<K extends RequestType>(
    type: K,
    body: Omit<RequestBody<K>, 'type'>,
    options: { transfer?: Transferable[]; onProgress?: (p: Progress) => void } = {},
  ): Pending<Results[K]> {
    const id = this.next++;
    const result = new Promise<Results[K]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: never) => void, reject, onProgress: options.onProgress });
    });
    this.port.postMessage({ ...body, type, id } as Request, options.transfer ?? []);
    return { id, result };
  }

  /** `start` when the id is not needed. */
  request<K extends RequestType>(
    type: K,
    body: Omit<RequestBody<K>, 'type'>,
    options: { transfer?: Transferable[]; onProgress?: (p: Progress) => void } = {},
  ): Promise<Results[K]> {
    return this.start(type, body, options).result;
  }

  /** Aborts request `target` (a run stops between folds; a queued request never starts). */
  cancel(target: number): Promise<{ cancelled: boolean }> {
    return this.request('cancel', { target });
  }

  /** Calls `listener` each time the worker dies (after pending requests were rejected); returns the unsubscribe function. */
  onDeath(listener: (death: WorkerDeath) => void): () => void {
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
  }

  private attach(port: ClientPort): void {
    this.port = port;
    port.addEventListener('message', (event) => {
      if (this.port === port) this.receive(event.data);
    });
    port.addEventListener('error', (event) => {
      if (this.port !== port) return;
      event.preventDefault?.();
      this.die(event.message || 'it threw an error outside any request (or ran out of memory)');
    });
    port.addEventListener('messageerror', () => {
      if (this.port === port) this.die('it sent an answer that could not be read');
    });
  }

  private die(reason: string): void {
    const dead = this.port;
    dead.terminate?.();
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    const restarted = this.restart !== undefined;
    if (this.restart) this.attach(this.restart());
    const error = new HexcastError('worker-died', `The worker stopped: ${reason}`);
    for (const entry of pending) entry.reject(error);
    for (const listener of this.deathListeners) listener({ reason, restarted });
  }

  private receive(message: Response): void {
    const entry = this.waiting.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress?.(message.progress);
      return;
    }
    this.waiting.delete(message.id);
    if (message.type === 'done') entry.resolve(message.result as never);
    else entry.reject(errorFromData(message.error));
  }
}
