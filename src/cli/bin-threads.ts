import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { errorFromData, type ErrorData } from '../lib/base/hexcast-error';
import { takeInt32 } from '../lib/base/scratch-memory';
import { assignCells, type BinRows, type BinWindow, type CellAssigner, type RangeCells } from '../lib/grid/bin-range';
import { binWithCache, lookUpRows } from '../lib/grid/bin-with-cache';
import { CellCache, type CellCacheState } from '../lib/grid/cell-cache';
import { binPoints, joinByPoint, splitByPoint, type PointCells } from '../lib/grid/split-by-point';
import type { FileDigests, FileIdentity } from './hash-files';

/** What the binning thread is started with: its port, the flag it raises when it answers, and the bundled module to import (null: the sources under tsx). */
export interface BinThreadData {
  readonly port: MessagePort;
  /** The port of 'hash' requests, answered on it asynchronously (the main thread goes on meanwhile). */
  readonly hashPort: MessagePort;
  readonly flag: SharedArrayBuffer;
  /** One Int32: the rows of 'warm' batches the thread has looked up so far (the main thread bounds its backlog by it). */
  readonly progress: SharedArrayBuffer;
  readonly bundle: string | null;
  /** Tests only: the thread waits before answering a 'probe' until `stall[0]` is not 0, then sets `stall[1]` to 1 once it has written its rows (a stalled thread). */
  readonly stall?: SharedArrayBuffer;
}

/**
 * A request to the binning thread: 'warm', a record batch's raw coordinates (on shared memory, or
 * transferred copies) to look up in its cache, not answered (the thread counts the rows done in `progress`); 'warmed', that cache handed over (`CellCacheState` on shared
 * memory; null when it holds none at `res`) with the areas of its first cells (computed while the main thread decoded); 'probe', rows `[from, to)` (on shared memory) to look
 * up in that cache into `out` (`lookUpRows`); 'split', the coordinates of its side of the points
 * (transferred), answered with their cells; 'touch', shared buffers whose pages to fault in (`BinThread.touch`), not answered.
 */
export type BinThreadRequest =
  | { readonly kind: 'warm' | 'split'; readonly lat: Float64Array; readonly lng: Float64Array; readonly res: number }
  | { readonly kind: 'warmed'; readonly res: number }
  | { readonly kind: 'touch'; readonly buffers: readonly SharedArrayBuffer[] }
  | { readonly kind: 'probe'; readonly rows: BinRows; readonly window: BinWindow; readonly from: number; readonly to: number; readonly out: Int32Array };
export type BinThreadAnswer =
  | { readonly part: PointCells }
  | { readonly cache: CellCacheState | null; readonly areas?: Float64Array }
  | { readonly probed: true }
  | { readonly error: ErrorData };

/** A 'hash' request: files to fingerprint (`hashFiles`), each expected to be the file the load opened. */
export interface HashRequest {
  readonly files: readonly { readonly path: string; readonly identity: FileIdentity }[];
}
export type HashAnswer = { readonly digests: FileDigests } | { readonly error: ErrorData };

/** A CLI command's binning thread: `assign` for `binIncidents`, `warm` for a streamed load's batches (`CoordinateWatch`), `close` when done. */
export interface BinThread {
  readonly assign: CellAssigner;
  /**
   * Sends a record batch's raw coordinates to be looked up at `res` while the load goes on: on
   * shared memory (read in place) or, with `give`, in buffers of their own that are transferred
   * (the caller must not use them afterwards; otherwise non-shared arrays are copied). A batch is not sent while the thread is `WARM_BACKLOG_ROWS` behind (its
   * points are then looked up when binned), so neither the queued batches nor the wait for the
   * 'warmed' answer grow with the file.
   */
  readonly warm: (lat: Float64Array, lng: Float64Array, res: number, give?: boolean) => void;
  /**
   * Has the thread fault in the pages of shared buffers this thread will write later (the load's
   * scratch memory, `takeInt32`), so their first writes here cost no page faults. Each page is
   * touched by an atomic add of 0, which keeps any value this thread may have written meanwhile.
   * Not answered; requests are taken in order, so call it before the 'warm' batches it should precede.
   */
  readonly touch: (buffers: readonly SharedArrayBuffer[]) => void;
  /** Answers taken from the thread so far, by kind ('warmed' with a cache, 'probed', 'split'): which path a binning took. */
  readonly answered: { warmed: number; probed: number; split: number };
  /**
   * The files' SHA-256 (each and all in order), read and hashed on the thread while this thread
   * goes on (`hashFiles`); rejects when the thread reports an error or ends first, or while an
   * earlier request is still pending (one at a time).
   */
  readonly fingerprint: (files: HashRequest['files']) => Promise<FileDigests>;
  /** Settles once the thread has loaded its module (it may then answer within a short `waitMs`). */
  readonly ready: Promise<void>;
  close(): void;
}

/**
 * Rows from which binning is split across two threads. Below it the second thread's hand-over
 * (copying the range's 24 bytes a row, waking the thread, merging) costs more than it saves:
 * `npm run bench -- load-bin` measures both paths (BENCHMARKS.md, issue 14).
 */
export const MIN_THREAD_ROWS = 200_000;

/**
 * How long the main thread waits for the binning thread's half before binning it itself: far
 * above the thread's own work (its half of 20 M rows takes seconds), so only a dead thread hits it.
 */
export const BIN_THREAD_WAIT_MS = 120_000;

/**
 * Rows of record batches sent to 'warm' and not yet looked up beyond which further batches are not
 * sent: 2 M rows hold 32 MB of coordinates (a streamed load's copies) and about a second of the
 * thread's work, so the 'warmed' answer never waits long and the queue stays small.
 */
export const WARM_BACKLOG_ROWS = 2_000_000;

/** Input bytes from which the binning thread is started at all (about `MIN_THREAD_ROWS` rows of a lean Arrow file). */
export const MIN_THREAD_BYTES = 4 << 20;

/**
 * A binning thread for one command, started before the input is read so its start-up overlaps
 * the read. `warm` sends it each record batch's raw coordinates as a streamed load reads them
 * (`CoordinateWatch`, on shared memory): it looks the points up in a cache on shared memory while
 * the main thread goes on reading, and the next `assign` at that resolution takes the cache and
 * bins every row with it (`binWithCache`; H3 only for a point the cache lacks). Otherwise
 * `assign` is a synchronous `CellAssigner` (what `binIncidents` takes): with at least
 * `minRows` rows it parts the rows by point (`splitByPoint`: each distinct coordinate pair goes to
 * one side, so no point is looked up in H3 twice), hands the other side's coordinates to the
 * thread (copied once into transferred buffers), assigns its own side (`binPoints`), waits on a
 * shared flag (`Atomics.wait`) and takes the thread's answer synchronously
 * (`receiveMessageOnPort`), then joins both with `joinByPoint` — the same cells and ids as one
 * pass, so the panel is identical bit for bit. Fewer rows, or a thread that failed, take the
 * one-thread path; a thread that gives no answer within `waitMs` (it died without raising the
 * flag, or is stalled) has its side binned on the main thread, with the same result, into memory the
 * thread never writes; the thread is then ended. `close()` ends the thread.
 * @example const thread = binThread(); preparePanel(s, sha, { mapping, bin: { ...bin, assign: thread.assign } }); thread.close();
 */
export function binThread(minRows = MIN_THREAD_ROWS, waitMs = BIN_THREAD_WAIT_MS, stall?: SharedArrayBuffer): BinThread {
  const { port1, port2 } = new MessageChannel();
  const hashing = new MessageChannel();
  const flag = new SharedArrayBuffer(4);
  const state = new Int32Array(flag);
  const progress = new SharedArrayBuffer(4);
  const looked = new Int32Array(progress);
  const bundled = import.meta.url.includes('/dist-cli/');
  const data: BinThreadData = {
    port: port2,
    hashPort: hashing.port2,
    flag,
    progress,
    bundle: bundled ? new URL('./bin-thread.js', import.meta.url).href : null,
    stall,
  };
  const entry = new URL(bundled ? '../bin/bin-thread.js' : '../../bin/bin-thread.js', import.meta.url);
  const worker = new Worker(entry, { workerData: data, transferList: [port2, hashing.port2] });
  worker.unref();
  port1.unref();
  hashing.port1.unref();
  const ready = new Promise<void>((resolve) => {
    worker.once('message', () => resolve());
    worker.once('exit', () => resolve());
  });
  const answered = { warmed: 0, probed: 0, split: 0 };
  let failed: unknown = null;
  const ended = new Set<(error: unknown) => void>(); // pending fingerprints, rejected if the thread ends first
  worker.on('error', (error) => (failed = error));
  worker.on('exit', () => {
    failed ??= new Error('the binning thread has ended');
    for (const reject of ended) reject(failed);
  });
  // One request at a time (its answer is the next message on the port); the port keeps the process alive only while one is pending.
  let hashPending = false;
  const fingerprint = (files: HashRequest['files']): Promise<FileDigests> => {
    if (failed) return Promise.reject(failed);
    if (hashPending) return Promise.reject(new Error('the binning thread is still hashing files for an earlier request'));
    hashPending = true;
    return new Promise<FileDigests>((resolve, reject) => {
      const settle = (): void => {
        hashPending = false;
        ended.delete(onEnd);
        hashing.port1.off('message', answer);
        hashing.port1.unref();
      };
      const answer = (message: HashAnswer): void => {
        settle();
        if ('error' in message) reject(errorFromData(message.error));
        else resolve(message.digests);
      };
      const onEnd = (error: unknown): void => {
        settle();
        reject(error);
      };
      ended.add(onEnd);
      hashing.port1.on('message', answer);
      hashing.port1.ref();
      hashing.port1.postMessage({ files } satisfies HashRequest);
    });
  };
  // The thread raises the flag when it answers or exits; one that dies without running its exit
  // handlers (out of memory, a failed import) never does, so the wait is bounded: after `waitMs`
  // without an answer the caller does the thread's part itself, as one thread would.
  const ask = (request: BinThreadRequest, transfer: ArrayBuffer[] = [], work = (): void => {}): BinThreadAnswer | undefined => {
    Atomics.store(state, 0, 0);
    port1.postMessage(request, transfer);
    work();
    const deadline = performance.now() + waitMs;
    while (Atomics.load(state, 0) === 0 && performance.now() < deadline) Atomics.wait(state, 0, 0, 100);
    const answer = receiveMessageOnPort(port1)?.message as BinThreadAnswer | undefined;
    if (answer && 'error' in answer) throw errorFromData(answer.error);
    if (!answer) {
      // A stalled thread may still be alive: end it, so it neither works on for nothing nor writes shared memory later.
      failed = new Error('the binning thread ended or stalled without answering');
      void worker.terminate();
    } else if ('cache' in answer && answer.cache) answered.warmed++;
    else if ('probed' in answer) answered.probed++;
    else if ('part' in answer) answered.split++;
    return answer;
  };
  // With the rows on shared memory (a streamed load's, most rows kept), the thread looks up the
  // second half of them in the cache while this thread does the first; a point the cache lacks
  // is added after both (`binWithCache`), so neither writes the table while the other reads it.
  const binWithWarmCache = (rows: BinRows, window: BinWindow, cache: CellCache, areas?: Float64Array): RangeCells => {
    const n = rows.time.length;
    const shared = [rows.time, rows.lat, rows.lng].every((array) => array.buffer instanceof SharedArrayBuffer);
    if (!shared || n < minRows) return binWithCache(rows, window, cache, undefined, areas);
    const scratch = takeInt32(n); // the duplicate finder's memory, already faulted in
    const looked = scratch.buffer instanceof SharedArrayBuffer ? scratch : new Int32Array(new SharedArrayBuffer(n * 4));
    const half = n >>> 1;
    const { res, start, end } = window;
    const request: BinThreadRequest = {
      kind: 'probe',
      rows: { time: rows.time, lat: rows.lat, lng: rows.lng },
      window: { res, start, end },
      from: half,
      to: n,
      out: looked,
    };
    const answer = ask(request, [], () => lookUpRows(rows, window, cache, 0, half, looked));
    // `looked` is this thread's alone once the answer is in: the binning may give it back.
    if (answer && 'probed' in answer) return { ...binWithCache(rows, window, cache, looked, areas), scratch: true };
    // No answer: the thread may be slow but alive and still write `looked` later, so the result
    // must not be `looked` — this thread's half is copied out and the thread's half looked up here.
    const own = new Int32Array(n);
    own.set(looked.subarray(0, half));
    lookUpRows(rows, window, cache, half, n, own);
    return binWithCache(rows, window, cache, own, areas);
  };
  let warming: number | null = null; // the resolution of the batches sent to 'warm'
  let sent = 0; // rows sent to 'warm'
  const warm = (lat: Float64Array, lng: Float64Array, res: number, give = false): void => {
    if (failed || sent - Atomics.load(looked, 0) > WARM_BACKLOG_ROWS) return;
    warming = res;
    sent += lat.length;
    const own = give ? [lat.buffer, lng.buffer].filter((buffer) => buffer instanceof ArrayBuffer) : [];
    port1.postMessage({ kind: 'warm', lat, lng, res } satisfies BinThreadRequest, own);
  };
  const touch = (buffers: readonly SharedArrayBuffer[]): void => {
    if (!failed) port1.postMessage({ kind: 'touch', buffers } satisfies BinThreadRequest);
  };
  const assign: CellAssigner = (rows, window) => {
    const n = rows.time.length;
    if (failed) return assignCells(rows, window);
    if (warming === window.res) {
      // The thread looked the points up while the file was read: take its cache and bin with it.
      warming = null;
      const answer = ask({ kind: 'warmed', res: window.res });
      if (answer && 'cache' in answer && answer.cache) return binWithWarmCache(rows, window, CellCache.fromState(answer.cache), answer.areas);
      if (failed) return assignCells(rows, window);
    }
    if (n < minRows) return assignCells(rows, window);
    const split = splitByPoint(rows, window);
    const { lat, lng } = split.other;
    let mine: PointCells | null = null;
    const answer = ask({ kind: 'split', lat, lng, res: window.res }, [lat.buffer as ArrayBuffer, lng.buffer as ArrayBuffer], () => {
      mine = binPoints(rows.lat, rows.lng, window.res, split.side, 0);
    });
    const other = answer && 'part' in answer ? answer.part : binPoints(rows.lat, rows.lng, window.res, split.side, 1);
    return joinByPoint(split, [mine!, other]);
  };
  return {
    assign,
    warm,
    touch,
    fingerprint,
    answered,
    ready,
    close() {
      // A fingerprint still pending is one nobody awaits any more (a load that did not stream): dropped, not hashed elsewhere.
      const closed = new BinThreadClosed('the binning thread was closed before it had hashed the files');
      for (const reject of ended) reject(closed);
      port1.close();
      hashing.port1.close();
      void worker.terminate();
    },
  };
}

/** The rejection of a fingerprint still pending when its thread is closed (`BinThread.close`): `fingerprintOnThread` does not hash the files elsewhere then. */
export class BinThreadClosed extends Error {}

/**
 * The binning thread a command reading `paths` should use: started when the machine has a second
 * core and the files hold at least `MIN_THREAD_BYTES`, else none (`assign` undefined: one pass on
 * the main thread). Call before reading, so the thread starts while the files are read.
 * @example const thread = binThreadFor(['chicago.arrow']); … thread.close();
 */
export function binThreadFor(paths: readonly string[]): Partial<BinThread> & { close(): void } {
  if (process.env.HEXCAST_BIN_THREAD === 'off') return { close() {} }; // the benchmark's one-thread runs
  let bytes = 0;
  for (const path of paths) bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  return availableParallelism() > 1 && bytes >= MIN_THREAD_BYTES ? binThread() : { close() {} };
}
