import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/app.css';
import { WorkerClient } from './lib/worker/client';
import { TEST_CRASH } from './lib/worker/test-crash';
import { warmDataStep } from './app/data/warm-data-step';

let worker: Worker;
/** A new worker; the client calls it again when the worker dies. */
const spawn = (): Worker => (worker = new Worker(new URL('./lib/worker/worker.ts', import.meta.url), { type: 'module', name: 'hexcast' }));
const client = new WorkerClient(spawn(), { restart: spawn });
const app = mount(App, { target: document.getElementById('app')!, props: { client } });
// The page's first `toLocaleString` loads ICU's number formats (40–110 ms in Chromium here): done while the page is
// idle after start, rather than in the task that first shows a count (opening a file: its progress line).
(window.requestIdleCallback ?? setTimeout)(() => (0).toLocaleString('en-US'));
// Likewise the Data step's templates, parsed the first time they are drawn (see warmDataStep).
(window.requestIdleCallback ?? setTimeout)(warmDataStep);

// Dev and browser-test builds only (Vite folds the condition to false in a production build): lets a test kill the worker.
if (import.meta.env.DEV || import.meta.env.VITE_HEXCAST_TEST_HOOKS === '1')
  (window as unknown as { __hexcastHooks: unknown }).__hexcastHooks = { crashWorker: () => worker.postMessage(TEST_CRASH) };

export default app;
