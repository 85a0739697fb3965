// Entry of the CLI's binning thread (src/cli/bin-threads.ts): the bundled module when the command
// runs from dist-cli/, else the sources under tsx (tests, fresh clones).
import { workerData } from 'node:worker_threads';

if (workerData.bundle) {
  await import(workerData.bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/bin-thread.ts');
}
