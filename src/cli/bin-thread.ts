import { parentPort, workerData } from 'node:worker_threads';
import { errorData } from '../lib/base/hexcast-error';
import { lookUpRows, warmCache } from '../lib/grid/bin-with-cache';
import { CellCache } from '../lib/grid/cell-cache';
import { areaOf } from '../lib/grid/h3';
import { binPoints } from '../lib/grid/split-by-point';
import type { BinThreadAnswer, BinThreadData, BinThreadRequest, HashAnswer, HashRequest } from './bin-threads';
import { hashFiles } from './hash-files';

// The binning thread of `binThreads`. While the main thread reads the file it is sent each record
// batch's coordinates ('warm', on shared memory) and looks their points up in a cache on shared
// memory; 'warmed' hands that cache over and 'probe' looks up its part of the rows in it while the
// main thread does the other part. 'split' assigns the points it is sent to cells
// (`binPoints`); 'touch' faults in the pages of the main thread's scratch memory. Every answer goes out on its port, then the shared flag is raised so the waiting
// main thread wakes. A thread that ends any other way raises the flag too (state 2), so the main
// thread never waits forever.
const { port, hashPort, flag, progress, stall } = workerData as BinThreadData;
const warmedRows = new Int32Array(progress);
const stalled = stall && new Int32Array(stall); // tests only: a thread slower than the main thread's wait
const state = new Int32Array(flag);
const raise = (value: number): void => {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
};
process.on('exit', () => raise(2));

let warm: CellCache | null = null;
let warmFailed = false;
// The areas of the warm cache's cells, in its order, computed after each batch while the main
// thread still decodes: the binning then takes them instead of computing them itself. Stops at
// a cell whose area cannot be computed (the main thread computes that one and those after it).
let warmAreas: number[] = [];
let areasFailed = false;
let lent: CellCache | null = null; // the cache handed over, read for 'probe' while the main thread reads it too

port.on('message', (request: BinThreadRequest) => {
  if (request.kind === 'touch') {
    // One atomic add of 0 a 4 KiB page: the page is faulted in here, its value (maybe written meanwhile by the main thread) kept.
    for (const buffer of request.buffers) {
      const words = new Int32Array(buffer);
      for (let i = 0; i < words.length; i += 1024) Atomics.add(words, i, 0);
    }
    return;
  }
  if (request.kind === 'warm') {
    try {
      if (warmFailed) return;
      if (warm?.res !== request.res) {
        warm = new CellCache(request.res, Math.min(request.lat.length >>> 2, 1 << 20), true);
        warmAreas = [];
        areasFailed = false;
      }
      warmCache(warm, request.lat, request.lng);
      for (const cells = warm.cells; !areasFailed && warmAreas.length < cells.length;) {
        try {
          warmAreas.push(areaOf(cells[warmAreas.length]));
        } catch {
          areasFailed = true;
        }
      }
    } catch {
      warmFailed = true; // the main thread bins without the cache
    } finally {
      Atomics.add(warmedRows, 0, request.lat.length);
    }
    return;
  }
  let answer: BinThreadAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    if (request.kind === 'warmed') {
      lent = !warmFailed && warm?.res === request.res ? warm : null;
      answer = { cache: lent?.state() ?? null, areas: Float64Array.from(lent ? warmAreas : []) };
      warm = null;
      warmAreas = []; // the main thread continues the cache; this thread no longer writes it
      warmFailed = false;
    } else if (request.kind === 'probe') {
      if (!lent) throw new Error('the binning thread holds no cache to look rows up in');
      if (stalled) Atomics.wait(stalled, 0, 0);
      lookUpRows(request.rows, request.window, lent, request.from, request.to, request.out);
      if (stalled) Atomics.store(stalled, 1, 1);
      lent = null; // the main thread adds the points the cache lacked once this answer is in
      answer = { probed: true };
    } else {
      const part = binPoints(request.lat, request.lng, request.res);
      answer = { part };
      transfer = [part.cellId.buffer as ArrayBuffer];
    }
  } catch (error) {
    answer = { error: errorData(error) };
  }
  port.postMessage(answer, transfer);
  raise(1);
});
// 'hash': the input files' SHA-256, read from disk here while the main thread decodes them (`hashFiles`).
hashPort.on('message', ({ files }: HashRequest) => {
  let answer: HashAnswer;
  try {
    answer = { digests: hashFiles(files) };
  } catch (error) {
    answer = { error: errorData(error) };
  }
  hashPort.postMessage(answer);
});
parentPort!.postMessage('ready');
