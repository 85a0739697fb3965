/**
 * Cross-origin isolation (issue 14): `vite preview` (as `vite` does) sends COOP `same-origin` and
 * COEP `require-corp`, so the page and its worker are `crossOriginIsolated` and a learned model's
 * tfjs WASM backend runs on the threaded-SIMD binary (its pthread pool of blob: workers starts)
 * with the threads tfjs grants: half the logical cores, at most 4 asked — so 1 on this 2-core CI
 * machine, 2 on a 4-core laptop; the same build on a static host without those headers runs the
 * single-threaded binary and says why on screen.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SINGLE_THREAD_NOTE } from '../../src/lib/base/backend-label';
import { protocolOf } from '../../src/lib/evaluate/protocol';
import { defaultExperiment } from '../../src/app/experiment';
import { encodeExperiment } from '../../src/app/experiment-url';
import { evaluate, launch, openApp, runLinkedSample, useApp, type Watched } from './harness';
import { serveStatic, type Running } from './static-server';

const { open } = useApp();
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const experiment = defaultExperiment({ kind: 'sample', id: 'chicago-3-types-2014-2018' });
const GLM_ONE_FOLD = `#${encodeExperiment({ ...experiment, models: ['poisson-glm'], protocol: protocolOf({ ...experiment.protocol, folds: 1 }) })}`;

/** Runs the linked one-fold GLM experiment and returns the Run step's backend line once tfjs has started. */
async function backendLine(page: Page): Promise<string> {
  await runLinkedSample(page, 'Run 1 model × 1 folds');
  const line = page.getByTestId('run-backend');
  await line.getByText(/TensorFlow\.js backend:/).waitFor({ timeout: 120_000 });
  return (await line.textContent())!.replace(/\s+/g, ' ').trim();
}

describe('cross-origin isolation', () => {
  it('vite preview sends COOP/COEP: the page and its worker are isolated and WASM runs on more than one thread', async () => {
    const app = await open(GLM_ONE_FOLD);
    const { page } = app;
    expect(await evaluate(page, () => [crossOriginIsolated, typeof SharedArrayBuffer])).toEqual([true, 'function']);
    const line = await backendLine(page);
    const threads = Number(line.match(/wasm, (\d+) threads?/)?.[1]);
    const cores = await evaluate(page, () => navigator.hardwareConcurrency);
    expect(threads, line).toBe(Math.max(1, Math.min(4, Math.floor(cores / 2))));
    expect(line).not.toContain(SINGLE_THREAD_NOTE);
    // The threaded binary's pthread pool: workers started from blob: URLs of tfjs's own code.
    expect(page.workers().filter((w) => w.url().startsWith('blob:')).length).toBeGreaterThanOrEqual(2);
    await app.screenshot('isolation-threads');
    await page.getByRole('heading', { name: 'Results', level: 2 }).waitFor({ timeout: 120_000 });
  });

  describe('on a static host without the headers', () => {
    let browser: Browser;
    let host: Running;
    let app: Watched | undefined;
    beforeAll(async () => {
      [browser, host] = await Promise.all([launch(), serveStatic(DIST)]);
    });
    afterAll(async () => {
      await Promise.all([browser?.close(), host?.close()]);
    });

    it('is not isolated, runs WASM on one thread and says why', async () => {
      app = await openApp(browser, host.url, GLM_ONE_FOLD);
      expect(await evaluate(app.page, () => crossOriginIsolated)).toBe(false);
      const line = await backendLine(app.page);
      expect(line).toContain(`wasm, 1 thread — ${SINGLE_THREAD_NOTE}`);
      await app.screenshot('isolation-fallback');
      expect(app.pageErrors).toEqual([]);
    });
  });
});
