import { errorData } from '../base/hexcast-error';
import { modelInfo, modelRegistry } from '../forecast/models';
import { LATEST_WINS, type Progress, type Request, type RequestType, type Response, type Results, type WorkerError } from './protocol';
import type { Session } from './session';
import { withThrottledProgress } from './progress-throttle';
import { nextTask } from '../pipeline/next-task';
import { abortError } from './abort-error';

/** The side of a MessagePort or a worker's global scope that `serve` uses. */
export interface ServerPort {
  postMessage(message: Response, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Request>) => void): void;
}

/**
 * Answers the app's requests on `port` with one `session` (DESIGN.md, "Workers and state").
 * `run` starts at once and a new run aborts the one before (the newest run wins); `cancel`
 * aborts a request by id; 'fingerprint' is answered outside the queue, once the open files'
 * SHA-256 is known (the session hashes them `options.hashSlice` bytes a task, default
 * `HASH_SLICE`, only while no request is queued or being answered); everything else is queued
 * in order, and a queued request of a LATEST_WINS type is answered with an AbortError when a
 * newer one of the same type waits behind it (a dragged slider asks for many bins; only the
 * last matters). Results go out with their typed arrays transferred.
 */
export function serve(port: ServerPort, session: Session, options: { readonly hashSlice?: number } = {}): void {
  const hashSlice = options.hashSlice ?? HASH_SLICE;
  const queue: Request[] = [];
  const controllers = new Map<number, AbortController>();
  let currentRun: number | undefined;
  let draining = false;
  let hashingSoon = false;

  /**
   * While the open files' fingerprint is pending (`Session.hashing`) and no request waits, hashes
   * a slice (`hashSlice` bytes) a task, so a request that arrives waits one slice at most.
   */
  const hashWhileIdle = (): void => {
    if (hashingSoon || !session.hashing) return;
    hashingSoon = true;
    void nextTask().then(() => {
      hashingSoon = false;
      if (draining || queue.length > 0) return; // the drain's end comes back here
      session.hashStep(hashSlice);
      hashWhileIdle();
    });
  };

  const send = (message: Response, transfer: Transferable[] = []): void => port.postMessage(message, transfer);
  const fail = (id: number, error: unknown): void => send({ type: 'error', id, error: toWorkerError(error) });
  const done = <K extends RequestType>(id: number, request: K, result: Results[K]): void =>
    send({ type: 'done', id, request, result } as Response, transfersOf(result));

  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    try {
      while (queue.length > 0) {
        const request = queue.shift()!;
        if (LATEST_WINS.has(request.type) && queue.some((later) => later.type === request.type)) {
          fail(request.id, abortError('Superseded by a newer request'));
          continue;
        }
        try {
          await handle(request);
        } catch (error) {
          fail(request.id, error);
        }
      }
    } finally {
      draining = false;
      hashWhileIdle();
    }
  };

  const handle = async (request: Request): Promise<void> => {
    const progress = (p: Progress): void => send({ type: 'progress', id: request.id, progress: p });
    switch (request.type) {
      case 'open': {
        const controller = new AbortController();
        controllers.set(request.id, controller);
        try {
          const options = { signal: controller.signal, streamFrom: request.streamFrom, deferHash: true };
          return done(request.id, 'open', await session.open(request.files, progress, options));
        } catch (error) {
          throw controller.signal.aborted ? abortError('Opening was cancelled') : error;
        } finally {
          controllers.delete(request.id);
        }
      }
      case 'load': {
        const controller = new AbortController();
        controllers.set(request.id, controller);
        try {
          return done(request.id, 'load', await session.load(request.mapping, progress, { signal: controller.signal }));
        } catch (error) {
          throw controller.signal.aborted ? abortError('Decoding was cancelled') : error;
        } finally {
          controllers.delete(request.id);
        }
      }
      case 'load-panel':
        return done(request.id, 'load-panel', session.loadPanel(request.options));
      case 'bin': {
        // A streamed file's category filter is decoded first, with progress and Cancel between record batches.
        const controller = new AbortController();
        controllers.set(request.id, controller);
        try {
          await session.prepareBin(request.settings, progress, { signal: controller.signal });
        } catch (error) {
          throw controller.signal.aborted ? abortError('Decoding the category filter was cancelled') : error;
        } finally {
          controllers.delete(request.id);
        }
        return done(request.id, 'bin', session.bin(request.settings));
      }
      case 'resolution-cells':
        return done(request.id, 'resolution-cells', session.resolutionCells(request.resolutions, request.categories));
      case 'panel-choices':
        return done(request.id, 'panel-choices', session.panelChoices(request.settings, request.resolutions));
      case 'boundary':
        return done(request.id, 'boundary', await session.setBoundary(request.boundary));
      case 'areas':
        return done(request.id, 'areas', session.setAreas(request.areas));
      case 'catalogue': {
        const { definitions, notes } = await modelRegistry();
        return done(request.id, 'catalogue', { models: definitions.map(modelInfo), notes });
      }
      case 'plan':
        return done(request.id, 'plan', await session.plan(request.models, request.protocol));
      case 'step-slice':
        return done(request.id, 'step-slice', session.stepSlice(request.fold, request.step));
      case 'cell-series':
        return done(request.id, 'cell-series', session.cellSeries(request.cell, request.step));
      case 'feature-preview':
        return done(request.id, 'feature-preview', session.featurePreview(request.features, request.cell));
      case 'forecasts-file': {
        const bytes = session.forecastsFile();
        return done(request.id, 'forecasts-file', { bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
      }
      case 'external':
        return done(request.id, 'external', await session.setExternal(request.files));
      case 'save-model': {
        const saved = await session.saveModel(request.model);
        return done(request.id, 'save-model', {
          bytes: saved.bytes.buffer.slice(saved.bytes.byteOffset, saved.bytes.byteOffset + saved.bytes.byteLength) as ArrayBuffer,
          name: saved.name,
        });
      }
      case 'frozen-models':
        return done(request.id, 'frozen-models', await session.setFrozen(request.files));
      case 'check-claim':
        return done(request.id, 'check-claim', await withThrottledProgress(progress, (p) => session.checkClaim(request.claim, request.vary, p)));
      case 'leakage': {
        const controller = new AbortController();
        controllers.set(request.id, controller);
        try {
          return done(request.id, 'leakage', await session.leakage(request.spec, controller.signal, progress));
        } finally {
          controllers.delete(request.id);
        }
      }
      case 'lesson': {
        const controller = new AbortController();
        controllers.set(request.id, controller);
        try {
          return done(request.id, 'lesson', await withThrottledProgress(progress, (p) => session.lesson(request.call, controller.signal, p)));
        } finally {
          controllers.delete(request.id);
        }
      }
      default:
        throw new Error(`Unknown request type '${(request as { type: string }).type}'`);
    }
  };

  const run = async (request: Extract<Request, { type: 'run' }>): Promise<void> => {
    if (currentRun !== undefined) controllers.get(currentRun)?.abort();
    const controller = new AbortController();
    controllers.set(request.id, controller);
    currentRun = request.id;
    const report = (p: Progress): void => send({ type: 'progress', id: request.id, progress: p });
    try {
      done(request.id, 'run', await withThrottledProgress(report, (p) => session.run(request.spec, controller.signal, p)));
    } catch (error) {
      fail(request.id, controller.signal.aborted ? abortError('The run was cancelled') : error);
    } finally {
      controllers.delete(request.id);
      if (currentRun === request.id) currentRun = undefined;
    }
  };

  port.addEventListener('message', (event) => {
    const request = event.data;
    if (request.type === 'cancel') {
      const controller = controllers.get(request.target);
      controller?.abort();
      const queued = queue.findIndex((r) => r.id === request.target);
      if (queued >= 0) fail(queue.splice(queued, 1)[0].id, abortError('Cancelled before it started'));
      done(request.id, 'cancel', { cancelled: controller !== undefined || queued >= 0 });
      return;
    }
    if (request.type === 'run') {
      void run(request);
      return;
    }
    if (request.type === 'fingerprint') {
      session.fingerprint(request.generation).then(
        (digests) => done(request.id, 'fingerprint', digests),
        (error: unknown) => fail(request.id, error),
      );
      hashWhileIdle();
      return;
    }
    queue.push(request);
    setTimeout(() => void drain(), 0);
  });
}

/** Bytes of the open files hashed per task while idle: a few ms of hash-wasm, so a request waits little. */
export const HASH_SLICE = 2 * 2 ** 20;

/** The buffers of a result's typed arrays, to transfer rather than copy (cached geometry stays behind). */
function transfersOf(result: unknown): Transferable[] {
  if (typeof result !== 'object' || result === null) return [];
  const out: Transferable[] = [];
  for (const [key, value] of Object.entries(result)) {
    if (key === 'geometry') continue;
    if (ArrayBuffer.isView(value)) out.push(value.buffer as ArrayBuffer);
    else if (value instanceof ArrayBuffer) out.push(value);
  }
  return [...new Set(out)];
}

/** An error as plain data for the error message: name, message, code and where (see `errorData`). */
export function toWorkerError(error: unknown): WorkerError {
  return errorData(error);
}
