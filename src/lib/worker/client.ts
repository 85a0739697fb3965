import type { Progress, Request, RequestType, Response, Results, WorkerError } from './protocol';

/** The side of a Worker (or MessagePort) that the client uses. */
export interface ClientPort {
  postMessage(message: Request, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Response>) => void): void;
}

/** A request without its id: the client numbers requests itself. */
export type RequestBody<K extends RequestType> = Omit<Extract<Request, { type: K }>, 'id'>;

/** An error thrown by a worker request; `name` is 'AbortError' for cancelled or superseded work. */
export class WorkerRequestError extends Error {
  readonly file?: string;
  readonly column?: string;

  constructor(error: WorkerError) {
    super(error.message);
    this.name = error.name;
    if (error.file !== undefined) this.file = error.file;
    if (error.column !== undefined) this.column = error.column;
  }
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
 * One listener dispatches every response by id.
 */
export class WorkerClient {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void; onProgress?: (p: Progress) => void }>();

  constructor(private readonly port: ClientPort) {
    port.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Sends a request; `transfer` lists buffers to move to the worker (File bytes). */
  start<K extends RequestType>(type: K, body: Omit<RequestBody<K>, 'type'>, options: { transfer?: Transferable[]; onProgress?: (p: Progress) => void } = {}): Pending<Results[K]> {
    const id = this.next++;
    const result = new Promise<Results[K]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: never) => void, reject, onProgress: options.onProgress });
    });
    this.port.postMessage({ ...body, type, id } as Request, options.transfer ?? []);
    return { id, result };
  }

  /** `start` when the id is not needed. */
  request<K extends RequestType>(type: K, body: Omit<RequestBody<K>, 'type'>, options: { transfer?: Transferable[]; onProgress?: (p: Progress) => void } = {}): Promise<Results[K]> {
    return this.start(type, body, options).result;
  }

  /** Aborts request `target` (a run stops between folds; a queued request never starts). */
  cancel(target: number): Promise<{ cancelled: boolean }> {
    return this.request('cancel', { target });
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
    else entry.reject(new WorkerRequestError(message.error));
  }
}
