// Entry of the CLI's binning thread (src/cli/bin-threads.ts): the bundled module when the command
// runs from dist-cli/, else the sources under tsx (tests, fresh clones).
import { workerData } from 'node:worker_threads';

// A thread whose module fails to load raises the shared flag (state 2), so the main thread stops
// waiting and bins the rows itself.
const raiseFailed = () => {
  const state = new Int32Array(workerData.flag);
  Atomics.store(state, 0, 2);
  Atomics.notify(state, 0);
};
process.on('exit', raiseFailed);
try {
  if (workerData.bundle) {
    await import(workerData.bundle);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../src/cli/bin-thread.ts');
  }
} catch (error) {
  raiseFailed();
  throw error;
}
