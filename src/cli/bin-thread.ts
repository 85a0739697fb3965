import { parentPort, workerData } from 'node:worker_threads';
import { errorData } from '../lib/base/hexcast-error';
import { binRange } from '../lib/grid/bin-range';
import type { BinThreadAnswer, BinThreadData, BinThreadRequest } from './bin-threads';

// The binning thread of `binThreads`: assigns the row range it is sent to cells (`binRange`) and
// answers on its port, then raises the shared flag so the waiting main thread wakes. A thread
// that ends any other way raises the flag too (state 2), so the main thread never waits forever.
const { port, flag } = workerData as BinThreadData;
const state = new Int32Array(flag);
const raise = (value: number): void => {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
};
process.on('exit', () => raise(2));

port.on('message', ({ rows, window }: BinThreadRequest) => {
  let answer: BinThreadAnswer;
  try {
    answer = { part: binRange(rows, window) };
  } catch (error) {
    answer = { error: errorData(error) };
  }
  port.postMessage(answer, 'part' in answer ? [answer.part.cellId.buffer as ArrayBuffer] : []);
  raise(1);
});
parentPort!.postMessage('ready');
