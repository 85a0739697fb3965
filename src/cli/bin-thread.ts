import { parentPort, workerData } from 'node:worker_threads';
import { errorData } from '../lib/base/hexcast-error';
import { binPoints } from '../lib/grid/split-by-point';
import type { BinThreadAnswer, BinThreadData, BinThreadRequest } from './bin-threads';

// The binning thread of `binThreads`: assigns the points it is sent to cells (`binPoints`) and
// answers on its port, then raises the shared flag so the waiting main thread wakes. A thread
// that ends any other way raises the flag too (state 2), so the main thread never waits forever.
const { port, flag } = workerData as BinThreadData;
const state = new Int32Array(flag);
const raise = (value: number): void => {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
};
process.on('exit', () => raise(2));

port.on('message', ({ lat, lng, res }: BinThreadRequest) => {
  let answer: BinThreadAnswer;
  try {
    answer = { part: binPoints(lat, lng, res) };
  } catch (error) {
    answer = { error: errorData(error) };
  }
  port.postMessage(answer, 'part' in answer ? [answer.part.cellId.buffer as ArrayBuffer] : []);
  raise(1);
});
parentPort!.postMessage('ready');
