/**
 * Global setup of the browser tests: builds the app with `vite build` and serves dist/ with
 * `vite preview` on a free port of 127.0.0.1; the tests read its address with
 * `inject('baseUrl')`. It is a production build (as shipped) with the test hooks (VITE_HEXCAST_TEST_HOOKS=1, see
 * src/lib/worker/test-crash.ts). HEXCAST_SKIP_BUILD=1 reuses an existing dist/ (quicker local reruns).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(process.env.HEXCAST_SKIP_BUILD === '1' && existsSync(`${root}/dist/index.html`))) {
    // Installs the test hooks (window.__hexcastHooks, e.g. to crash the worker); a production build has none.
    process.env.VITE_HEXCAST_TEST_HOOKS = '1';
    // The build users get: vitest sets NODE_ENV=test, which would make Vite and Svelte build their development code.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  const server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error(`vite preview did not report a TCP address: ${String(address)}`);
  project.provide('baseUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    await server.close();
  };
}
