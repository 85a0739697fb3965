import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/app.css';
import { WorkerClient } from './lib/worker/client';

const worker = new Worker(new URL('./lib/worker/worker.ts', import.meta.url), { type: 'module', name: 'hexcast' });
const app = mount(App, { target: document.getElementById('app')!, props: { client: new WorkerClient(worker) } });

export default app;
